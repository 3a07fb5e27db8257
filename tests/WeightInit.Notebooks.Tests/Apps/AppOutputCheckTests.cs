using System.Text.Json.Nodes;
using WeightInit.Notebooks.Apps;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Tests.Apps;

/// <summary>An app's console text and chart pages against its notebook's saved outputs.</summary>
public sealed class AppOutputCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("weightinit-appcheck-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A notebook of the setup cell and one cell per output list, cell n printing n - 1.</summary>
    private static JsonObject Notebook(params JsonArray[] outputs)
    {
        var notebook = Fixture.CodeNotebook(outputs.Select((_, i) => i == 0 ? "#!import setup.dib"
            : $"Console.WriteLine({i});").ToArray());
        for (var i = 0; i < outputs.Length; i++) notebook["cells"]![i]!["outputs"] = outputs[i];
        return notebook;
    }

    private static JsonArray Stdout(string text) => [Fixture.Stdout(text)];

    private static AppConsole App(params (int Cell, string Text)[] cells) =>
        AppConsole.Split(string.Concat(cells.Select(c => CellMarkers.Cell(c.Cell) + "\n" + c.Text)) + CellMarkers.End
            + "\n");

    private static JsonObject SavedChart(Plotly.NET.GenericChart chart) => new()
    {
        ["output_type"] = "execute_result", ["metadata"] = new JsonObject(),
        ["data"] = new JsonObject { ["text/html"] = Plotly.NET.GenericChart.toChartHTML(chart) },
    };

    [Fact]
    public void EqualTextCellByCellPassesAndADifferenceNamesTheCellAndLine()
    {
        var notebook = Notebook([], Stdout("1\n"), Stdout("x\ny\n"));

        Assert.Empty(AppOutputCheck.CompareText(notebook, App((2, "1\n"), (3, "x\ny\n")), App((2, ""), (3, ""))));
        var difference = Assert.Single(AppOutputCheck.CompareText(notebook, App((2, "1\n"), (3, "x\nz\n")),
            App((2, ""), (3, ""))));
        Assert.StartsWith("code cell 3 (Console.WriteLine(2);): the app's standard output differs", difference);
        Assert.Contains("notebook: y", difference);
        Assert.Contains("app:      z", difference);
    }

    [Fact]
    public void TimingLinesAreComparedWithoutTheirNumbers()
    {
        var notebook = Notebook([], Stdout("⏱ two passes: 1.5 s\nrows 3\n"));

        Assert.Empty(AppOutputCheck.CompareText(notebook, App((2, "⏱ two passes: 0.27 s\nrows 3\n")), App((2, ""))));
        Assert.NotEmpty(AppOutputCheck.CompareText(notebook, App((2, "⏱ two passes: 0.27 s\nrows 4\n")), App((2, ""))));
        Assert.NotEmpty(AppOutputCheck.CompareText(notebook, App((2, "⏱ one pass: 0.27 s\nrows 3\n")), App((2, ""))));
    }

    [Fact]
    public void TheTimingMarkIsTheOneTheTutorialPrints() =>
        Assert.Equal(WeightInit.Tutorial.Timing.Mark, OutputComparison.TimingMark);

    [Fact]
    public void StandardErrorIsComparedTooAndAnAppThatDidNotEndFails()
    {
        var notebook = Notebook([], Stdout("1\n"));
        var stderr = AppConsole.Split(CellMarkers.Cell(2) + "\nboom\n");

        var differences = AppOutputCheck.CompareText(notebook, AppConsole.Split(CellMarkers.Cell(2) + "\n1\n"), stderr);

        Assert.Contains(differences, d => d.Contains("standard error differs", StringComparison.Ordinal));
        Assert.Contains("the app did not reach its end", differences);
    }

    [Fact]
    public void TheAppsChartPageHoldsTheNotebooksFigure()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4]);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "js"));
        File.WriteAllText(Path.Combine(_folder.FullName, "js", "plotly.min.js"), "// stand-in");
        File.WriteAllText(Path.Combine(_folder.FullName, "cell-02.html"), ChartPage.Html(chart, "js/plotly.min.js"));

        Assert.Empty(AppOutputCheck.CompareCharts(Notebook([], [SavedChart(chart)]), _folder.FullName,
            out var largest));
        Assert.Equal(0, largest);
        var other = Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 5]);
        var difference = Assert.Single(AppOutputCheck.CompareCharts(Notebook([], [SavedChart(other)]),
            _folder.FullName, out _));
        Assert.Contains("is not the notebook's chart: data[0].y[1] is 5 in the saved chart, 4 in the fresh one",
            difference);
    }

    [Fact]
    public void AChartPageThatLoadsPlotlyFromANetworkFails()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4]);
        File.WriteAllText(Path.Combine(_folder.FullName, "cell-02.html"),
            Plotly.NET.GenericChart.toEmbeddedHTML(chart));

        var differences = AppOutputCheck.CompareCharts(Notebook([], [SavedChart(chart)]), _folder.FullName, out _);

        Assert.Contains(differences, d =>
            d.StartsWith("code cell 2: cell-02.html loads scripts from https://", StringComparison.Ordinal));
    }

    [Fact]
    public void AChartTheNotebookSavedButTheAppDidNotDrawIsNamed()
    {
        var saved = SavedChart(Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4]));

        var difference = Assert.Single(AppOutputCheck.CompareCharts(Notebook([], [saved]), _folder.FullName, out _));

        Assert.Equal("code cell 2: the notebook saved 1 chart(s), the app wrote 0", difference);
    }
}
