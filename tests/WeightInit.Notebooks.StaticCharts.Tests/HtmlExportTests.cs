using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts.Tests;

/// <summary>The HTML export check, on small pages whose charts are drawn, blank, too small or missing.</summary>
public sealed class HtmlExportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("weightinit-html-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly Lazy<Task<IReadOnlyList<ChartImage>>> Images = new(() =>
        new ChromiumChartRenderer(Fixture.Tools).RenderAsync(
        [
            Fixture.Figure(),
            // Nothing to draw: no trace, no axes, white paper.
            new PlotlyFigure([], new JsonObject
            {
                ["width"] = 400, ["height"] = 300, ["paper_bgcolor"] = "white", ["plot_bgcolor"] = "white",
                ["xaxis"] = new JsonObject { ["visible"] = false }, ["yaxis"] = new JsonObject { ["visible"] = false },
            }, []),
        ]));

    private async Task<HtmlPageCheck> Check(string body, int expected)
    {
        var page = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>");
        return await HtmlExportCheck.CheckPageAsync(Fixture.Tools.ChromiumPath, page, expected);
    }

    private static async Task<string> Img(int index, string style = "") =>
        $"<img style=\"{style}\" src=\"data:image/png;base64,{Convert.ToBase64String((await Images.Value)[index].Png)}\">";

    [Fact]
    public async Task APageWithDrawnCharts_Passes()
    {
        var check = await Check($"<p>text</p>{await Img(0)}<p>more</p>{await Img(0)}", expected: 2);

        Assert.Empty(check.Problems);
        Assert.All(check.Images, i => Assert.True(i.IsDrawn));
        Assert.All(check.Images, i => Assert.Equal((400, 300), (i.NaturalWidth, i.NaturalHeight)));
    }

    [Fact]
    public async Task ABlankImage_IsNotADrawnChart()
    {
        var check = await Check(await Img(1), expected: 1);

        var image = Assert.Single(check.Images);
        Assert.True(image.Loaded);
        Assert.Equal(0, image.InkFraction);
        Assert.Contains(check.Problems, p => p.Contains("image 1 is not drawn"));
    }

    [Fact]
    public async Task AnImageShownTooSmall_IsNotADrawnChart()
    {
        var check = await Check(await Img(0, "width:40px"), expected: 1);

        Assert.False(Assert.Single(check.Images).IsDrawn);
        Assert.NotEmpty(check.Problems);
    }

    [Fact]
    public async Task AnInteractiveChartWithoutPlotlyJs_IsReportedBlank()
    {
        // What nbconvert writes when it prefers the chart's text/html: offline, nothing draws in the container.
        var check = await Check(Fixture.LineChartHtml, expected: 0);

        Assert.Equal(1, check.BlankChartPlaceholders);
        Assert.Contains(check.Problems, p => p.Contains("shown blank"));
    }

    [Fact]
    public async Task FewerImagesThanTheNotebookHas_Fails()
    {
        var check = await Check(await Img(0), expected: 2);

        Assert.Contains(check.Problems, p => p.Contains("1 embedded images on the page, but the notebook has 2"));
    }

    [Fact]
    public void CountImageOutputs_CountsPngAndSvgOutputs()
    {
        var png = Fixture.HtmlOutput("<p/>");
        png["data"]!["image/png"] = "AAAA";
        var svg = Fixture.HtmlOutput("<p/>");
        svg["data"]!["image/svg+xml"] = "<svg/>";

        Assert.Equal(2, HtmlExportCheck.CountImageOutputs(Fixture.Notebook(png, svg, Fixture.HtmlOutput("<p/>"))));
    }

    [Fact]
    public void Index_TitlesEachNotebookByItsFirstHeading_AndLinksItsPage()
    {
        var title = HtmlExportIndex.Title(Fixture.Notebook(), "01-x.ipynb");
        var html = HtmlExportIndex.Build("Notebooks <all>", [("01-x.html", title), ("02 y.html", "Second & last")]);

        Assert.Equal("A title", title);
        Assert.Equal("02-z", HtmlExportIndex.Title(new JsonObject { ["cells"] = new JsonArray() }, "02-z.ipynb"));
        Assert.Contains("<a href=\"01-x.html\">A title</a>", html);
        Assert.Contains("<a href=\"02%20y.html\">Second &amp; last</a>", html);
        Assert.Contains("<h1>Notebooks &lt;all&gt;</h1>", html);
        Assert.True(html.IndexOf("01-x.html", StringComparison.Ordinal) < html.IndexOf("02%20y.html", StringComparison.Ordinal));
    }
}
