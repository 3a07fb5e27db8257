using Plotly.NET;
using Plotly.NET.CSharp;
using WeightInit.Statistics;
using WeightInit.Training;

namespace WeightInit.Tutorial.Tests;

public class ChartTests
{
    private static readonly double[] X = [0, 1, 2, 3];
    private static readonly double[] Y = [1, 0.1, 0.01, 0.001];

    [Fact]
    public void LogAxesGetPowerOfTenTicksAndEveryAxisItsTitle()
    {
        var layout = Figure.Layout(Charts.Line(X, Y, "He", Colours.Green)
            .WithTitle("t").WithAxes("layer", "std (log scale)", logY: true));
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.Equal("power", (string?)layout["yaxis"]!["exponentformat"]);
        Assert.Equal(1, (int)layout["yaxis"]!["dtick"]!);
        Assert.Equal("std (log scale)", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("layer", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Null(layout["xaxis"]!["type"]);
        Assert.Equal("t", (string?)layout["title"]!["text"]);
    }

    [Fact]
    public void FixedRangesKeepTheAxisTitlesAndTurnAutorangeOff()
    {
        var layout = Figure.Layout(Charts.Line(X, Y, "He", Colours.Green)
            .WithAxes("layer", "std (log scale)", logY: true).WithXRange(0, 250).WithYRange(-3, 1));
        Assert.Equal([0.0, 250.0], layout["xaxis"]!["range"]!.AsArray().Select(v => (double)v!));
        Assert.False((bool)layout["xaxis"]!["autorange"]!);
        Assert.Equal("layer", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal([-3.0, 1.0], layout["yaxis"]!["range"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        var chart = Charts.Line(X, Y, "He", Colours.Green);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => chart.WithXRange(1, 1)).ParamName);
        Assert.Equal("high",
            Assert.Throws<ArgumentOutOfRangeException>(() => chart.WithXRange(0, double.NaN)).ParamName);
    }

    [Fact]
    public void WithPowerTicksFixesLogAxesStyledByPlotlyItself()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(X, Y)
            .WithYAxisStyle<double, double, string>(TitleText: "y", AxisType: StyleParam.AxisType.Log)
            .WithPowerTicks();
        var layout = Figure.Layout(chart);
        Assert.Equal("power", (string?)layout["yaxis"]!["exponentformat"]);
        Assert.Equal(1, (int)layout["yaxis"]!["dtick"]!);
        Assert.Null(layout["xaxis"]?["exponentformat"]);
    }

    [Fact]
    public void ABandIsOneLegendEntryAroundItsCentre()
    {
        var traces =
            Figure.Traces(Charts.Band(X, [1, 2, 3, 4], [0.5, 1.5, 2.5, 3.5], [1.5, 2.5, 3.5, 4.5], "He, 5 seeds",
            Colours.Green));
        Assert.Equal(3, traces.Count);
        Assert.All(traces, t => Assert.Equal("He, 5 seeds", (string?)t!["legendgroup"]));
        Assert.Single(traces, t => (bool?)t!["showlegend"] != false);
        Assert.Equal("tonexty", (string?)traces[1]!["fill"]);
        Assert.Equal("rgba(0,158,115,0.2)", (string?)traces[1]!["fillcolor"]);
    }

    [Fact]
    public void ABandMustEncloseItsCentre()
    {
        var error =
            Assert.Throws<ArgumentException>(() =>
            Charts.Band(X, [1, 2, 3, 4], [0.5, 2.5, 2.5, 3.5], [1.5, 2.5, 3.5, 4.5], "b", Colours.Green));
        Assert.Equal("centre", error.ParamName);
        Assert.Equal("low",
            Assert.Throws<ArgumentException>(() =>
            Charts.Band(X, [1, 2, 3, 4], [0.5], [1.5, 2.5, 3.5, 4.5], "b", Colours.Green)).ParamName);
    }

    [Fact]
    public void AHeatmapHasAFixedColourRangeAndItsLabels()
    {
        var values = new double[,] { { -1, 0 }, { 1, double.NaN } };
        var trace =
            Figure.Traces(Charts.Heatmap(values, ["tanh", "ReLU"], ["Xavier", "He"], -6, 6, "log10 std",
            diverging: true))[0]!;
        Assert.Equal(-6.0, (double)trace["zmin"]!);
        Assert.Equal(6.0, (double)trace["zmax"]!);
        Assert.Equal("log10 std", (string?)trace["colorbar"]!["title"]!["text"]);
        Assert.Equal("Xavier", (string?)trace["y"]![0]);
        Assert.Equal("rowLabels",
            Assert.Throws<ArgumentException>(() => Charts.Heatmap(values, ["a", "b"], ["a"], 0, 1, "c")).ParamName);
        Assert.Equal("cellLabels",
            Assert.Throws<ArgumentException>(() =>
            Charts.Heatmap(values, ["a", "b"], ["a", "b"], 0, 1, "c", new string[1, 2])).ParamName);
        Assert.Equal("max",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            Charts.Heatmap(values, ["a", "b"], ["a", "b"], 1, 1, "c")).ParamName);
    }

    [Fact]
    public void AHeatmapOverNumericAxesKeepsItsCoordinates()
    {
        double[][] values = [[0.1, 0.2, 0.3], [1, 2, 3]];
        var chart = Charts.HeatmapOver([0.5, 1.0, 1.5], [0, 0.1], values, 0, 3, "chi_1");
        var trace = Figure.Traces(chart)[0]!;
        Assert.Equal(1.5, (double)trace["x"]![2]!);
        Assert.Equal(0.1, (double)trace["y"]![1]!);
        Assert.Equal(3.0, (double)trace["zmax"]!);
        Assert.Equal("chi_1", (string?)trace["colorbar"]!["title"]!["text"]);
        var combined =
            Plotly.NET.CSharp.Chart.Combine([chart, Charts.Line([0.5, 1.5], [0, 0.1], "critical line", Colours.Black)]);
        Assert.Equal(2, Figure.Traces(combined).Count);
        Assert.Equal("values",
            Assert.Throws<ArgumentException>(() =>
            Charts.HeatmapOver([0.5, 1.0], [0, 0.1], values, 0, 3, "c")).ParamName);
        Assert.Equal("values",
            Assert.Throws<ArgumentException>(() =>
            Charts.HeatmapOver([0.5, 1.0, 1.5], [0], values, 0, 3, "c")).ParamName);
    }

    [Fact]
    public void AHistogramCanLeaveTheLegend()
    {
        var histogram = WeightInit.Statistics.FixedBinHistogram.Of([0.1, 0.2, 0.7], 0, 1, 2);
        Assert.False((bool)Figure.Traces(Charts.Histogram(histogram, "repeat", Colours.Blue,
            showLegend: false))[0]!["showlegend"]!);
    }

    [Fact]
    public void PointsAreMarkersWithTheirColour()
    {
        var trace = Figure.Traces(Charts.Points(X, Y, "measured", Colours.Vermillion))[0]!;
        Assert.Equal("markers", (string?)trace["mode"]);
        Assert.Equal(Colours.Vermillion, (string?)trace["marker"]!["color"]);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Charts.Points(X, [1.0], "m", Colours.Blue)).ParamName);
    }

    [Fact]
    public void AnAnnotatedHeatmapWritesEachCellsLabel()
    {
        var trace =
            Figure.Traces(Charts.Heatmap(new double[,] { { 0.5, 2 } }, ["a", "b"], ["r"], 0, 2, "value",
            new[,] { { "0.50", "2.0" } }))[0]!;
        Assert.Equal(["0.50", "2.0"], trace["text"]![0]!.AsArray().Select(t => (string?)t));
        Assert.Equal("%{text}", (string?)trace["texttemplate"]);
    }

    [Fact]
    public void PanelsHaveOneTitleEachAndKeepLogTicks()
    {
        var panel = Charts.Line(X, Y, "a", Colours.Blue).WithAxes("x", "y", logY: true);
        var layout = Figure.Layout(Charts.Panels([panel, panel, panel], ["zeros", "N(0, 1)", "He"], columns: 2));
        var titles = layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        Assert.Equal(["zeros", "N(0, 1)", "He"], titles);
        Assert.Equal(2, (int)layout["grid"]!["rows"]!);
        Assert.Equal(2, (int)layout["grid"]!["columns"]!);
        Assert.Equal("titles", Assert.Throws<ArgumentException>(() => Charts.Panels([panel], ["a", "b"], 1)).ParamName);
        Assert.Equal("columns",
            Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Panels([panel], ["a"], 0)).ParamName);
    }

    [Fact]
    public void AHistogramIsAStepLineOfDensities()
    {
        var histogram = FixedBinHistogram.Of([0.1, 0.2, 0.6], 0, 1, 2);
        var trace = Figure.Traces(Charts.Histogram(histogram, "layer 1", Colours.Blue))[0]!;
        Assert.Equal([0.0, 0.5, 0.5, 1.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([4.0 / 3, 4.0 / 3, 2.0 / 3, 2.0 / 3], trace["y"]!.AsArray().Select(v => Math.Round((double)v!, 12))
            .Select(v => Math.Round(v, 12)).ToArray(),
            new DoubleTolerance(1e-12));
    }

    [Fact]
    public void ALogHistogramDrawsEachDecadeBinAtItsPowerOfTen()
    {
        var histogram = FixedBinHistogram.Of([-1.5, 0.5, 0.7], -2, 2, 2); // log10 of 0.03, 3.2, 5
        var trace = Figure.Traces(Charts.LogHistogram(histogram, "N(0, 1)", Colours.Vermillion))[0]!;
        Assert.Equal([0.01, 1.0, 1.0, 100.0], trace["x"]!.AsArray().Select(v => Math.Round((double)v!, 12)));
        Assert.Equal([0.5 / 3, 0.5 / 3, 1.0 / 3, 1.0 / 3], trace["y"]!.AsArray().Select(v => (double)v!).ToArray(),
            new DoubleTolerance(1e-12));
    }

    [Fact]
    public void APanelCanDropItsLegendEntries()
    {
        var traces =
            Figure.Traces(Charts.Band(X, [1, 2, 3, 4], [0.5, 1.5, 2.5, 3.5], [1.5, 2.5, 3.5, 4.5], "He", Colours.Green)
            .WithoutLegendEntries());
        Assert.All(traces, t => Assert.Equal(false, (bool?)t!["showlegend"]));
    }

    [Fact]
    public void SchemesKeepTheirColourAndDistinctSchemesDiffer()
    {
        Assert.Equal(Colours.Scheme("Xavier normal"), Colours.Scheme("Glorot uniform"));
        Assert.Equal(Colours.Scheme("He"), Colours.Scheme("Kaiming normal (fan_out)"));
        string[] schemes =
            ["zeros", "N(0, 1)", "std 0.01", "Xavier", "He", "LeCun", "orthogonal", "LSUV", "PyTorch default",
            "constant 0.05"];
        Assert.Equal(schemes.Length, schemes.Select(Colours.Scheme).Distinct().Count());
        Assert.Equal(Colours.Scheme("N(0, 1)"), Colours.Scheme("std 1"));
        Assert.Equal("scheme", Assert.Throws<ArgumentException>(() => Colours.Scheme("shell")).ParamName);
        Assert.Equal(Colours.Cycle(0), Colours.Cycle(9));
    }

    [Fact]
    public void ALineHasItsWidthAndMarkersTheirColour()
    {
        var line = Figure.Traces(Charts.Line(X, Y, "float32", Colours.Blue, width: 7))[0]!;
        Assert.Equal(7.0, (double)line["line"]!["width"]!);
        Assert.Equal("width",
            Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Line(X, Y, "a", Colours.Blue, width: 0)).ParamName);
        var points = Figure.Traces(Charts.Points(X, Y, "measured", Colours.Green))[0]!;
        Assert.Equal("markers", (string?)points["mode"]);
        Assert.Equal(Colours.Green, (string?)points["marker"]!["color"]);
    }

    [Fact]
    public void ABandOverSeedsSpansTheRangeAroundTheChosenCentre()
    {
        var spread = SeedSummary.Pointwise([[1.0, 10.0], [4.0, 1000.0]]);
        var traces = Figure.Traces(Charts.Band([0, 1], spread, "He, 2 seeds", Colours.Green, geometric: true));
        Assert.Equal([4.0, 1000.0], traces[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 10.0], traces[1]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([2.0, 100.0], traces[2]!["y"]!.AsArray().Select(v => Math.Round((double)v!, 9)));
        var arithmetic = Figure.Traces(Charts.Band([0, 1], spread, "He", Colours.Green));
        Assert.Equal([2.5, 505.0], arithmetic[2]!["y"]!.AsArray().Select(v => (double)v!));
        var signed = SeedSummary.Pointwise([[-1.0], [1.0]]);
        Assert.Equal("spread",
            Assert.Throws<ArgumentException>(() =>
            Charts.Band([0], signed, "b", Colours.Green, geometric: true)).ParamName);
    }

    [Fact]
    public void AVerticalLineAndAShadedRangeSpanWhatTheyAreGiven()
    {
        var line = Figure.Traces(Charts.VerticalLine(28.4, 0.1, 1e30, "predicted", Colours.Blue))[0]!;
        Assert.Equal([28.4, 28.4], line["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("dot", (string?)line["line"]!["dash"]);
        var range = Figure.Traces(Charts.ShadedRange(0, 250, 0.5, 2, "good range"))[0]!;
        Assert.Equal("toself", (string?)range["fill"]);
        Assert.Equal([0.5, 0.5, 2.0, 2.0, 0.5], range["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("high", Assert.Throws<ArgumentException>(() => Charts.ShadedRange(0, 1, 2, 1, "r")).ParamName);
    }

    [Fact]
    public void ClassPointsGiveEachClassItsColourAndLegendEntry()
    {
        var data = new LabeledDataset([0.0, 0.0, 1.0, 1.0, 2.0, 2.0], [0, 1, 1], featureCount: 2, classCount: 2);
        var traces = Figure.Traces(Charts.ClassPoints(data));
        Assert.Equal(["class 0", "class 1"], traces.Select(t => (string?)t!["name"]));
        Assert.Equal([1.0, 2.0], traces[1]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(Colours.Class(1), (string?)traces[1]!["marker"]!["color"]);
        var threeFeatures = new LabeledDataset([0.0, 0.0, 0.0], [0], featureCount: 3, classCount: 2);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => Charts.ClassPoints(threeFeatures)).ParamName);
    }

    [Fact]
    public void DecisionRegionsPinTheColourRangeToTheClasses()
    {
        var network = Network.Create(
            DeepNetwork.Classifier([2, 4, 3], WeightInit.Activations.Activation.Tanh,
                WeightInit.Initializers.Init.XavierNormal()), seed: 1);
        var grid = DecisionGrid.Evaluate(network, Loss.SoftmaxCrossEntropy, -1, 1, 5, -1, 1, 4);
        var data = new LabeledDataset([0.0, 0.0, 0.5, 0.5, -0.5, 0.5], [0, 1, 2], featureCount: 2, classCount: 3);
        var traces = Figure.Traces(Charts.DecisionRegions(grid, data, showLegend: false));
        var heatmap = traces[0]!;
        Assert.Equal("heatmap", (string?)heatmap["type"]);
        Assert.Equal(-0.5, (double)heatmap["zmin"]!);
        Assert.Equal(2.5, (double)heatmap["zmax"]!);
        Assert.Equal(4, heatmap["z"]!.AsArray().Count);
        Assert.Equal(grid.PredictedClasses[5], (double)heatmap["z"]![1]![0]!);
        Assert.Equal(4, traces.Count);
        Assert.All(traces.Skip(1), t => Assert.Equal(false, (bool?)t!["showlegend"]));
    }

    [Fact]
    public void ALogHeatmapColoursDecadesAndLabelsTheValues()
    {
        var values = new double[,] { { 1e-20, 1 }, { 0, double.NaN } };
        var chart = Charts.LogHeatmap(values, ["tanh", "ReLU"], ["Xavier", "He"], 6, "log10 std");
        var trace = Figure.Traces(chart)[0]!;
        Assert.Equal(-6.0, (double)trace["z"]![0]![0]!);
        Assert.Equal(0.0, (double)trace["z"]![0]![1]!);
        Assert.Equal(-6.0, (double)trace["z"]![1]![0]!);
        Assert.Equal(6.0, (double)trace["z"]![1]![1]!);
        var labels = trace["text"]!.AsArray().SelectMany(row => row!.AsArray()).Select(t => (string?)t).ToList();
        Assert.Equal(["1e-20", "1", "0", "non-finite"], labels);
        Assert.Equal("values",
            Assert.Throws<ArgumentException>(() =>
            Charts.LogHeatmap(new double[,] { { -1 } }, ["a"], ["b"], 6, "c")).ParamName);
        Assert.Equal("limit",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            Charts.LogHeatmap(values, ["a", "b"], ["c", "d"], 0, "c")).ParamName);
    }

    [Fact]
    public void ColoursGiveClassesVariantsAndTranslucentFills()
    {
        Assert.Equal(10, Enumerable.Range(0, 10).Select(Colours.Class).Distinct().Count());
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Colours.Class(10)).ParamName);
        Assert.Equal("#003959", Colours.Variant(Colours.Blue));
        Assert.Equal("rgba(0,114,178,0.25)", Colours.Translucent(Colours.Blue, 0.25));
        Assert.Equal("colour", Assert.Throws<ArgumentException>(() => Colours.Variant("blue")).ParamName);
        Assert.Equal("alpha",
            Assert.Throws<ArgumentOutOfRangeException>(() => Colours.Translucent(Colours.Blue, 1.5)).ParamName);
        Assert.NotEqual(Colours.Scheme("all zeros"), Colours.Scheme("constant 0.05"));
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }

    [Fact]
    public void ASliderShowsOneFrameAtATimeStartingWithTheFirst()
    {
        var frames = new[] { 0.5, 1.0, 2.0 }.Select(scale => ($"{scale}",
            Plotly.NET.CSharp.Chart.Combine([Charts.Line(X, Y.Select(y => y * scale), "measured", Colours.Blue),
                Charts.Line(X, Y, "predicted", Colours.Black, dashed: true)]))).ToArray();
        var figure = Figure.Of(Charts.Slider("weight std", frames).WithTitle("t").WithAxes("layer", "std"));
        var traces = figure["data"]!.AsArray();
        Assert.Equal(6, traces.Count);
        Assert.Equal([true, true, false, false, false, false], traces.Select(t => (bool)t!["visible"]!));
        var slider = figure["layout"]!["sliders"]!.AsArray().Single()!;
        Assert.Equal("weight std: ", (string?)slider["currentvalue"]!["prefix"]);
        var steps = slider["steps"]!.AsArray();
        Assert.Equal(["0.5", "1", "2"], steps.Select(s => (string)s!["label"]!));
        Assert.All(steps, s => Assert.Equal("restyle", (string?)s!["method"]));
        var second = steps[1]!["args"]![0]!["visible"]!.AsArray().Select(v => (bool)v!);
        Assert.Equal([false, false, true, true, false, false], second);
    }

    [Fact]
    public void ASliderNeedsTwoLabelledFramesWithTraces()
    {
        var one = Charts.Line(X, Y, "a", Colours.Blue);
        Assert.Equal("frames", Assert.Throws<ArgumentException>(() => Charts.Slider("p", [("a", one)])).ParamName);
        Assert.Equal("frames",
            Assert.Throws<ArgumentException>(() => Charts.Slider("p", [("a", one), (" ", one)])).ParamName);
        Assert.Equal("parameter",
            Assert.Throws<ArgumentException>(() => Charts.Slider("", [("a", one), ("b", one)])).ParamName);
    }
}
