using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts.Tests;

public class NotebookChartImagesTests
{
    private static JsonObject Stream(string text) => new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = new JsonArray(text) };

    private static JsonObject PlainResult(string text) => new()
    {
        ["output_type"] = "execute_result", ["execution_count"] = 1, ["metadata"] = new JsonObject(),
        ["data"] = new JsonObject { ["text/plain"] = new JsonArray(text) },
    };

    [Fact]
    public async Task AddImages_PutsAPngInEveryChartOutput_AndLeavesEveryOtherOutputAlone()
    {
        var notebook = Fixture.Notebook(
            Stream("hello\n"),
            Fixture.HtmlOutput(Fixture.LineChartHtml),
            Fixture.HtmlOutput("<table><tr><td>1</td></tr></table>"),
            Fixture.HtmlOutput(Fixture.LineChartHtml.Replace("\"width\":600,\"height\":600", "\"width\":500,\"height\":250", StringComparison.Ordinal), "execute_result"),
            PlainResult("42"));
        var outputs = notebook["cells"]![1]!["outputs"]!.AsArray();
        var untouched = new[] { 0, 2, 4 }.ToDictionary(i => i, i => outputs[i]!.ToJsonString());

        var report = await NotebookChartImages.AddImagesAsync(notebook, new ChromiumChartRenderer(Fixture.Tools));

        Assert.Equal(2, report.Charts);
        Assert.Equal((600, 600), PngImage.ReadSize(Convert.FromBase64String((string)outputs[1]!["data"]!["image/png"]!)));
        Assert.Equal((500, 250), PngImage.ReadSize(Convert.FromBase64String((string)outputs[3]!["data"]!["image/png"]!)));
        Assert.NotNull(outputs[1]!["data"]!["text/html"]);
        foreach (var (i, json) in untouched)
            Assert.Equal(json, outputs[i]!.ToJsonString());
        Assert.Empty(NotebookChartImages.FindChartsWithoutImage(notebook));
    }

    [Fact]
    public async Task AddImages_AgainAfterAChange_ReplacesTheImage()
    {
        var notebook = Fixture.Notebook(Fixture.HtmlOutput(Fixture.LineChartHtml));
        var renderer = new ChromiumChartRenderer(Fixture.Tools);
        await NotebookChartImages.AddImagesAsync(notebook, renderer);
        var output = notebook["cells"]![1]!["outputs"]![0]!.AsObject();
        output["data"]!["text/html"] = Fixture.LineChartHtml.Replace("\"width\":600,\"height\":600", "\"width\":320,\"height\":200", StringComparison.Ordinal);

        await NotebookChartImages.AddImagesAsync(notebook, renderer);

        Assert.Equal((320, 200), PngImage.ReadSize(Convert.FromBase64String((string)output["data"]!["image/png"]!)));
    }

    [Fact]
    public void FindChartOutputs_FindsChartsSavedAsAStringOrAsLines_InDisplayAndResultOutputsOnly()
    {
        var asString = Fixture.HtmlOutput(Fixture.LineChartHtml);
        asString["data"]!["text/html"] = Fixture.LineChartHtml;
        var notebook = Fixture.Notebook(
            asString,
            Fixture.HtmlOutput(Fixture.LineChartHtml, "execute_result"),
            Stream(Fixture.LineChartHtml));

        Assert.Equal(2, NotebookChartImages.FindChartOutputs(notebook).Count);
        Assert.Equal(2, NotebookChartImages.FindChartsWithoutImage(notebook).Count);
    }

    [Fact]
    public void FindChartsWithoutImage_AcceptsAnSvgImage()
    {
        var chart = Fixture.HtmlOutput(Fixture.LineChartHtml);
        chart["data"]!["image/svg+xml"] = "<svg/>";

        Assert.Empty(NotebookChartImages.FindChartsWithoutImage(Fixture.Notebook(chart)));
    }

    [Fact]
    public void FindChartOutputs_RejectsADocumentWithoutCells()
    {
        var e = Assert.Throws<FormatException>(() => NotebookChartImages.FindChartOutputs(new JsonObject { ["nbformat"] = 4 }));
        Assert.Contains("cells", e.Message);
    }

    [Fact]
    public async Task AddImages_AChartWhoseFigureCannotBeRead_FailsNamingIt()
    {
        var broken = Fixture.LineChartHtml.Replace("var config = {\"responsive\":true};", "", StringComparison.Ordinal);
        var notebook = Fixture.Notebook(Fixture.HtmlOutput(Fixture.LineChartHtml), Fixture.HtmlOutput(broken));

        var e = await Assert.ThrowsAsync<FormatException>(() =>
            NotebookChartImages.AddImagesAsync(notebook, new ChromiumChartRenderer(new ChartRenderingTools("/none", "/none", "0"))));

        Assert.Contains("Chart output 2 of 2", e.Message);
    }
}
