using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// A plotly.js figure: the three arguments of <c>Plotly.newPlot(div, data, layout, config)</c>, as JSON.
/// </summary>
/// <param name="Data">The traces (a JSON array).</param>
/// <param name="Layout">The layout (a JSON object).</param>
/// <param name="Config">The configuration (a JSON object).</param>
public sealed record PlotlyFigure(JsonArray Data, JsonObject Layout, JsonObject Config)
{
    /// <summary>plotly.js's default width in pixels, used when the layout sets none (e.g. responsive charts).</summary>
    public const int DefaultWidth = 700;

    /// <summary>plotly.js's default height in pixels, used when the layout sets none.</summary>
    public const int DefaultHeight = 450;

    private static readonly JsonSerializerOptions HtmlSafe = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The width the figure is drawn at: the layout's <c>width</c>, else <see cref="DefaultWidth"/>.</summary>
    public int Width => SizeOrDefault("width", DefaultWidth);

    /// <summary>The height the figure is drawn at: the layout's <c>height</c>, else <see
    /// cref="DefaultHeight"/>.</summary>
    public int Height => SizeOrDefault("height", DefaultHeight);

    /// <summary>
    /// The figure as one JSON object <c>{"data": ..., "layout": ..., "config": ...}</c>, with every HTML-sensitive
    /// character escaped (so the text can sit inside a <c>&lt;script&gt;</c> element).
    /// </summary>
    public string ToJson() => new JsonObject
    {
        ["data"] = Data.DeepClone(),
        ["layout"] = Layout.DeepClone(),
        ["config"] = Config.DeepClone(),
    }.ToJsonString(HtmlSafe);

    private int SizeOrDefault(string key, int fallback) =>
        Layout[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var size)
            && size >= 1 && size <= 20000
            ? (int)Math.Round(size)
            : fallback;
}

/// <summary>
/// Plotly charts in notebook outputs. Plotly.NET (6.0.0, through <c>Plotly.NET.Interactive</c>'s formatter, or
/// <c>GenericChart.toEmbeddedHTML</c> in the apps) writes a chart as HTML: a <c>&lt;div&gt;</c> plus a script that
/// calls
/// <c>Plotly.newPlot(id, data, layout, config)</c> after <c>var data = [...]; var layout = {...}; var config =
/// {...};</c>.
/// </summary>
public static class PlotlyChart
{
    /// <summary>The MIME type of a chart output's interactive part.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>The MIME type of the static image added to a chart output.</summary>
    public const string ImageMimeType = "image/png";

    private const string NewPlotCall = "Plotly.newPlot(";

    /// <summary>True when <paramref name="html"/> is a Plotly chart (it calls <c>Plotly.newPlot(</c>).</summary>
    public static bool IsChart(string? html) =>
        html is not null && html.Contains(NewPlotCall, StringComparison.Ordinal);

    /// <summary>An output's text for a MIME type: nbformat stores it as a string or as a list of lines.</summary>
    public static string? MimeText(JsonObject output, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output["data"]?[mimeType] is { } data ? NotebookFile.JoinText(data) : null;
    }

    /// <summary>The outputs (display_data or execute_result) of a code cell whose <c>text/html</c> is a
    /// chart.</summary>
    public static IEnumerable<JsonObject> ChartOutputs(JsonObject cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(o => (string?)o["output_type"] is "display_data" or "execute_result"
                && IsChart(MimeText(o, HtmlMimeType)));
    }

    /// <summary>Every chart output of every code cell of <paramref name="notebook"/>, in order.</summary>
    public static IReadOnlyList<JsonObject> ChartOutputsOf(JsonObject notebook) =>
        NotebookFile.CodeCells(notebook).SelectMany(c => ChartOutputs(c.Cell)).ToList();

    /// <summary>The chart outputs that carry no static image (<c>image/png</c> or <c>image/svg+xml</c>).</summary>
    public static IReadOnlyList<JsonObject> ChartsWithoutImage(JsonObject notebook) =>
        ChartOutputsOf(notebook).Where(o => o["data"]?[ImageMimeType] is null && o["data"]?["image/svg+xml"] is null)
            .ToList();

    /// <summary>Extracts the figure of a chart's HTML.</summary>
    /// <exception cref="FormatException">The HTML is not a Plotly chart, or its <c>var data</c>, <c>var layout</c> or
    /// <c>var config</c> assignment is missing or not valid JSON of the expected kind (array, object,
    /// object).</exception>
    public static PlotlyFigure Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!IsChart(html))
            throw new FormatException("The HTML is not a Plotly chart: it has no Plotly.newPlot( call.");
        // Plotly.NET writes the three assignments one after the other, first in its script; reading them in
        // sequence with a JSON reader means no text inside the figure (a title "var layout = ") can confuse it.
        var position = html.IndexOf("var data = ", StringComparison.Ordinal);
        if (position < 0)
            throw new FormatException("The Plotly chart has no 'var data =' assignment.");
        var data = ReadAssignment(html, "data", ref position);
        var layout = ReadAssignment(html, "layout", ref position);
        var config = ReadAssignment(html, "config", ref position);
        return new PlotlyFigure(
            data as JsonArray ?? throw new FormatException("The chart's 'var data' is not a JSON array."),
            layout as JsonObject ?? throw new FormatException("The chart's 'var layout' is not a JSON object."),
            config as JsonObject ?? throw new FormatException("The chart's 'var config' is not a JSON object."));
    }

    /// <summary>The figure of a chart output.</summary>
    /// <exception cref="FormatException">The output is no chart, or its figure cannot be read.</exception>
    public static PlotlyFigure FigureOf(JsonObject output) =>
        Parse(MimeText(output, HtmlMimeType) ?? throw new FormatException("The output has no text/html."));

    private static JsonNode ReadAssignment(string html, string name, ref int position)
    {
        while (position < html.Length && char.IsWhiteSpace(html[position])) position++;
        var marker = $"var {name} = ";
        if (string.CompareOrdinal(html, position, marker, 0, marker.Length) != 0)
            throw new FormatException(
                $"The Plotly chart has no '{marker.Trim()}' assignment where Plotly.NET writes it.");
        position += marker.Length;
        var bytes = Encoding.UTF8.GetBytes(html[position..]);
        var reader = new Utf8JsonReader(bytes);
        JsonNode value;
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            value = JsonNode.Parse(document.RootElement.GetRawText())!;
        }
        catch (JsonException e)
        {
            throw new FormatException($"The Plotly chart's 'var {name}' is not valid JSON: {e.Message}", e);
        }
        position += Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
        while (position < html.Length && char.IsWhiteSpace(html[position])) position++;
        if (position >= html.Length || html[position] != ';')
            throw new FormatException($"The Plotly chart's 'var {name}' is not followed by ';' after its JSON value.");
        position++;
        return value;
    }
}
