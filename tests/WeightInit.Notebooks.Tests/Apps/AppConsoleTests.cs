using WeightInit.Notebooks.Apps;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Tests.Apps;

public sealed class AppConsoleTests
{
    private static string Console(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    [Fact]
    public void TheTextIsSplitAtTheCellMarkersAndTheEnd()
    {
        var split = AppConsole.Split(Console(CellMarkers.Cell(2), "a", "b", CellMarkers.Cell(3), CellMarkers.Cell(5),
            "c", CellMarkers.End, "charts: none"));

        Assert.Equal(new Dictionary<int, string> { [2] = "a\nb\n", [3] = "", [5] = "c\n" }, split.Cells);
        Assert.Equal("", split.Before);
        Assert.Equal("charts: none\n", split.After);
        Assert.True(split.Ended);
    }

    [Fact]
    public void AnAppThatStopsInACellHasNotEnded()
    {
        var split = AppConsole.Split(Console("early", CellMarkers.Cell(2), "a"));

        Assert.False(split.Ended);
        Assert.Equal("early\n", split.Before);
        Assert.Equal("a\n", split.Cells[2]);
    }

    [Fact]
    public void MarkersOutOfOrderAreAnError()
    {
        var error = Assert.Throws<FormatException>(() =>
            AppConsole.Split(Console(CellMarkers.Cell(3), CellMarkers.Cell(2))));
        Assert.Contains("cell 2", error.Message);
    }

    [Fact]
    public void AMarkerIsTheRecordSeparatorAndTheCellNumber() =>
        Assert.Equal("\u001Ecell 12", CellMarkers.Cell(12));
}
