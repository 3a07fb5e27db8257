using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts;

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

    /// <summary>The width the figure is drawn at: the layout's <c>width</c>, else <see cref="DefaultWidth"/>.</summary>
    public int Width => SizeOrDefault("width", DefaultWidth);

    /// <summary>The height the figure is drawn at: the layout's <c>height</c>, else <see cref="DefaultHeight"/>.</summary>
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
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= 20000
            ? (int)Math.Round(size)
            : fallback;

    private static readonly JsonSerializerOptions HtmlSafe = new() { Encoder = JavaScriptEncoder.Default };
}
