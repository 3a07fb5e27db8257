using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// The explicit list of notebooks in reading order, <c>notebooks/notebooks.json</c>:
/// <c>{ "notebooks": [ { "file": "01-....ipynb", "summary": "one line" }, ... ] }</c> (an entry may also be the
/// bare file name, a notebook without a summary). The list and the folder must agree: a listed notebook missing on
/// disk, or an .ipynb in the folder that is not listed, is an error. The summaries are the one source of the
/// tables of notebooks in README.md and in the map notebook (<see cref="NotebookTables"/>).
/// </summary>
public sealed class NotebookManifest
{
    /// <summary>The manifest's file name inside the notebooks folder.</summary>
    public const string FileName = "notebooks.json";

    /// <summary>The file that marks the repository's root.</summary>
    public const string SolutionFile = "WeightInitNotebooks.sln";

    private NotebookManifest(string folder, IReadOnlyList<string> names, IReadOnlyDictionary<string, string> summaries)
    {
        Folder = folder;
        Names = names;
        Summaries = summaries;
    }

    /// <summary>The one-line summary of each notebook that has one, by file name.</summary>
    public IReadOnlyDictionary<string, string> Summaries { get; }

    /// <summary>The notebooks folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The notebook file names in reading order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Full path of a listed notebook.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>
    /// The notebooks whose file name starts with one of <paramref name="prefixes"/> (all of them when there is none),
    /// in reading order.
    /// </summary>
    /// <exception cref="InvalidNotebookException">No listed notebook starts with any of the prefixes.</exception>
    public IReadOnlyList<string> Select(IReadOnlyList<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.Count == 0) return Names;
        var selected = Names.Where(n => prefixes.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return selected.Count > 0
            ? selected
            : throw new InvalidNotebookException(
                $"--only {string.Join(',', prefixes)}: no listed notebook starts with that");
    }

    /// <summary>Reads the manifest of <paramref name="folder"/> and checks it against the folder's .ipynb
    /// files.</summary>
    /// <exception cref="InvalidNotebookException">The manifest is missing or invalid, or disagrees with the folder; the
    /// message names the notebook.</exception>
    public static NotebookManifest Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file)) throw new InvalidNotebookException($"{FileName}: not found in the notebooks folder");
        List<string> names;
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var entries = JsonNode.Parse(File.ReadAllText(file))?["notebooks"]?.AsArray()
                ?? throw new InvalidNotebookException($"{FileName}: expected " +
                    "{\"notebooks\": [{\"file\": \"NN-title.ipynb\", \"summary\": \"...\"}, ...]}");
            names = [];
            foreach (var entry in entries)
            {
                if (entry is JsonObject item)
                {
                    string name = (string?)item["file"] ?? "";
                    names.Add(name);
                    if ((string?)item["summary"] is { Length: > 0 } summary) summaries[name] = summary;
                }
                else names.Add((string?)entry ?? "");
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidNotebookException($"{FileName}: invalid ({ex.Message})");
        }
        var problems = new List<string>();
        foreach (var name in names)
        {
            if (name.Length == 0 || name != Path.GetFileName(name)
                || !name.EndsWith(".ipynb", StringComparison.Ordinal))
                problems.Add($"{FileName}: '{name}' is not a notebook file name in this folder");
            else if (!File.Exists(Path.Combine(folder, name)))
                problems.Add($"{name}: listed in {FileName} but missing on disk");
        }
        foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1))
            problems.Add($"{duplicate.Key}: listed {duplicate.Count()} times in {FileName}");
        var onDisk = Directory.GetFiles(folder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        foreach (var unlisted in onDisk.Where(n => !names.Contains(n!)))
            problems.Add($"{unlisted}: in the notebooks folder but not listed in {FileName}");
        if (problems.Count > 0) throw new InvalidNotebookException(string.Join(Environment.NewLine, problems));
        return new NotebookManifest(folder, names, summaries);
    }

    /// <summary>The repository root (the folder holding <see cref="SolutionFile"/>) at or above <paramref
    /// name="start"/>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }
}
