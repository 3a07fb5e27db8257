using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>What <see cref="NotebookChartImages.AddImagesAsync"/> did to one notebook.</summary>
/// <param name="Charts">How many chart outputs the notebook has (each now carries an image).</param>
/// <param name="Images">The images, in the notebook's output order.</param>
/// <param name="Seconds">Wall-clock seconds for the whole batch (browser start included).</param>
public sealed record ChartImageReport(int Charts, IReadOnlyList<ChartImage> Images, double Seconds);

/// <summary>
/// Finds the Plotly chart outputs of an nbformat 4 notebook and adds a static PNG image to each one's data bundle,
/// next to its <c>text/html</c>: GitHub, nbviewer and HTML exports can show the image, while VS Code and Jupyter keep
/// the interactive chart. Text outputs (<c>text/plain</c>, streams) are never touched.
/// </summary>
public static class NotebookChartImages
{
    /// <summary>The MIME type of the static image added to a chart output.</summary>
    public const string ImageMimeType = "image/png";

    /// <summary>The MIME type of a chart output's interactive part.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>Every output (display_data or execute_result) of every code cell whose <c>text/html</c> is a Plotly chart.</summary>
    /// <exception cref="FormatException">The document has no <c>cells</c> array.</exception>
    public static IReadOnlyList<JsonObject> FindChartOutputs(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook["cells"] is not JsonArray cells)
            throw new FormatException("The notebook has no 'cells' array.");
        var charts = new List<JsonObject>();
        foreach (var cell in cells.OfType<JsonObject>())
        {
            if ((string?)cell["cell_type"] != "code" || cell["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs.OfType<JsonObject>())
            {
                var kind = (string?)output["output_type"];
                if ((kind == "display_data" || kind == "execute_result") && PlotlyChartHtml.IsPlotlyChart(MimeText(output, HtmlMimeType)))
                    charts.Add(output);
            }
        }
        return charts;
    }

    /// <summary>The chart outputs that carry no static image (<c>image/png</c> or <c>image/svg+xml</c>).</summary>
    public static IReadOnlyList<JsonObject> FindChartsWithoutImage(JsonObject notebook) =>
        FindChartOutputs(notebook).Where(o => o["data"]?[ImageMimeType] is null && o["data"]?["image/svg+xml"] is null).ToList();

    /// <summary>
    /// Draws every chart of <paramref name="notebook"/> in one browser start and sets each chart output's
    /// <c>data["image/png"]</c> (base64, replacing an older image).
    /// </summary>
    /// <exception cref="FormatException">A chart's figure cannot be read.</exception>
    /// <exception cref="InvalidOperationException">The browser or plotly.js failed (see <see cref="ChromiumChartRenderer"/>).</exception>
    public static async Task<ChartImageReport> AddImagesAsync(JsonObject notebook, ChromiumChartRenderer renderer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var outputs = FindChartOutputs(notebook);
        var figures = outputs.Select((o, i) =>
        {
            try { return PlotlyChartHtml.Parse(MimeText(o, HtmlMimeType)!); }
            catch (FormatException e) { throw new FormatException($"Chart output {i + 1} of {outputs.Count}: {e.Message}", e); }
        }).ToList();
        var clock = Stopwatch.StartNew();
        var images = await renderer.RenderAsync(figures, cancellationToken);
        for (var i = 0; i < outputs.Count; i++)
            outputs[i]["data"]![ImageMimeType] = Convert.ToBase64String(images[i].Png);
        return new ChartImageReport(outputs.Count, images, clock.Elapsed.TotalSeconds);
    }

    /// <summary>An output's text for a MIME type: nbformat stores it as a string or as a list of lines.</summary>
    public static string? MimeText(JsonObject output, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output["data"]?[mimeType] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            _ => null,
        };
    }
}
