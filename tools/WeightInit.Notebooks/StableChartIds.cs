using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks;

/// <summary>
/// Plotly.NET gives every chart a new random GUID (the container's id and the render function's name), so a
/// re-run changes every chart's HTML even when the figure is the same. This replaces each chart's GUID with one
/// derived from the notebook's name, the chart's position and its HTML: the same chart gets the same id on every
/// run, and ids stay distinct across charts and notebooks (a Jupyter page may show several notebooks at once).
/// </summary>
public static partial class StableChartIds
{
    /// <summary>Rewrites the GUIDs of every chart output of <paramref name="notebook"/>; returns how many
    /// changed.</summary>
    public static int Apply(JsonObject notebook, string notebookName)
    {
        ArgumentNullException.ThrowIfNull(notebookName);
        var changed = 0;
        var outputs = PlotlyChart.ChartOutputsOf(notebook);
        for (var i = 0; i < outputs.Count; i++)
        {
            var data = outputs[i]["data"]!.AsObject();
            var html = PlotlyChart.MimeText(outputs[i], PlotlyChart.HtmlMimeType)!;
            var container = ContainerId().Match(html);
            if (!container.Success) continue;
            var random = Guid.Parse(container.Groups["id"].Value);
            // Hash the HTML with its own GUID blanked, so the new id depends only on what the chart shows.
            var blanked = html.Replace(random.ToString("D"), "", StringComparison.Ordinal)
                .Replace(random.ToString("N"), "", StringComparison.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{notebookName}\n{i}\n{blanked}"));
            var stable = new Guid(hash.AsSpan(0, 16));
            var rewritten = html.Replace(random.ToString("D"), stable.ToString("D"), StringComparison.Ordinal)
                .Replace(random.ToString("N"), stable.ToString("N"), StringComparison.Ordinal);
            if (rewritten == html) continue;
            data[PlotlyChart.HtmlMimeType] = data[PlotlyChart.HtmlMimeType] is JsonArray
                ? NotebookFile.ToLines(rewritten)
                : rewritten;
            changed++;
        }
        return changed;
    }

    [GeneratedRegex("""<div id="(?<id>[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})">""")]
    private static partial Regex ContainerId();
}
