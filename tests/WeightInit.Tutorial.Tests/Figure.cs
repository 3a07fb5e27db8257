using System.Text.Json.Nodes;
using Plotly.NET;

namespace WeightInit.Tutorial.Tests;

/// <summary>A chart as plotly.js receives it: its figure JSON (data and layout).</summary>
internal static class Figure
{
    public static JsonObject Of(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();

    public static JsonArray Traces(GenericChart chart) => Of(chart)["data"]!.AsArray();

    public static JsonObject Layout(GenericChart chart) => Of(chart)["layout"]!.AsObject();
}
