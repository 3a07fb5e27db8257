using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace WeightInit.Tutorial;

/// <summary>
/// The style every chart of the notebooks shares, as extension methods on Plotly.NET's <see cref="GenericChart"/>:
/// a title, axis titles, logarithmic axes labelled 10^k, a fixed colour range for heat maps.
/// </summary>
public static class ChartStyle
{
    /// <summary>Sets the chart's title (Plotly.NET.CSharp 0.14 has no WithTitle).</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="title">The title; say what is plotted and under which conditions.</param>
    /// <returns>The chart with its title.</returns>
    public static GenericChart WithTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
    }

    /// <summary>
    /// Titles both axes and makes either logarithmic. A logarithmic axis has a tick at every power of ten, labelled
    /// 10^k, and no other labels: never SI prefixes (Plotly's default: "10µ", "100M"), unreadable for values like
    /// 1e-15, nor the bare digits Plotly prints between decades. Draw a quantity that spans less than a decade on a
    /// linear axis.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="xTitle">The x axis title, with its unit.</param>
    /// <param name="yTitle">The y axis title, with its unit.</param>
    /// <param name="logX">Whether the x axis is logarithmic.</param>
    /// <param name="logY">Whether the y axis is logarithmic.</param>
    /// <returns>The chart with its axes styled.</returns>
    public static GenericChart WithAxes(this GenericChart chart, string xTitle, string yTitle, bool logX = false,
        bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(xTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(yTitle);
        var x = Axis(xTitle, logX);
        var y = Axis(yTitle, logY);
        chart = Plotly.NET.Chart.withXAxis(x, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        return Plotly.NET.Chart.withYAxis(y, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    /// <summary>Fixes the range of the x axis (for a logarithmic axis, give the range of log10 of the values), e.g.
    /// to show a network's every layer when the drawn lines end earlier.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="low">The left end.</param>
    /// <param name="high">The right end, greater than <paramref name="low"/>.</param>
    /// <returns>The chart with its x range fixed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or not finite.</exception>
    public static GenericChart WithXRange(this GenericChart chart, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(chart);
        CheckRange(low, high, nameof(high));
        var axis = new LinearAxis();
        axis.SetProperty("range", new[] { low, high });
        axis.SetProperty("autorange", false);
        return Plotly.NET.Chart.withXAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    /// <summary>Fixes the range of the y axis (for a logarithmic axis, give the range of log10 of the
    /// values).</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="low">The lower end.</param>
    /// <param name="high">The upper end, greater than <paramref name="low"/>.</param>
    /// <returns>The chart with its y range fixed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or not finite.</exception>
    public static GenericChart WithYRange(this GenericChart chart, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(chart);
        CheckRange(low, high, nameof(high));
        var axis = new LinearAxis();
        axis.SetProperty("range", new[] { low, high });
        axis.SetProperty("autorange", false);
        return Plotly.NET.Chart.withYAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    /// <summary>
    /// Labels every logarithmic axis of the chart (all subplots) with powers of ten, 10^k, one tick per decade,
    /// instead of Plotly's SI prefixes and the digits between decades. Use it after styling axes with Plotly.NET's own
    /// methods (<c>WithYAxisStyle(..., AxisType: Log)</c>);
    /// <see cref="WithAxes"/> does it already.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The chart with power-of-ten tick labels on its logarithmic axes.</returns>
    public static GenericChart WithPowerTicks(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        foreach (var (_, value) in layout.GetProperties(true))
        {
            if (value is LinearAxis axis && IsLog(axis)) LabelDecades(axis);
        }
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>
    /// Fixes the colour range of every trace (heat maps, coloured markers): zmin and zmax, so that a colour
    /// means the same value in every panel and every run.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="min">The value of the lowest colour.</param>
    /// <param name="max">The value of the highest colour, greater than <paramref name="min"/>.</param>
    /// <returns>The chart with its colour range fixed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or not finite.</exception>
    public static GenericChart WithColorRange(this GenericChart chart, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(chart);
        CheckRange(min, max, nameof(max));
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
            return trace;
        }), chart);
    }

    /// <summary>
    /// Hides the legend entries of every trace of the chart, e.g. of the second and later panels of a grid whose
    /// series repeat those of the first panel (one quantity, one legend entry).
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The chart with no legend entries of its own.</returns>
    public static GenericChart WithoutLegendEntries(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("showlegend", false);
            return trace;
        }), chart);
    }

    // A tick at every power of ten and at nothing else, labelled 10^k: Plotly's default also labels the digits in
    // between ("2", "5", or "3, 2, 1, 9, 8" on a short range), which read as bare numbers without their decade.
    private static void LabelDecades(LinearAxis axis)
    {
        axis.SetProperty("exponentformat", "power");
        axis.SetProperty("dtick", 1);
    }

    // Plotly.NET stores an axis type as the string plotly.js reads ("log").
    internal static bool IsLog(LinearAxis axis) =>
        axis.TryGetPropertyValue("type") is { } option && option.Value is string type && type == "log";

    private static LinearAxis Axis(string title, bool log)
    {
        var axis = new LinearAxis();
        axis.SetProperty("title", TitleOf(title));
        if (log)
        {
            axis.SetProperty("type", "log");
            LabelDecades(axis);
        }
        return axis;
    }

    internal static Title TitleOf(string text)
    {
        var title = new Title();
        title.SetProperty("text", text);
        return title;
    }

    private static void CheckRange(double low, double high, string parameter)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
            throw new ArgumentOutOfRangeException(parameter, high,
                $"the range must be finite and not empty, but it is [{low}, {high}].");
    }
}
