using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>Small notebooks, outputs and figures for the tests.</summary>
internal static class Fixture
{
    /// <summary>Plotly.NET.Interactive 6.0.0's HTML for a line chart (see Fixtures/README.md).</summary>
    public static string LineChartHtml =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plotly-net-interactive-6.0.0-line.html"));

    /// <summary>The browser tools of the repository; fails with the install hint when they are missing.</summary>
    public static BrowserTools Tools => BrowserTools.Locate(Repository.Root);

    /// <summary>A minimal figure: one trace of the given colour, no template, a white background.</summary>
    public static PlotlyFigure Figure(string traceColor = "rgb(255, 0, 0)", int width = 400, int height = 300,
        bool withTrace = true) => new(
        withTrace
            ? new JsonArray(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines",
                ["x"] = new JsonArray(0, 1, 2, 3), ["y"] = new JsonArray(0, 3, 1, 2),
                ["line"] = new JsonObject { ["color"] = traceColor, ["width"] = 6 },
            })
            : [],
        new JsonObject
        {
            ["width"] = width, ["height"] = height,
            ["paper_bgcolor"] = "rgb(255, 255, 255)", ["plot_bgcolor"] = "rgb(255, 255, 255)",
        },
        []);

    /// <summary>An nbformat 4.5 notebook: a markdown title, then one code cell holding the given outputs.</summary>
    public static JsonObject Notebook(params JsonNode[] outputs) => new()
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(
            new JsonObject
            {
                ["cell_type"] = "markdown", ["id"] = "m", ["metadata"] = new JsonObject(),
                ["source"] = "# A title\nText.",
            },
            new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "c", ["metadata"] = new JsonObject(), ["execution_count"] = 1,
                ["source"] = "chart", ["outputs"] = new JsonArray(outputs),
            }),
    };

    /// <summary>An nbformat 4.5 notebook of code cells with the given sources and no outputs.</summary>
    public static JsonObject CodeNotebook(params string[] sources) => new()
    {
        ["cells"] = new JsonArray(sources.Select((c, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["id"] = $"c{i}", ["metadata"] = new JsonObject(), ["source"] = c,
            ["outputs"] = new JsonArray(), ["execution_count"] = null,
        }).ToArray()),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    /// <summary>A stdout stream output.</summary>
    public static JsonObject Stdout(string text) =>
        new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    /// <summary>A display_data (or execute_result) output holding <paramref name="html"/> as a list of lines, as
    /// Jupyter
    /// saves it.</summary>
    public static JsonObject HtmlOutput(string html, string kind = "display_data") => new()
    {
        ["output_type"] = kind, ["metadata"] = new JsonObject(),
        ["data"] = new JsonObject { ["text/html"] = NotebookFile.ToLines(html) },
    };
}
