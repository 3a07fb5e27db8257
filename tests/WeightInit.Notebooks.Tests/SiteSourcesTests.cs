using System.Text.Json.Nodes;
using WeightInit.Notebooks.Site;

namespace WeightInit.Notebooks.Tests;

/// <summary>How a notebook becomes an article of the book site (<see cref="SiteSources"/>).</summary>
public sealed class SiteSourcesTests
{
    private static JsonObject Cell(string type, string source, JsonArray? outputs = null, bool solution = false)
    {
        var cell = new JsonObject { ["cell_type"] = type, ["id"] = "x", ["source"] = source,
            ["metadata"] = solution ? new JsonObject { ["tags"] = new JsonArray("solution") } : new JsonObject() };
        if (type == "code") cell["outputs"] = outputs ?? [];
        return cell;
    }

    private static JsonObject Notebook(params JsonObject[] cells) =>
        new()
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = new JsonArray(cells),
        };

    private static JsonObject Stream(string text) =>
        new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    [Fact]
    public void TheSetupCellAndItsKernelNoiseAreLeftOut()
    {
        var (markdown, charts) = SiteSources.Article(Notebook(Cell("markdown", "# T"),
            Cell("code", "#!import setup.dib", [Stream("Installed Packages: Plotly.NET")]),
            Cell("code", "Console.WriteLine(1 < 2);", [Stream("✓ one < two (1 < 2)\n")])), "01-t");
        Assert.DoesNotContain("Installed Packages", markdown);
        Assert.DoesNotContain("#!import", markdown);
        Assert.Contains("```csharp\nConsole.WriteLine(1 < 2);\n```", markdown);
        Assert.Contains("<pre class=\"output\">✓ one &lt; two (1 &lt; 2)</pre>", markdown);
        Assert.Equal(0, charts);
    }

    [Fact]
    public void AChartBecomesALiveChartDrawnByTheLocalPlotlyJs()
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/html"] = Fixture.LineChartHtml },
        };
        var (markdown, charts) = SiteSources.Article(Notebook(Cell("code", "chart", [output])), "05-he");
        Assert.Equal(1, charts);
        Assert.StartsWith("<script src=\"../plotly.min.js\"></script>", markdown);
        Assert.Contains("<div class=\"chart\" id=\"05-he-chart-1\"", markdown);
        Assert.Contains("Plotly.newPlot(\"05-he-chart-1\", f.data, f.layout, f.config)", markdown);
        Assert.DoesNotContain("cdn.plot.ly", markdown);
    }

    [Fact]
    public void ASolutionsCellsFoldIntoOneCollapsedBlock()
    {
        var (markdown, _) = SiteSources.Article(Notebook(Cell("markdown", "### Exercise 1\nPredict."),
            Cell("code", "var answer = 2;", solution: true), Cell("markdown", "Because.", solution: true),
            Cell("markdown", "## Next")), "01-t");
        Assert.Contains("### Exercise 1\nPredict.\n\n<details class=\"solution\">\n<summary>Solution</summary>\n\n" +
            "```csharp\nvar answer = 2;\n```\n\nBecause.\n\n</details>\n\n## Next", markdown);
    }

    [Fact]
    public void AnInlineFormulaSplitByALineBreakIsJoined()
    {
        Assert.Equal("weights $W_{ij} \\sim N(0, \\sigma_w^2/n)$ and\n$$x\ny$$",
            SiteSources.InlineMathOnOneLine("weights $W_{ij} \\sim N(0,\n\\sigma_w^2/n)$ and\n$$x\ny$$"));
    }

    [Theory]
    [InlineData("Xavier uniform: why $\\sqrt{6}$", "Xavier uniform: why √6")]
    [InlineData("The edge of chaos", "The edge of chaos")]
    [InlineData("$\\mu$P and width", "P and width")]
    public void NavigationTitlesCarryNoTeX(string title, string plain) =>
        Assert.Equal(plain, SiteSources.PlainTitle(title));
}
