using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Site;

/// <summary>
/// The glue between the executed notebooks and DocFX: each notebook becomes one Markdown article that DocFX turns into
/// a page of the book site. Markdown cells are copied as they are (DocFX typesets their <c>$...$</c> formulas offline);
/// code cells become C# blocks; printed text becomes an output block; each Plotly chart becomes a live chart drawn by
/// the pinned plotly.js (its static PNG only inside <c>&lt;noscript&gt;</c>); cells tagged <c>solution</c> fold into
/// a collapsed <c>&lt;details&gt;</c> block; the setup cell and its kernel noise are left out.
/// </summary>
public static class SiteSources
{
    /// <summary>The cell tag that marks an exercise's worked solution (code or explanation).</summary>
    public const string SolutionTag = "solution";

    /// <summary>The folder of the articles inside the site's sources, and the page folder of the built site.</summary>
    public const string NotebookFolder = "notebooks";

    /// <summary>The plotly.js file the pages load, beside the site's root.</summary>
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>
    /// Writes the site's sources into <paramref name="folder"/>: one article per notebook of the manifest (from the
    /// notebook of the same name in <paramref name="notebooksFolder"/>: the committed ones, or an execution of them),
    /// the table of contents in reading order, the front page, plotly.js, and DocFX's configuration from
    /// tools/site. Returns the article of each notebook and how many live charts it holds.
    /// </summary>
    public static IReadOnlyList<(string Notebook, string Article, int Charts)> Write(string root,
        string notebooksFolder, string folder, string plotlyJsPath)
    {
        var manifest = NotebookManifest.Load(Path.Combine(root, "notebooks"));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(Path.Combine(folder, NotebookFolder));
        var configuration = Path.Combine(root, "tools", "site");
        foreach (var file in Directory.GetFiles(configuration, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(configuration, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Copy(plotlyJsPath, Path.Combine(folder, PlotlyFile));
        // DocFX reads the library's project from the repository, wherever the sources are written.
        var docfx = Path.Combine(folder, "docfx.json");
        File.WriteAllText(docfx, File.ReadAllText(docfx).Replace("{{repository}}",
            Path.GetRelativePath(folder, root).Replace('\\', '/'), StringComparison.Ordinal));
        var written = new List<(string, string, int)>();
        var toc = new StringBuilder();
        foreach (var name in manifest.Names)
        {
            var notebook = NotebookFile.Load(Path.Combine(notebooksFolder, name));
            var article = Path.ChangeExtension(name, ".md");
            var (markdown, charts) = Article(notebook.Json, Path.GetFileNameWithoutExtension(name));
            File.WriteAllText(Path.Combine(folder, NotebookFolder, article), markdown);
            written.Add((name, $"{NotebookFolder}/{article}", charts));
            var title = PlainTitle(NotebookTables.Title(manifest.PathOf(name)));
            toc.Append($"- name: \"{name[..2]} {Yaml(title)}\"\n")
                .Append($"  href: {article}\n");
        }
        File.WriteAllText(Path.Combine(folder, NotebookFolder, "toc.yml"), toc.ToString());
        var front = File.ReadAllText(Path.Combine(folder, "index.md"));
        var table = NotebookTables.Table(manifest, $"{NotebookFolder}/").Replace(".ipynb)", ".md)",
            StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "index.md"),
            NotebookTables.Replace(front, table, "tools/site/index.md"));
        return written;
    }

    /// <summary>One notebook as a DocFX article, and how many live charts it holds.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="stem">The notebook's file name without extension: the prefix of its chart ids.</param>
    public static (string Markdown, int Charts) Article(JsonObject notebook, string stem)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var text = new StringBuilder();
        text.Append($"<script src=\"../{PlotlyFile}\"></script>\n\n");
        int charts = 0;
        bool inSolution = false;
        foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            string source = NotebookFile.JoinText(cell["source"]);
            bool code = (string?)cell["cell_type"] == "code";
            if (code && source.TrimStart().StartsWith("#!import", StringComparison.Ordinal)) continue;
            bool solution = IsSolution(cell);
            if (solution && !inSolution) text.Append("<details class=\"solution\">\n<summary>Solution</summary>\n\n");
            if (!solution && inSolution) text.Append("</details>\n\n");
            inSolution = solution;
            if (!code)
            {
                text.Append(InlineMathOnOneLine(source.TrimEnd())).Append("\n\n");
                continue;
            }
            text.Append("```csharp\n").Append(source.TrimEnd()).Append("\n```\n\n");
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
                charts += AppendOutput(text, output, stem, charts);
        }
        if (inSolution) text.Append("</details>\n\n");
        return (text.ToString(), charts);
    }

    /// <summary>
    /// Markdown whose inline formulas (<c>$...$</c>) each sit on one line: Jupyter typesets a formula that a line break
    /// splits, DocFX's Markdown reader does not (it would show the TeX as text).
    /// </summary>
    public static string InlineMathOnOneLine(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(markdown, @"(?<![$\\])\$(?!\$)([^$]+?)\$(?!\$)",
            m => m.Value.Contains('\n', StringComparison.Ordinal) ? m.Value.Replace("\n", " ", StringComparison.Ordinal)
                : m.Value);

    /// <summary>Whether a cell is part of an exercise's worked solution (tagged <see cref="SolutionTag"/>).</summary>
    public static bool IsSolution(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == SolutionTag);

    // Appends one output; returns 1 for a live chart, else 0.
    private static int AppendOutput(StringBuilder text, JsonObject output, string stem, int chartIndex)
    {
        if (output["text"] is { } stream)
        {
            AppendText(text, NotebookFile.JoinText(stream));
            return 0;
        }
        if (PlotlyChart.IsChart(PlotlyChart.MimeText(output, PlotlyChart.HtmlMimeType)))
        {
            var figure = PlotlyChart.FigureOf(output);
            string id = $"{stem}-chart-{chartIndex + 1}";
            text.Append($"<div class=\"chart\" id=\"{id}\" style=\"max-width:{figure.Width}px;height:" +
                $"{figure.Height}px\"></div>\n<script>(function () {{ var f = {figure.ToJson()}; " +
                $"Plotly.newPlot(\"{id}\", f.data, f.layout, f.config); }})();</script>\n");
            if (PlotlyChart.MimeText(output, PlotlyChart.ImageMimeType) is { } png)
                text.Append($"<noscript><img alt=\"{WebUtility.HtmlEncode(Title(figure))}\" " +
                    $"src=\"data:image/png;base64,{png.Replace("\n", "", StringComparison.Ordinal)}\"></noscript>\n");
            text.Append('\n');
            return 1;
        }
        if (PlotlyChart.MimeText(output, "text/plain") is { } plain) AppendText(text, plain);
        return 0;
    }

    private static void AppendText(StringBuilder text, string value)
    {
        if (value.Trim().Length == 0) return;
        text.Append("<pre class=\"output\">").Append(WebUtility.HtmlEncode(value.TrimEnd())).Append("</pre>\n\n");
    }

    private static string Title(PlotlyFigure figure) =>
        figure.Layout["title"]?["text"] is JsonValue title ? (string?)title ?? "chart" : "chart";

    /// <summary>A title without TeX, for the navigation: <c>$\sqrt{6}$</c> reads √6, other commands and the dollars
    /// go.</summary>
    public static string PlainTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        string plain = System.Text.RegularExpressions.Regex.Replace(title, @"\\sqrt\{([^{}]*)\}", "√$1");
        plain = System.Text.RegularExpressions.Regex.Replace(plain, @"\\[a-zA-Z]+", "");
        return plain.Replace("$", "", StringComparison.Ordinal).Replace("{", "", StringComparison.Ordinal)
            .Replace("}", "", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim();
    }

    private static string Yaml(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal);
}
