using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>
/// Reads the figure out of the <c>text/html</c> output that Plotly.NET (6.0.0, through
/// <c>Plotly.NET.Interactive</c>'s formatter <c>GenericChart.toChartHTML</c>) writes for a chart:
/// a <c>&lt;div&gt;</c> plus a script that loads plotly.js from a CDN through require.js and calls
/// <c>Plotly.newPlot(id, data, layout, config)</c> after <c>var data = [...]; var layout = {...}; var config = {...};</c>.
/// </summary>
public static class PlotlyChartHtml
{
    private const string NewPlotCall = "Plotly.newPlot(";

    /// <summary>True when <paramref name="html"/> is a Plotly chart (it calls <c>Plotly.newPlot(</c>).</summary>
    public static bool IsPlotlyChart(string? html) =>
        html is not null && html.Contains(NewPlotCall, StringComparison.Ordinal);

    /// <summary>
    /// Extracts the figure of a Plotly chart's HTML.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The HTML is not a Plotly chart, or its <c>var data</c>, <c>var layout</c> or <c>var config</c> assignment
    /// is missing or is not valid JSON of the expected kind (array, object, object).
    /// </exception>
    public static PlotlyFigure Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!IsPlotlyChart(html))
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

    /// <summary>Extracts the figure when <paramref name="html"/> is a Plotly chart; false when it is not one.</summary>
    /// <exception cref="FormatException">It calls <c>Plotly.newPlot(</c> but its figure cannot be read.</exception>
    public static bool TryParse(string? html, out PlotlyFigure? figure)
    {
        figure = IsPlotlyChart(html) ? Parse(html!) : null;
        return figure is not null;
    }

    private static JsonNode ReadAssignment(string html, string name, ref int position)
    {
        while (position < html.Length && char.IsWhiteSpace(html[position])) position++;
        var marker = $"var {name} = ";
        if (string.CompareOrdinal(html, position, marker, 0, marker.Length) != 0)
            throw new FormatException($"The Plotly chart has no '{marker.Trim()}' assignment where Plotly.NET writes it.");
        position += marker.Length;
        var bytes = Encoding.UTF8.GetBytes(html.Substring(position));
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
        var consumed = Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
        position += consumed;
        while (position < html.Length && char.IsWhiteSpace(html[position])) position++;
        if (position >= html.Length || html[position] != ';')
            throw new FormatException($"The Plotly chart's 'var {name}' is not followed by ';' after its JSON value.");
        position++;
        return value;
    }
}
