using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts.Tests;

public class PlotlyChartHtmlTests
{
    [Fact]
    public void Parse_ReadsTheFigureThatPlotlyNetInteractiveWrites()
    {
        var figure = PlotlyChartHtml.Parse(Fixture.LineChartHtml);

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
    public void Parse_IsNotConfusedByScriptLikeTextInsideTheFigure()
    {
        const string trick = "var layout = {}; var config = {}; Plotly.newPlot(";
        var html = Fixture.LineChartHtml.Replace("\"name\":\"squares\"", $"\"name\":\"{trick}\"", StringComparison.Ordinal);

        var figure = PlotlyChartHtml.Parse(html);

        Assert.Equal(trick, (string?)figure.Data[0]!["name"]);
        Assert.Equal(600, figure.Width);
        Assert.True((bool)figure.Config["responsive"]!);
    }

    [Theory]
    [InlineData("<table><tr><td>1</td></tr></table>")]
    [InlineData("")]
    [InlineData(null)]
    public void NonChartHtml_IsNotAChart(string? html)
    {
        Assert.False(PlotlyChartHtml.IsPlotlyChart(html));
        Assert.False(PlotlyChartHtml.TryParse(html, out var figure));
        Assert.Null(figure);
    }

    [Fact]
    public void Parse_RejectsAFigureWhoseJsonIsBroken()
    {
        var html = Fixture.LineChartHtml.Replace("var layout = {\"width\":600,", "var layout = {\"width\":600,,", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => PlotlyChartHtml.Parse(html));
        Assert.Contains("'var layout' is not valid JSON", e.Message);
    }

    [Fact]
    public void Parse_RejectsAChartWithoutConfig()
    {
        var html = Fixture.LineChartHtml.Replace("var config = {\"responsive\":true};", "", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => PlotlyChartHtml.Parse(html));
        Assert.Contains("var config =", e.Message);
    }

    [Fact]
    public void Parse_RejectsHtmlThatIsNotAChart()
    {
        Assert.Throws<FormatException>(() => PlotlyChartHtml.Parse("<p>no chart</p>"));
        Assert.Throws<ArgumentNullException>(() => PlotlyChartHtml.Parse(null!));
    }

    [Fact]
    public void Figure_WithoutLayoutSize_UsesPlotlyDefaults()
    {
        var figure = new PlotlyFigure([], new JsonObject { ["title"] = "t" }, []);

        Assert.Equal(PlotlyFigure.DefaultWidth, figure.Width);
        Assert.Equal(PlotlyFigure.DefaultHeight, figure.Height);
    }

    [Fact]
    public void Figure_ToJson_CannotEndTheScriptElementItSitsIn()
    {
        var figure = new PlotlyFigure(new JsonArray(new JsonObject { ["name"] = "</script><b>x</b> & 'q'" }), [], []);

        var json = figure.ToJson();

        Assert.DoesNotContain("<", json);
        Assert.Equal("</script><b>x</b> & 'q'", (string?)JsonNode.Parse(json)!["data"]![0]!["name"]);
    }
}
