using Plotly.NET;
using Plotly.NET.CSharp;
using WeightInit.Statistics;

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
        Assert.Equal("std (log scale)", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("layer", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Null(layout["xaxis"]!["type"]);
        Assert.Equal("t", (string?)layout["title"]!["text"]);
    }

    [Fact]
    public void WithPowerTicksFixesLogAxesStyledByPlotlyItself()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(X, Y)
            .WithYAxisStyle<double, double, string>(TitleText: "y", AxisType: StyleParam.AxisType.Log)
            .WithPowerTicks();
        var layout = Figure.Layout(chart);
        Assert.Equal("power", (string?)layout["yaxis"]!["exponentformat"]);
        Assert.Null(layout["xaxis"]?["exponentformat"]);
    }

    [Fact]
    public void ABandIsOneLegendEntryAroundItsCentre()
    {
        var traces = Figure.Traces(Charts.Band(X, [1, 2, 3, 4], [0.5, 1.5, 2.5, 3.5], [1.5, 2.5, 3.5, 4.5], "He, 5 seeds", Colours.Green));
        Assert.Equal(3, traces.Count);
        Assert.All(traces, t => Assert.Equal("He, 5 seeds", (string?)t!["legendgroup"]));
        Assert.Single(traces, t => (bool?)t!["showlegend"] != false);
        Assert.Equal("tonexty", (string?)traces[1]!["fill"]);
        Assert.Equal("rgba(0,158,115,0.2)", (string?)traces[1]!["fillcolor"]);
    }

    [Fact]
    public void ABandMustEncloseItsCentre()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Band(X, [1, 2, 3, 4], [0.5, 2.5, 2.5, 3.5], [1.5, 2.5, 3.5, 4.5], "b", Colours.Green));
        Assert.Equal("centre", error.ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentException>(() => Charts.Band(X, [1, 2, 3, 4], [0.5], [1.5, 2.5, 3.5, 4.5], "b", Colours.Green)).ParamName);
    }

    [Fact]
    public void AHeatmapHasAFixedColourRangeAndItsLabels()
    {
        var values = new double[,] { { -1, 0 }, { 1, double.NaN } };
        var trace = Figure.Traces(Charts.Heatmap(values, ["tanh", "ReLU"], ["Xavier", "He"], -6, 6, "log10 std", diverging: true))[0]!;
        Assert.Equal(-6.0, (double)trace["zmin"]!);
        Assert.Equal(6.0, (double)trace["zmax"]!);
        Assert.Equal("log10 std", (string?)trace["colorbar"]!["title"]!["text"]);
        Assert.Equal("Xavier", (string?)trace["y"]![0]);
        Assert.Equal("rowLabels", Assert.Throws<ArgumentException>(() => Charts.Heatmap(values, ["a", "b"], ["a"], 0, 1, "c")).ParamName);
        Assert.Equal("cellLabels", Assert.Throws<ArgumentException>(() => Charts.Heatmap(values, ["a", "b"], ["a", "b"], 0, 1, "c", new string[1, 2])).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Heatmap(values, ["a", "b"], ["a", "b"], 1, 1, "c")).ParamName);
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
        var combined = Plotly.NET.CSharp.Chart.Combine([chart, Charts.Line([0.5, 1.5], [0, 0.1], "critical line", Colours.Black)]);
        Assert.Equal(2, Figure.Traces(combined).Count);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Charts.HeatmapOver([0.5, 1.0], [0, 0.1], values, 0, 3, "c")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Charts.HeatmapOver([0.5, 1.0, 1.5], [0], values, 0, 3, "c")).ParamName);
    }

    [Fact]
    public void AHistogramCanLeaveTheLegend()
    {
        var histogram = WeightInit.Statistics.FixedBinHistogram.Of([0.1, 0.2, 0.7], 0, 1, 2);
        Assert.False((bool)Figure.Traces(Charts.Histogram(histogram, "repeat", Colours.Blue, showLegend: false))[0]!["showlegend"]!);
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
        var layout = Figure.Layout(Charts.Heatmap(new double[,] { { 0.5, 2 } }, ["a", "b"], ["r"], 0, 2, "value", new[,] { { "0.50", "2.0" } }));
        var texts = layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        Assert.Equal(["0.50", "2.0"], texts);
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
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Panels([panel], ["a"], 0)).ParamName);
    }

    [Fact]
    public void AHistogramIsAStepLineOfDensities()
    {
        var histogram = FixedBinHistogram.Of([0.1, 0.2, 0.6], 0, 1, 2);
        var trace = Figure.Traces(Charts.Histogram(histogram, "layer 1", Colours.Blue))[0]!;
        Assert.Equal([0.0, 0.5, 0.5, 1.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([4.0 / 3, 4.0 / 3, 2.0 / 3, 2.0 / 3], trace["y"]!.AsArray().Select(v => Math.Round((double)v!, 12)).Select(v => Math.Round(v, 12)).ToArray(),
            new DoubleTolerance(1e-12));
    }

    [Fact]
    public void SchemesKeepTheirColourAndDistinctSchemesDiffer()
    {
        Assert.Equal(Colours.Scheme("Xavier normal"), Colours.Scheme("Glorot uniform"));
        Assert.Equal(Colours.Scheme("He"), Colours.Scheme("Kaiming normal (fan_out)"));
        string[] schemes = ["zeros", "N(0, 1)", "std 0.01", "Xavier", "He", "LeCun", "orthogonal", "LSUV", "PyTorch default"];
        Assert.Equal(schemes.Length, schemes.Select(Colours.Scheme).Distinct().Count());
        Assert.Equal(Colours.Scheme("N(0, 1)"), Colours.Scheme("std 1"));
        Assert.Equal("scheme", Assert.Throws<ArgumentException>(() => Colours.Scheme("shell")).ParamName);
        Assert.Equal(Colours.Cycle(0), Colours.Cycle(9));
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
