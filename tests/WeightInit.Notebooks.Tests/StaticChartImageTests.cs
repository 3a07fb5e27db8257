using System.Text.Json.Nodes;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// The committed notebooks read without a kernel (GitHub, nbviewer, HTML exports): every Plotly chart output carries a
/// static image beside its interactive HTML, drawn from the same figure.
/// </summary>
public sealed class StaticChartImageTests
{
    public static TheoryData<string> Notebooks() => Repository.Notebooks();

    private static JsonObject Read(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, notebook)))!.AsObject();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_chart_output_carries_a_static_image(string notebook)
    {
        var json = Read(notebook);

        var missing = NotebookChartImages.FindChartsWithoutImage(json);

        Assert.True(missing.Count == 0,
            $"{notebook}: {missing.Count} of {NotebookChartImages.FindChartOutputs(json).Count} chart outputs have no image/png or image/svg+xml; " +
            "run the notebooks (dotnet run --project tools/WeightInit.Notebooks -c Release) to add them.");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_static_image_is_a_png_of_its_charts_size(string notebook)
    {
        foreach (var output in NotebookChartImages.FindChartOutputs(Read(notebook)))
        {
            if (output["data"]?["image/png"] is not JsonValue png) continue;
            var figure = PlotlyChartHtml.Parse(NotebookChartImages.MimeText(output, "text/html")!);
            Assert.Equal((figure.Width, figure.Height), PngImage.ReadSize(Convert.FromBase64String((string)png!)));
        }
    }
}
