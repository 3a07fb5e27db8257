using WeightInit.Notebooks.Apps;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Tests.Apps;

public sealed class AppConsoleTests
{
    private static string Console(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    [Fact]
    public void The_text_is_split_at_the_cell_markers_and_the_end()
    {
        var split = AppConsole.Split(Console(CellMarkers.Cell(2), "a", "b", CellMarkers.Cell(3), CellMarkers.Cell(5),
            "c", CellMarkers.End, "charts: none"));

        Assert.Equal(new Dictionary<int, string> { [2] = "a\nb\n", [3] = "", [5] = "c\n" }, split.Cells);
        Assert.Equal("", split.Before);
        Assert.Equal("charts: none\n", split.After);
        Assert.True(split.Ended);
    }

    [Fact]
    public void An_app_that_stops_in_a_cell_has_not_ended()
    {
        var split = AppConsole.Split(Console("early", CellMarkers.Cell(2), "a"));

        Assert.False(split.Ended);
        Assert.Equal("early\n", split.Before);
        Assert.Equal("a\n", split.Cells[2]);
    }

    [Fact]
    public void Markers_out_of_order_are_an_error()
    {
        var error = Assert.Throws<FormatException>(() =>
            AppConsole.Split(Console(CellMarkers.Cell(3), CellMarkers.Cell(2))));
        Assert.Contains("cell 2", error.Message);
    }

    [Fact]
    public void A_marker_is_the_record_separator_and_the_cell_number() =>
        Assert.Equal("\u001Ecell 12", CellMarkers.Cell(12));
}
