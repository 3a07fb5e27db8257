using System.Text.Json.Nodes;
using WeightInit.Notebooks.StaticCharts;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Apps.Tests;

public sealed class AppOutputCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("weightinit-appcheck-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static JsonObject Notebook(params JsonArray[] outputs) => new()
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(outputs.Select((o, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["id"] = $"c{i}", ["metadata"] = new JsonObject(), ["source"] = i == 0 ? "#!import setup.dib" : $"Console.WriteLine({i});",
            ["outputs"] = o, ["execution_count"] = i + 1,
        }).ToArray()),
    };

    private static JsonArray Stdout(string text) => [new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text }];

    private static AppConsole App(params (int Cell, string Text)[] cells) =>
        AppConsole.Split(string.Concat(cells.Select(c => CellMarkers.Cell(c.Cell) + "\n" + c.Text)) + CellMarkers.End + "\n");

    [Fact]
    public void Equal_text_cell_by_cell_passes_and_a_difference_names_the_cell_and_line()
    {
        var notebook = Notebook([], Stdout("1\n"), Stdout("x\ny\n"));

        Assert.Empty(AppOutputCheck.CompareText(notebook, App((2, "1\n"), (3, "x\ny\n")), App((2, ""), (3, ""))));
        var difference = Assert.Single(AppOutputCheck.CompareText(notebook, App((2, "1\n"), (3, "x\nz\n")), App((2, ""), (3, ""))));
        Assert.StartsWith("code cell 3 (Console.WriteLine(2);): the app's standard output differs", difference);
        Assert.Contains("line 2, notebook: y", difference);
        Assert.Contains("line 2, app:      z", difference);
    }

    [Fact]
    public void Timing_lines_are_compared_without_their_numbers()
    {
        var notebook = Notebook([], Stdout("⏱ two passes: 1.5 s\nrows 3\n"));

        Assert.Empty(AppOutputCheck.CompareText(notebook, App((2, "⏱ two passes: 0.27 s\nrows 3\n")), App((2, ""))));
        Assert.NotEmpty(AppOutputCheck.CompareText(notebook, App((2, "⏱ two passes: 0.27 s\nrows 4\n")), App((2, ""))));
        Assert.NotEmpty(AppOutputCheck.CompareText(notebook, App((2, "⏱ one pass: 0.27 s\nrows 3\n")), App((2, ""))));
        // A line that is not marked as a timing is compared in full.
        Assert.NotEmpty(AppOutputCheck.CompareText(Notebook([], Stdout("took 1.5 s\n")), App((2, "took 0.2 s\n")), App((2, ""))));
    }

    [Fact]
    public void The_timing_mark_is_the_one_the_tutorial_prints() =>
        Assert.Equal(WeightInit.Tutorial.Timing.Mark, TimingLines.Mark);

    [Fact]
    public void Standard_error_is_compared_too_and_an_app_that_did_not_end_fails()
    {
        var notebook = Notebook([], Stdout("1\n"));
        var stderr = AppConsole.Split(CellMarkers.Cell(2) + "\nboom\n");

        var differences = AppOutputCheck.CompareText(notebook, AppConsole.Split(CellMarkers.Cell(2) + "\n1\n"), stderr);

        Assert.Contains(differences, d => d.Contains("standard error differs", StringComparison.Ordinal));
        Assert.Contains("the app did not reach its end", differences);
    }

    [Fact]
    public void Figures_agree_within_the_tolerance_and_a_different_number_is_named()
    {
        static PlotlyFigure Figure(double y) => new(new JsonArray(new JsonObject { ["type"] = "scatter", ["y"] = new JsonArray(1.0, y) }), new JsonObject { ["title"] = "t" }, []);

        Assert.Null(AppOutputCheck.FigureDifference(Figure(0.1), Figure(0.1 * (1 + 1e-12))));
        Assert.Equal("data[0].y[1] is 0.1 in the notebook's chart, 0.2 in the app's", AppOutputCheck.FigureDifference(Figure(0.1), Figure(0.2)));
        // Near zero, the last bits of the series' scale (1 here) decide, not the value's own magnitude.
        Assert.Null(AppOutputCheck.FigureDifference(Figure(-2.4674817744596567E-11), Figure(-2.4674748355657528E-11)));
        Assert.NotNull(AppOutputCheck.FigureDifference(Figure(1e-6), Figure(2e-6)));
    }

    [Fact]
    public void The_largest_difference_is_relative_to_the_series_scale_and_zero_when_bit_for_bit_equal()
    {
        static PlotlyFigure Figure(double y) => new(new JsonArray(new JsonObject { ["type"] = "scatter", ["y"] = new JsonArray(2.0, y) }), new JsonObject { ["title"] = "t" }, []);

        Assert.Null(AppOutputCheck.FigureDifference(Figure(0.1), Figure(0.1), out var none));
        Assert.Equal(0, none);
        // |0.1 - 0.1000000000001| = 1e-13, over the series' scale 2.
        Assert.Null(AppOutputCheck.FigureDifference(Figure(0.1), Figure(0.1000000000001), out var largest));
        Assert.InRange(largest, 0.49e-13, 0.51e-13);
    }

    [Fact]
    public void A_chart_page_that_loads_plotly_from_a_network_fails()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4]);
        var saved = new JsonObject
        {
            ["output_type"] = "execute_result", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/html"] = Plotly.NET.GenericChart.toChartHTML(chart) },
        };
        var notebook = Notebook([], [saved]);
        File.WriteAllText(Path.Combine(_folder.FullName, "cell-02.html"), Plotly.NET.GenericChart.toEmbeddedHTML(chart));

        var differences = AppOutputCheck.CompareCharts(notebook, _folder.FullName, expectImages: false);

        Assert.Contains(differences, d => d.StartsWith("code cell 2: cell-02.html loads scripts from https://", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chart_the_notebook_saved_but_the_app_did_not_draw_is_named()
    {
        var saved = new JsonObject
        {
            ["output_type"] = "execute_result", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/html"] = Plotly.NET.GenericChart.toChartHTML(Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4])) },
        };

        var difference = Assert.Single(AppOutputCheck.CompareCharts(Notebook([], [saved]), _folder.FullName, expectImages: false));

        Assert.Equal("code cell 2: the notebook saved 1 chart(s), the app wrote 0", difference);
    }
}
