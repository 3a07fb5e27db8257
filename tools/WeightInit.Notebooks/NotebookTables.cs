using System.Text;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks;

/// <summary>
/// The tables of notebooks in README.md and in the map notebook (00), generated from one source: the summaries of
/// <c>notebooks/notebooks.json</c>, so that a notebook's change cannot leave a second copy of its summary stale. Each
/// table sits between <see cref="Begin"/> and <see cref="End"/>; <c>run</c> rewrites it, and a test fails when the
/// committed files differ from what this class makes. README's figure is generated the same way: the line
/// <c>&lt;!-- readme-figure: NN-name.ipynb, chart K --&gt;</c> before README's image names the notebook and its chart
/// (counted from 1 over the notebook's PNG outputs), and the image file is that chart's saved PNG.
/// </summary>
public static partial class NotebookTables
{
    /// <summary>The line before a generated table.</summary>
    public const string Begin =
        "<!-- notebooks:begin, generated from notebooks/notebooks.json: edit the summaries there -->";

    /// <summary>The line after a generated table.</summary>
    public const string End = "<!-- notebooks:end -->";

    /// <summary>The file name of the map notebook, which holds the second table.</summary>
    public const string MapNotebook = "00-reading-order.ipynb";

    /// <summary>
    /// The table: one row per listed notebook except the map, with its number, its title (the first "# " heading
    /// of its first markdown cell) linked relative to <paramref name="linkPrefix"/>, and its summary.
    /// </summary>
    /// <exception cref="InvalidNotebookException">A notebook has no summary or no title.</exception>
    public static string Table(NotebookManifest manifest, string linkPrefix)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var table = new StringBuilder("| # | notebook | what it shows |\n|---|---|---|\n");
        foreach (var name in manifest.Names.Where(n => n != MapNotebook))
        {
            if (!manifest.Summaries.TryGetValue(name, out var summary))
                throw new InvalidNotebookException($"{name}: no summary in {NotebookManifest.FileName}");
            table.Append($"| {name[..2]} | [{Title(manifest.PathOf(name))}]({linkPrefix}{name}) | {summary} |\n");
        }
        return table.ToString();
    }

    /// <summary>The title of a notebook: the text of the first "# " heading of its first markdown cell.</summary>
    /// <exception cref="InvalidNotebookException">The notebook has no such heading.</exception>
    public static string Title(string notebookPath)
    {
        var notebook = NotebookFile.Load(notebookPath);
        var markdown = notebook.Cells.Select(c => c!.AsObject())
            .FirstOrDefault(c => (string?)c["cell_type"] == "markdown");
        var heading = markdown is null ? null : NotebookFile.JoinText(markdown["source"]).Split('\n')
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        return heading?[2..].Trim() ?? throw new InvalidNotebookException(
            $"{notebook.Name}: its first markdown cell has no \"# title\" heading");
    }

    /// <summary><paramref name="text"/> with the lines between <see cref="Begin"/> and <see cref="End"/> replaced
    /// by <paramref name="table"/>.</summary>
    /// <exception cref="InvalidNotebookException">The markers are missing or out of order.</exception>
    public static string Replace(string text, string table, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        int begin = text.IndexOf(Begin, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
            throw new InvalidNotebookException($"{where}: the table of notebooks needs the lines {Begin} and {End}");
        int start = begin + Begin.Length;
        return text[..start] + "\n" + table + text[end..];
    }

    /// <summary>
    /// Brings README.md and the map notebook's table up to date; with <paramref name="write"/> false it only
    /// compares. Returns the files that were (or would be) changed.
    /// </summary>
    public static IReadOnlyList<string> Update(string root, bool write)
    {
        var manifest = NotebookManifest.Load(Path.Combine(root, "notebooks"));
        var stale = new List<string>();
        string readmePath = Path.Combine(root, "README.md");
        string readme = File.ReadAllText(readmePath);
        string newReadme = Replace(readme, Table(manifest, "notebooks/"), "README.md");
        if (newReadme != readme)
        {
            stale.Add("README.md");
            if (write) File.WriteAllText(readmePath, newReadme);
        }
        if (Figure().Match(newReadme) is { Success: true } figure)
        {
            var png = ChartPng(manifest, figure.Groups["notebook"].Value, int.Parse(figure.Groups["chart"].Value,
                System.Globalization.CultureInfo.InvariantCulture));
            var imagePath = Path.Combine(root, figure.Groups["image"].Value);
            if (!File.Exists(imagePath) || !File.ReadAllBytes(imagePath).AsSpan().SequenceEqual(png))
            {
                stale.Add(figure.Groups["image"].Value);
                if (write)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(imagePath)!);
                    File.WriteAllBytes(imagePath, png);
                }
            }
        }
        if (!manifest.Names.Contains(MapNotebook)) return stale;
        var map = NotebookFile.Load(manifest.PathOf(MapNotebook));
        var cell = map.Cells.Select(c => c!.AsObject()).FirstOrDefault(c => (string?)c["cell_type"] == "markdown"
            && NotebookFile.JoinText(c["source"]).Contains(Begin, StringComparison.Ordinal))
            ?? throw new InvalidNotebookException($"{MapNotebook}: no markdown cell holds the line {Begin}");
        string source = NotebookFile.JoinText(cell["source"]);
        string newSource = Replace(source, Table(manifest, ""), MapNotebook);
        if (newSource != source)
        {
            stale.Add(MapNotebook);
            if (write)
            {
                cell["source"] = NotebookFile.ToLines(newSource);
                map.WriteAtomically();
            }
        }
        return stale;
    }

    /// <summary>The saved PNG of chart <paramref name="chart"/> (from 1) of <paramref name="notebook"/>.</summary>
    /// <exception cref="InvalidNotebookException">The notebook is not listed or has fewer charts.</exception>
    public static byte[] ChartPng(NotebookManifest manifest, string notebook, int chart)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!manifest.Names.Contains(notebook))
            throw new InvalidNotebookException($"README.md's figure names {notebook}, which is not listed");
        var pngs = NotebookFile.Load(manifest.PathOf(notebook)).Cells.Select(c => c!.AsObject())
            .Where(c => (string?)c["cell_type"] == "code" && c["outputs"] is System.Text.Json.Nodes.JsonArray)
            .SelectMany(c => c["outputs"]!.AsArray())
            .Select(o => o?["data"]?["image/png"])
            .Where(d => d is not null)
            .Select(d => NotebookFile.JoinText(d))
            .ToList();
        if (chart < 1 || chart > pngs.Count)
            throw new InvalidNotebookException(
                $"README.md's figure is chart {chart} of {notebook}, which saves {pngs.Count} chart image(s)");
        return Convert.FromBase64String(pngs[chart - 1]); // it skips the line breaks Jupyter may put in
    }

    [GeneratedRegex(@"<!-- readme-figure: (?<notebook>\S+\.ipynb), chart (?<chart>\d+) -->\r?\n" +
        @"!\[[^\]]*\]\((?<image>[^)]+\.png)\)")]
    private static partial Regex Figure();
}
