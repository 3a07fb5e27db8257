using WeightInit.Statistics;

namespace WeightInit.Tutorial.Tests;

public class TrainingChartsTests
{
    [Fact]
    public void ASeedBandIsTheMeanAndRangeOfTheFiniteRuns()
    {
        var traces =
            Figure.Traces(TrainingCharts.SeedBand([0, 1, 2],
            [[1, 2, double.NaN], [3, 4, double.NaN], [2, 9, double.NaN]], "He", Colours.Green));
        Assert.Equal(3, traces.Count);
        Assert.Equal([3.0, 9.0], traces[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 2.0], traces[1]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([2.0, 5.0], traces[2]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("He, mean and range of 3 seeds", (string?)traces[2]!["name"]);
        Assert.Equal("runs",
            Assert.Throws<ArgumentException>(() =>
            TrainingCharts.SeedBand([0, 1], [[1.0]], "a", Colours.Blue)).ParamName);
        Assert.Equal("runs",
            Assert.Throws<ArgumentException>(() =>
            TrainingCharts.SeedBand([0.0], [[double.NaN]], "a", Colours.Blue)).ParamName);
    }

    [Fact]
    public void AStripPutsOneMarkerPerValueBesideItsSeriesMeanAndLabelsTheCategories()
    {
        var chart = TrainingCharts.Strip(["He", "Xavier"],
            [("no norm", Colours.Blue, [[0.9, 0.8], [0.5, double.NaN]]),
                ("batch norm", Colours.Vermillion, [[0.95], [0.96]])],
            "scheme", "test accuracy");
        var traces = Figure.Traces(chart);
        Assert.Equal(4, traces.Count);
        Assert.Equal([-0.15, -0.15, 0.85], traces[0]!["x"]!.AsArray().Select(v => Math.Round((double)v!, 12)));
        Assert.Equal([0.85, 0.5], traces[1]!["y"]!.AsArray().Select(v => Math.Round((double)v!, 12)));
        Assert.Equal(false, (bool?)traces[1]!["showlegend"]);
        Assert.Equal(18, (int)traces[1]!["marker"]!["size"]!);
        Assert.Equal(3, (int)traces[1]!["marker"]!["line"]!["width"]!);
        Assert.NotNull(traces[1]!["marker"]!["line"]!["color"]);
        Assert.Equal([0.15, 1.15], traces[2]!["x"]!.AsArray().Select(v => Math.Round((double)v!, 12)));
        var layout = Figure.Layout(chart);
        Assert.Equal(["He", "Xavier"], layout["xaxis"]!["ticktext"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("scheme", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("test accuracy", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("series",
            Assert.Throws<ArgumentException>(() =>
            TrainingCharts.Strip(["a"], [("s", Colours.Blue, [])], "x", "y")).ParamName);
    }

    [Fact]
    public void HistogramsAreStepLinesInTurnColoursWithOrWithoutLegend()
    {
        var a = FixedBinHistogram.Of([0.1, 0.2, 0.6], 0, 1, 2);
        var traces = Figure.Traces(TrainingCharts.Histograms([a, a], ["layer 1", "layer 2"], showLegend: false));
        Assert.Equal(2, traces.Count);
        Assert.Equal([0.0, 0.5, 0.5, 1.0], traces[1]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.All(traces, t => Assert.Equal(false, (bool?)t!["showlegend"]));
        Assert.NotEqual((string?)traces[0]!["line"]!["color"], (string?)traces[1]!["line"]!["color"]);
        Assert.Equal("names",
            Assert.Throws<ArgumentException>(() => TrainingCharts.Histograms([a], ["x", "y"])).ParamName);
    }
}
