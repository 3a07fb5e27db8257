using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// The PNG images of the charts, drawn by Debian's chromium with the pinned plotly.js (installed by scripts/setup.sh;
/// these tests fail with that hint when the tools are missing). Whether an image shows the chart is checked in the
/// browser.
/// </summary>
[Trait("Category", "Notebooks")]
public sealed class ChartRendererTests
{
    private static readonly Lazy<ChartRenderer> Renderer = new(() => new ChartRenderer(Fixture.Tools));

    // One browser start draws the figures of several tests (each start costs seconds).
    private static readonly PlotlyFigure[] BatchFigures =
    [
        Fixture.Figure("rgb(255, 0, 0)", 400, 300),
        Fixture.Figure("rgb(0, 160, 0)", 500, 200),
        PlotlyChart.Parse(Fixture.LineChartHtml),
    ];

    private static readonly Lazy<Task<IReadOnlyList<ChartImage>>> Batch = new(() =>
        Renderer.Value.RenderAsync(BatchFigures));

    [Fact]
    public async Task ABatchKeepsTheOrderAndEachFiguresSize()
    {
        var images = await Batch.Value;

        Assert.Equal([(400, 300), (500, 200), (600, 600)], images.Select(i => (i.Width, i.Height)));
        Assert.All(images, i => Assert.Equal(NotebookHygieneTests.PngSignature, i.Png[..8]));
    }

    [Fact]
    public async Task TheSameFigureDrawnAgainGivesTheSameBytes()
    {
        // A second browser start, alone, draws the Plotly.NET chart of the shared batch again.
        var first = (await Batch.Value)[2];
        var second = await Renderer.Value.RenderAsync([BatchFigures[2]]);

        Assert.Equal(first.Png, second[0].Png);
    }

    [Fact]
    public async Task AFigurePlotlyCannotDrawFailsNamingTheChartAndTheError()
    {
        var broken = new PlotlyFigure(new JsonArray(5), [], []);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Renderer.Value.RenderAsync([Fixture.Figure(), broken]));

        Assert.Contains("chart 2 of 2", e.Message);
        Assert.Contains("TypeError", e.Message);
    }

    [Fact]
    public async Task EveryChartOutputOfANotebookGetsItsPngAndEveryOtherOutputIsLeftAlone()
    {
        var notebook = Fixture.Notebook(
            Fixture.Stdout("hello\n"),
            Fixture.HtmlOutput(Fixture.LineChartHtml),
            Fixture.HtmlOutput("<table><tr><td>1</td></tr></table>"),
            Fixture.HtmlOutput(Fixture.LineChartHtml.Replace("\"width\":600,\"height\":600",
                "\"width\":500,\"height\":250",
                StringComparison.Ordinal), "execute_result"));
        var outputs = notebook["cells"]![1]!["outputs"]!.AsArray();
        var untouched = new[] { 0, 2 }.ToDictionary(i => i, i => outputs[i]!.ToJsonString());

        Assert.Equal(2, await Renderer.Value.AddImagesAsync(notebook));

        Assert.Empty(PlotlyChart.ChartsWithoutImage(notebook));
        Assert.NotNull(outputs[1]!["data"]!["text/html"]);
        foreach (var (i, json) in untouched) Assert.Equal(json, outputs[i]!.ToJsonString());
    }
}

/// <summary>What the renderer does before it starts a browser.</summary>
public sealed class ChartRendererInputTests
{
    private static readonly ChartRenderer Renderer =
        new(new BrowserTools("/nonexistent/chromium", "/nonexistent/plotly.js"));

    [Fact]
    public async Task NoFiguresStartNoBrowser() => Assert.Empty(await Renderer.RenderAsync([]));

    [Fact]
    public async Task AChartWhoseFigureCannotBeReadFailsNamingIt()
    {
        var broken = Fixture.LineChartHtml.Replace("var config = {\"responsive\":true};", "", StringComparison.Ordinal);
        var notebook = Fixture.Notebook(Fixture.HtmlOutput(Fixture.LineChartHtml), Fixture.HtmlOutput(broken));

        var e = await Assert.ThrowsAsync<FormatException>(() => Renderer.AddImagesAsync(notebook));

        Assert.Contains("Chart 2 of 2", e.Message);
    }
}
