using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.Tests;

/// <summary>Chart ids derived from the chart, so that an unchanged notebook is written byte for byte again.</summary>
public sealed class StableChartIdsTests
{
    private static string WithGuid(string html, Guid id)
    {
        var old = Regex.Match(html, "<div id=\"([0-9a-f-]{36})\">").Groups[1].Value;
        return html.Replace(old, id.ToString("D"), StringComparison.Ordinal).Replace(old.Replace("-", ""),
            id.ToString("N"), StringComparison.Ordinal);
    }

    private static string Html(JsonObject notebook, int output) =>
        PlotlyChart.MimeText(notebook["cells"]![1]!["outputs"]![output]!.AsObject(), "text/html")!;

    [Fact]
    public void TheSameChartFromTwoRunsGetsTheSameHtml()
    {
        var first = Fixture.Notebook(Fixture.HtmlOutput(WithGuid(Fixture.LineChartHtml, Guid.NewGuid())));
        var second = Fixture.Notebook(Fixture.HtmlOutput(WithGuid(Fixture.LineChartHtml, Guid.NewGuid())));
        Assert.NotEqual(Html(first, 0), Html(second, 0));

        Assert.Equal(1, StableChartIds.Apply(first, "01-a.ipynb"));
        Assert.Equal(1, StableChartIds.Apply(second, "01-a.ipynb"));

        Assert.Equal(Html(first, 0), Html(second, 0));
        Assert.IsType<JsonArray>(first["cells"]![1]!["outputs"]![0]!["data"]!["text/html"]);
        // Still one consistent id: the container, newPlot's target and the render function all agree.
        var id = Regex.Match(Html(first, 0), "<div id=\"([0-9a-f-]{36})\">").Groups[1].Value;
        Assert.Contains($"Plotly.newPlot('{id}'", Html(first, 0));
        Assert.Contains($"renderPlotly_{id.Replace("-", "")}()", Html(first, 0));
        Assert.Equal(PlotlyChart.Parse(Fixture.LineChartHtml).ToJson(), PlotlyChart.Parse(Html(first, 0)).ToJson());
    }

    [Fact]
    public void IdenticalChartsInOneNotebookOrInTwoNotebooksGetDistinctIds()
    {
        var notebook = Fixture.Notebook(Fixture.HtmlOutput(Fixture.LineChartHtml),
            Fixture.HtmlOutput(WithGuid(Fixture.LineChartHtml, Guid.NewGuid())));
        var other = Fixture.Notebook(Fixture.HtmlOutput(Fixture.LineChartHtml));

        StableChartIds.Apply(notebook, "01-a.ipynb");
        StableChartIds.Apply(other, "02-b.ipynb");

        Assert.Equal(3, new[] { Html(notebook, 0), Html(notebook, 1), Html(other, 0) }.Distinct().Count());
    }

    [Fact]
    public void NonChartOutputsAreLeftAlone()
    {
        var notebook = Fixture.Notebook(Fixture.HtmlOutput("<div id=\"0b2f7c6e-3d1a-4c55-9f00-123456789abc\">not a " +
            "chart</div>"));
        var before = notebook.ToJsonString();

        Assert.Equal(0, StableChartIds.Apply(notebook, "x.ipynb"));
        Assert.Equal(before, notebook.ToJsonString());
    }
}
