using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>The HTML export check in headless chromium, on small pages whose charts are drawn, blank, too small or
/// missing, and whose formulas are typeset or not.</summary>
[Trait("Category", "Notebooks")]
public sealed class HtmlExportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("weightinit-html-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly Lazy<Task<IReadOnlyList<ChartImage>>> Images = new(() =>
        new ChartRenderer(Fixture.Tools).RenderAsync(
        [
            Fixture.Figure(),
            // Nothing to draw: no trace, no axes, white paper.
            new PlotlyFigure([], new JsonObject
            {
                ["width"] = 400, ["height"] = 300, ["paper_bgcolor"] = "white", ["plot_bgcolor"] = "white",
                ["xaxis"] = new JsonObject { ["visible"] = false }, ["yaxis"] = new JsonObject { ["visible"] = false },
            }, []),
        ]));

    private async Task<HtmlPageCheck> Check(string body, int expected, string head = "", bool expectMath = false)
    {
        var page = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(page,
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>");
        return await HtmlExportCheck.CheckPageAsync(Fixture.Tools.ChromiumPath, page, expected, expectMath);
    }

    // What nbconvert 6's template writes (base/mathjax.html.j2), with the export's local MathJax as the URL.
    private static string MathJaxHead(string url) => $$"""
        <script src="{{url}}"> </script>
        <script type="text/x-mathjax-config">
        MathJax.Hub.Config({ tex2jax: { inlineMath: [ ['$','$'], ["\\(","\\)"] ],
            displayMath: [ ['$$','$$'], ["\\[","\\]"] ], processEscapes: true } });
        MathJax.Hub.Queue(["Typeset", MathJax.Hub]);
        </script>
        """;

    private string LocalMathJax()
    {
        // The export copies MathJax beside its pages; so does this test.
        var copy = Path.Combine(_folder.FullName, "mathjax");
        CopyFolder(Fixture.Tools.MathJaxFolder, copy);
        return HtmlExport.MathJaxUrl;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    [Fact]
    public async Task Formulas_are_typeset_offline_by_the_local_MathJax()
    {
        var check = await Check("<p>The variance is $\\frac{r^2}{3}$ and $$\\mathrm{Var}(w) = \\frac{2}{n}$$</p>", 0,
            MathJaxHead(LocalMathJax()), expectMath: true);

        Assert.True(check.Math.MathJaxLoaded);
        Assert.Equal(2, check.Math.Typeset);
        Assert.Empty(check.Math.RawTex);
        Assert.Empty(check.Problems);
    }

    [Fact]
    public async Task Formulas_stay_TeX_source_when_MathJax_comes_from_a_CDN_offline()
    {
        var check = await Check("<p>The variance is $\\frac{r^2}{3}$.</p>", 0,
            MathJaxHead("https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js" +
                "?config=TeX-AMS_CHTML-full,Safe"),
            expectMath: true);

        Assert.False(check.Math.MathJaxLoaded);
        Assert.Equal(["$\\frac{r^2}{3}$"], check.Math.RawTex);
        Assert.Contains(check.Problems, p => p.Contains("MathJax did not load", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Contains("TeX left as text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_formula_MathJax_cannot_parse_is_reported()
    {
        var check = await Check("<p>Broken: $\\frac{1}{$ end.</p>", 0, MathJaxHead(LocalMathJax()), expectMath: true);

        Assert.Contains(check.Problems, p => p.Contains("could not typeset", StringComparison.Ordinal)
            || p.Contains("TeX left as text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_machine_path_on_the_page_is_reported_but_not_one_spelled_by_an_image()
    {
        var check = await Check("<p>Loading extensions from " +
            $"/root/.nuget/packages/plotly.net.interactive</p>{await Img(0)}", 1);

        Assert.Contains(check.Problems, p => p.Contains("names machine paths: /root/", StringComparison.Ordinal));
        Assert.Empty(HtmlExportCheck.FindMachinePaths("<img src=\"data:image/png;base64,AAAA/tmp/BBBB/root/CC==\">"));
    }

    private static async Task<string> Img(int index, string style = "") =>
        $"<img style=\"{style}\" " +
            $"src=\"data:image/png;base64,{Convert.ToBase64String((await Images.Value)[index].Png)}\">";

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
}

/// <summary>What the export and its check read from the notebooks, and the index page (no browser).</summary>
public sealed class HtmlExportInputTests
{
    [Fact]
    public void A_notebook_has_math_when_its_markdown_has_TeX_between_dollar_signs()
    {
        var notebook = Fixture.Notebook();
        Assert.False(HtmlExportCheck.HasMath(notebook));
        notebook["cells"]![0]!["source"] = "# Title\nWith $\\sqrt{6}$.";
        Assert.True(HtmlExportCheck.HasMath(notebook));
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
        var title = HtmlExport.Title(Fixture.Notebook(), "01-x.ipynb");
        var html = HtmlExport.Index("Notebooks <all>", [("01-x.html", title), ("02 y.html", "Second & last")]);

        Assert.Equal("A title", title);
        Assert.Equal("02-z", HtmlExport.Title(new JsonObject { ["cells"] = new JsonArray() }, "02-z.ipynb"));
        Assert.Contains("<a href=\"01-x.html\">A title</a>", html);
        Assert.Contains("<a href=\"02%20y.html\">Second &amp; last</a>", html);
        Assert.Contains("<h1>Notebooks &lt;all&gt;</h1>", html);
        Assert.True(html.IndexOf("01-x.html", StringComparison.Ordinal) < html.IndexOf("02%20y.html",
            StringComparison.Ordinal));
    }
}
