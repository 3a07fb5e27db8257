using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts.Tests;

/// <summary>
/// Renders real charts with Debian's chromium and the pinned plotly.js (installed by scripts/setup.sh; these tests fail
/// with that hint when the tools are missing) and checks the pixels.
/// </summary>
public class ChromiumChartRendererTests
{
    private static readonly ChromiumChartRenderer Renderer = new(Fixture.Tools);

    // One browser start draws the figures of the pixel tests (each start costs seconds).
    private static readonly PlotlyFigure[] BatchFigures =
    [
        Fixture.Figure("rgb(255, 0, 0)", 400, 300),
        Fixture.Figure("rgb(0, 160, 0)", 500, 200),
        Fixture.Figure("rgb(0, 0, 255)", 300, 320),
        Fixture.Figure("rgb(255, 0, 0)", 400, 300, withTrace: false),
        PlotlyChartHtml.Parse(Fixture.LineChartHtml),
    ];

    private static readonly Lazy<Task<IReadOnlyList<ChartImage>>> Batch = new(() => Renderer.RenderAsync(BatchFigures));

    // Colours within this many levels per channel count as the trace colour (anti-aliased edges differ more).
    private const int Tolerance = 8;

    [Fact]
    public async Task Render_DrawsTheTraceInItsColour_AndNothingOfThatColourWithoutIt()
    {
        var images = await Batch.Value;

        var withTrace = PngImage.Decode(images[0].Png);
        var without = PngImage.Decode(images[3].Png);
        Assert.Equal((400, 300), (withTrace.Width, withTrace.Height));
        // A 6 px line across most of a ~300 px wide plot area covers well over 1000 pixels.
        Assert.True(withTrace.CountPixels(255, 0, 0, Tolerance) > 1000, $"red pixels: {withTrace.CountPixels(255, 0, 0, Tolerance)}");
        Assert.Equal(0, without.CountPixels(255, 0, 0, Tolerance));
        Assert.Equal((255, 255, 255, 255), withTrace[0, 0]);
    }

    [Fact]
    public async Task Render_ABatch_KeepsTheOrderAndEachFiguresSize()
    {
        var images = (await Batch.Value).Take(3).ToArray();

        Assert.Equal([(400, 300), (500, 200), (300, 320)], images.Select(i => (i.Width, i.Height)));
        var decoded = images.Select(i => PngImage.Decode(i.Png)).ToArray();
        Assert.Equal([(400, 300), (500, 200), (300, 320)], decoded.Select(i => (i.Width, i.Height)));
        (byte R, byte G, byte B)[] colours = [(255, 0, 0), (0, 160, 0), (0, 0, 255)];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
            {
                var count = decoded[i].CountPixels(colours[j].R, colours[j].G, colours[j].B, Tolerance);
                Assert.True(i == j ? count > 500 : count == 0, $"image {i}, colour {j}: {count} pixels");
            }
    }

    [Fact]
    public async Task Render_PlotlyNetChart_DrawsItsTemplateAndTrace()
    {
        var image = PngImage.Decode((await Batch.Value)[4].Png);

        Assert.Equal((600, 600), (image.Width, image.Height));
        // Plotly.NET's default template: plot area rgba(229, 236, 246), first trace colour rgba(99, 110, 250).
        Assert.True(image.CountPixels(229, 236, 246) > 100_000, $"plot background pixels: {image.CountPixels(229, 236, 246)}");
        Assert.True(image.CountPixels(99, 110, 250, Tolerance) > 300, $"trace pixels: {image.CountPixels(99, 110, 250, Tolerance)}");
    }

    [Fact]
    public async Task Render_TheSameFigureTwice_GivesTheSameBytes()
    {
        // A second browser start, alone, draws the Plotly.NET chart of the shared batch again.
        var first = (await Batch.Value)[4];
        var second = await Renderer.RenderAsync(BatchFigures[4]);

        Assert.Equal(first.Png, second.Png);
    }

    [Fact]
    public async Task Render_AFigurePlotlyCannotDraw_FailsNamingTheChartAndTheError()
    {
        var broken = new PlotlyFigure(new JsonArray(5), [], []);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Renderer.RenderAsync([Fixture.Figure(), broken]));

        Assert.Contains("chart 2 of 2", e.Message);
        Assert.Contains("TypeError", e.Message);
    }

    [Fact]
    public async Task Render_NoFigures_StartsNoBrowser()
    {
        var renderer = new ChromiumChartRenderer(new ChartRenderingTools("/nonexistent/chromium", "/nonexistent/plotly.min.js", "0"));

        Assert.Empty(await renderer.RenderAsync([]));
    }
}
