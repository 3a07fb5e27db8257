using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// Exports executed notebooks to HTML with nbconvert, into a folder that holds everything its pages need: each chart
/// shown by its PNG (nbconvert is told to prefer the image to the chart's text/html, which would load plotly.js from
/// a CDN), MathJax 2 copied beside the pages (nbconvert's default loads it from a CDN: offline, formulas would stay
/// TeX), and an index page linking the notebooks in reading order.
/// </summary>
public static class HtmlExport
{
    /// <summary>The MathJax URL the pages load, relative to them, with the configuration nbconvert's template
    /// uses.</summary>
    public const string MathJaxUrl = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe";

    /// <summary>The index page's title.</summary>
    public const string Heading = "Weight initialization in C#: the notebooks";

    // nbconvert's default puts text/html first; images first makes the pages show the PNG of every chart.
    private const string DisplayPriority = "['image/png','image/svg+xml','text/html','text/markdown','text/latex'," +
        "'application/pdf','image/jpeg','text/plain']";

    // The parts of MathJax 2 that the configuration TeX-AMS_CHTML-full loads.
    private static readonly string[] MathJaxParts =
    [
        "MathJax.js", "config", "extensions", "jax/input", "jax/element", "jax/output/CommonHTML",
        "fonts/HTML-CSS/TeX/woff", "localization/en",
    ];

    /// <summary>
    /// Writes <c>NAME.html</c> for each notebook, <c>index.html</c> and <c>mathjax/</c> into <paramref name="folder"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">nbconvert failed; the message has the end of its output.</exception>
    public static async Task ExportAsync(IReadOnlyList<string> notebooks, string folder, BrowserTools tools,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(tools);
        Directory.CreateDirectory(folder);
        foreach (var part in MathJaxParts)
            Copy(Path.Combine(tools.MathJaxFolder, part), Path.Combine(folder, "mathjax", part));
        string[] arguments =
        [
            "nbconvert", "--to", "html", "--output-dir", folder,
            $"--NbConvertBase.display_data_priority={DisplayPriority}", $"--HTMLExporter.mathjax_url={MathJaxUrl}",
            .. notebooks,
        ];
        var export = await ChildProcess.RunAsync("jupyter", arguments, Directory.GetCurrentDirectory(),
            TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
        if (export.ExitCode != 0)
            throw new InvalidOperationException(
                $"jupyter nbconvert --to html failed:{Environment.NewLine}{export.Tail(20)}");
        var entries = notebooks.Select(n => (Path.GetFileNameWithoutExtension(n) + ".html",
            Title(NotebookFile.Load(n).Json, Path.GetFileName(n))));
        await File.WriteAllTextAsync(Path.Combine(folder, "index.html"), Index(Heading, entries), cancellationToken);
    }

    /// <summary>A notebook's title: the text of its first markdown heading, else its file name without
    /// extension.</summary>
    public static string Title(JsonObject notebook, string fileName)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)cell["cell_type"] != "markdown") continue;
            var heading = NotebookFile.JoinText(cell["source"]).Split('\n').FirstOrDefault(l => l.StartsWith('#'));
            if (heading is not null) return heading.TrimStart('#').Trim();
        }
        return Path.GetFileNameWithoutExtension(fileName);
    }

    /// <summary>The index page's HTML for <paramref name="entries"/> (page file name, title), in order.</summary>
    public static string Index(string heading, IEnumerable<(string Page, string Title)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>{WebUtility.HtmlEncode(heading)}</title>");
        html.AppendLine("<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}" +
            "li{margin:.3em 0}</style>");
        html.AppendLine("</head><body>");
        html.AppendLine($"<h1>{WebUtility.HtmlEncode(heading)}</h1>");
        html.AppendLine("<p>The notebooks as executed by Jupyter on the .NET (C#) kernel, in reading order. Charts " +
            "are static images; open the notebooks in Jupyter or VS Code for the interactive versions.</p>");
        html.AppendLine("<ol>");
        foreach (var (page, title) in entries)
            html.AppendLine($"<li><a href=\"{WebUtility.HtmlEncode(Uri.EscapeDataString(page))}\">" +
                $"{WebUtility.HtmlEncode(title)}</a></li>");
        html.AppendLine("</ol>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            return;
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
