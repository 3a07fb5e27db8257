using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks;

/// <summary>
/// Turns a kernel's outputs into what a saved notebook shows: kernel noise (the "Loading extensions from ..." messages
/// and the kernel's own script blocks) is dropped, machine paths (the notebook folder, the repository, the NuGet cache,
/// the home folder, the temporary folder) are replaced by neutral names, and consecutive stream outputs of the same
/// stream are joined into one (Jupyter may deliver a cell's text in several messages).
/// </summary>
public sealed partial class OutputSanitizer
{
    private readonly (string Path, string Replacement)[] _paths;

    /// <summary>Creates a sanitizer for notebooks in <paramref name="notebookFolder"/> of
    /// <paramref name="repositoryRoot"/>.</summary>
    public OutputSanitizer(string repositoryRoot, string notebookFolder)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(home, ".nuget", "packages");
        var candidates = new List<(string, string)>
        {
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(notebookFolder)), "."),
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot)), "<repo>"),
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(nuget)), "<nuget-packages>"),
            (Path.TrimEndingDirectorySeparator(Path.GetTempPath()), "<temp>"),
            ("/tmp", "<temp>"),
            (home, "~"),
        };
        // Longest first, so that a path inside another is replaced by its own name.
        _paths = candidates.Where(c => c.Item1.Length > 1).DistinctBy(c => c.Item1)
            .OrderByDescending(c => c.Item1.Length).ToArray();
    }

    /// <summary>Returns the outputs without noise, with machine paths replaced and consecutive streams
    /// joined.</summary>
    public JsonArray Sanitize(JsonArray outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var result = new JsonArray();
        foreach (var node in outputs)
        {
            var output = node!.DeepClone().AsObject();
            if (IsNoise(output)) continue;
            ReplacePaths(output);
            if (result.Count > 0 && result[^1] is JsonObject previous && IsStream(previous, out var name)
                && IsStream(output, out var next) && name == next)
            {
                previous["text"] = NotebookFile.ToLines(
                    NotebookFile.JoinText(previous["text"]) + NotebookFile.JoinText(output["text"]));
                continue;
            }
            result.Add(output);
        }
        return result;
    }

    /// <summary>Sanitizes every code cell's outputs of <paramref name="notebook"/> in place.</summary>
    public void SanitizeNotebook(JsonObject notebook)
    {
        foreach (var (_, cell) in NotebookFile.CodeCells(notebook))
            if (cell["outputs"] is JsonArray outputs) cell["outputs"] = Sanitize(outputs);
    }

    /// <summary>True for outputs that only report the kernel's own work (extension loading, kernel scripts).</summary>
    public static bool IsNoise(JsonObject output)
    {
        var text = AllText(output);
        return text.Contains("Loading extensions from", StringComparison.Ordinal)
            || text.Contains("Loaded kernel extension", StringComparison.Ordinal)
            || KernelScript().IsMatch(text);
    }

    /// <summary>All strings in an output (stream text and every mime type's data), concatenated.</summary>
    public static string AllText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonObject o => string.Concat(o.Select(p => AllText(p.Value))),
        JsonArray a => string.Concat(a.Select(AllText)),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => string.Empty,
    };

    /// <summary>Replaces every machine path in <paramref name="text"/>.</summary>
    public string Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (path, replacement) in _paths)
            text = text.Replace(path, replacement, StringComparison.Ordinal);
        return text;
    }

    private static bool IsStream(JsonObject output, out string? name)
    {
        name = (string?)output["name"];
        return (string?)output["output_type"] == "stream";
    }

    private void ReplacePaths(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue(out string? s)) o[key] = Replace(s);
                    else if (o[key] is { } child) ReplacePaths(child);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue(out string? s)) a[i] = Replace(s);
                    else if (a[i] is { } child) ReplacePaths(child);
                }
                break;
        }
    }

    // The dotnet-interactive Jupyter kernel's loader script (it configures require.js for its own JS API).
    [GeneratedRegex(@"dotnet-interactive\.js|dotnetInteractiveRequire|loadDotnetInteractiveApi",
        RegexOptions.CultureInvariant)]
    private static partial Regex KernelScript();
}
