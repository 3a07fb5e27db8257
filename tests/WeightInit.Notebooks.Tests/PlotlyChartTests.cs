using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>Reading the figure out of a Plotly chart's HTML, and the chart outputs of a notebook.</summary>
public sealed class PlotlyChartTests
{
    [Fact]
    public void ParseReadsTheFigureThatPlotlyNetInteractiveWrites()
    {
        var figure = PlotlyChart.Parse(Fixture.LineChartHtml);

        var trace = figure.Data.Single()!.AsObject();
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("squares", (string?)trace["name"]);
        Assert.Equal([1.0, 2.0, 3.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 4.0, 9.0], trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(600, figure.Width);
        Assert.Equal(600, figure.Height);
        Assert.NotNull(figure.Layout["template"]?["layout"]?["colorway"]);
        Assert.True((bool)figure.Config["responsive"]!);
    }

    [Fact]
    public void ParseIsNotConfusedByScriptLikeTextInsideTheFigure()
    {
        const string trick = "var layout = {}; var config = {}; Plotly.newPlot(";
        var html = Fixture.LineChartHtml.Replace("\"name\":\"squares\"", $"\"name\":\"{trick}\"",
            StringComparison.Ordinal);

        var figure = PlotlyChart.Parse(html);

        Assert.Equal(trick, (string?)figure.Data[0]!["name"]);
        Assert.Equal(600, figure.Width);
        Assert.True((bool)figure.Config["responsive"]!);
    }

    [Theory]
    [InlineData("<table><tr><td>1</td></tr></table>")]
    [InlineData("")]
    [InlineData(null)]
    public void NonChartHtmlIsNotAChart(string? html) => Assert.False(PlotlyChart.IsChart(html));

    [Fact]
    public void ParseRejectsAFigureWhoseJsonIsBroken()
    {
        var html = Fixture.LineChartHtml.Replace("var layout = {\"width\":600,", "var layout = {\"width\":600,,",
            StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => PlotlyChart.Parse(html));
        Assert.Contains("'var layout' is not valid JSON", e.Message);
    }

    [Fact]
    public void ParseRejectsAChartWithoutConfig()
    {
        var html = Fixture.LineChartHtml.Replace("var config = {\"responsive\":true};", "", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => PlotlyChart.Parse(html));
        Assert.Contains("var config =", e.Message);
    }

    [Fact]
    public void ParseRejectsHtmlThatIsNotAChart()
    {
        Assert.Throws<FormatException>(() => PlotlyChart.Parse("<p>no chart</p>"));
        Assert.Throws<ArgumentNullException>(() => PlotlyChart.Parse(null!));
    }

    [Fact]
    public void FigureWithoutLayoutSizeUsesPlotlyDefaults()
    {
        var figure = new PlotlyFigure([], new JsonObject { ["title"] = "t" }, []);

        Assert.Equal(PlotlyFigure.DefaultWidth, figure.Width);
        Assert.Equal(PlotlyFigure.DefaultHeight, figure.Height);
    }

    [Fact]
    public void FigureToJsonCannotEndTheScriptElementItSitsIn()
    {
        var figure = new PlotlyFigure(new JsonArray(new JsonObject { ["name"] = "</script><b>x</b> & 'q'" }), [], []);

        var json = figure.ToJson();

        Assert.DoesNotContain("<", json);
        Assert.Equal("</script><b>x</b> & 'q'", (string?)JsonNode.Parse(json)!["data"]![0]!["name"]);
    }

    [Fact]
    public void ChartOutputsAreFoundSavedAsAStringOrAsLinesInDisplayAndResultOutputsOnly()
    {
        var asString = Fixture.HtmlOutput(Fixture.LineChartHtml);
        asString["data"]!["text/html"] = Fixture.LineChartHtml;
        var notebook = Fixture.Notebook(asString, Fixture.HtmlOutput(Fixture.LineChartHtml, "execute_result"),
            Fixture.Stdout(Fixture.LineChartHtml), Fixture.HtmlOutput("<table><tr><td>1</td></tr></table>"));

        Assert.Equal(2, PlotlyChart.ChartOutputsOf(notebook).Count);
        Assert.Equal(2, PlotlyChart.ChartsWithoutImage(notebook).Count);
    }

    [Fact]
    public void AChartWithAPngOrAnSvgHasItsImage()
    {
        var png = Fixture.HtmlOutput(Fixture.LineChartHtml);
        png["data"]!["image/png"] = "AAAA";
        var svg = Fixture.HtmlOutput(Fixture.LineChartHtml);
        svg["data"]!["image/svg+xml"] = "<svg/>";

        Assert.Empty(PlotlyChart.ChartsWithoutImage(Fixture.Notebook(png, svg)));
    }
}
