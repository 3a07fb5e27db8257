using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>Writes the index page of an HTML export: one link per notebook, in reading order, titled by its first heading.</summary>
public static class HtmlExportIndex
{
    /// <summary>A notebook's title: the text of its first markdown heading, else its file name without extension.</summary>
    public static string Title(JsonObject notebook, string fileName)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)cell["cell_type"] != "markdown") continue;
            var source = cell["source"] switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
                _ => "",
            };
            foreach (var line in source.Split('\n'))
                if (line.StartsWith('#'))
                    return line.TrimStart('#').Trim();
        }
        return Path.GetFileNameWithoutExtension(fileName);
    }

    /// <summary>The index page's HTML for <paramref name="entries"/> (page file name, title), in order.</summary>
    public static string Build(string heading, IEnumerable<(string Page, string Title)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>{WebUtility.HtmlEncode(heading)}</title>");
        html.AppendLine("<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}li{margin:.3em 0}</style>");
        html.AppendLine("</head><body>");
        html.AppendLine($"<h1>{WebUtility.HtmlEncode(heading)}</h1>");
        html.AppendLine("<p>The notebooks as executed by Jupyter on the .NET (C#) kernel, in reading order. Charts are static images; open the notebooks in Jupyter or VS Code for the interactive versions.</p>");
        html.AppendLine("<ol>");
        foreach (var (page, title) in entries)
            html.AppendLine($"<li><a href=\"{WebUtility.HtmlEncode(Uri.EscapeDataString(page))}\">{WebUtility.HtmlEncode(title)}</a></li>");
        html.AppendLine("</ol>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }
}
