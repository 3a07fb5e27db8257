using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts.Tests;

/// <summary>The committed notebooks read without a kernel: every chart output carries a static image.</summary>
public class CommittedNotebooksTests
{
    private static string NotebooksFolder => Path.Combine(ChartRenderingTools.FindRepositoryRoot(AppContext.BaseDirectory), "notebooks");

    public static TheoryData<string> Notebooks()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder, "notebooks.json")))!;
        var data = new TheoryData<string>();
        foreach (var name in manifest["notebooks"]!.AsArray()) data.Add((string)name!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryChartOutput_CarriesAStaticImage(string notebook)
    {
        var json = NotebookFile.Read(Path.Combine(NotebooksFolder, notebook));

        var missing = NotebookChartImages.FindChartsWithoutImage(json);

        Assert.True(missing.Count == 0,
            $"{notebook}: {missing.Count} of {NotebookChartImages.FindChartOutputs(json).Count} chart outputs have no image/png or image/svg+xml; " +
            "run the notebooks (dotnet run --project lib/WeightInit.Notebooks -c Release) to add them.");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryStaticImage_IsAValidPngOfTheChartsSize(string notebook)
    {
        var json = NotebookFile.Read(Path.Combine(NotebooksFolder, notebook));

        foreach (var output in NotebookChartImages.FindChartOutputs(json))
        {
            if (output["data"]?["image/png"] is not JsonValue png) continue;
            var figure = PlotlyChartHtml.Parse(NotebookChartImages.MimeText(output, "text/html")!);
            Assert.Equal((figure.Width, figure.Height), PngImage.ReadSize(Convert.FromBase64String((string)png!)));
        }
    }
}
