using Microsoft.FSharp.Core;
using Plotly.NET;
using WeightInit.Statistics;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeightInit.Tutorial;

/// <summary>
/// Builders for the charts the notebooks draw again and again: a named line, a mean with its spread as one
/// legend entry, a horizontal reference line, a histogram, a heat map with a fixed colour range, and a grid
/// of titled panels. Style them with <see cref="ChartStyle"/> (title, axes, logarithmic ticks).
/// </summary>
public static class Charts
{
    /// <summary>A line through (x, y) with a legend entry.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, as many as x.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB); see <see cref="Colours"/>.</param>
    /// <param name="dashed">Whether the line is dashed (e.g. a prediction beside a measurement).</param>
    /// <param name="showLegend">Whether the line has a legend entry.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">x and y differ in length, or are empty.</exception>
    public static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string colour, bool dashed = false, bool showLegend = true)
    {
        var (xs, ys) = Pair(x, y);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CSharpChart.Line<double, double, string>(xs, ys, Name: name, ShowLegend: showLegend, LineColor: Color.fromString(colour),
            LineDash: dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);
    }

    /// <summary>
    /// A centre line (e.g. the mean over seeds) with a shaded band between <paramref name="low"/> and
    /// <paramref name="high"/> (e.g. the minimum and maximum, or ± one standard deviation), as one legend entry:
    /// clicking it hides both.
    /// </summary>
    /// <param name="x">The x values.</param>
    /// <param name="centre">The centre line.</param>
    /// <param name="low">The lower edge of the band, at most the centre.</param>
    /// <param name="high">The upper edge of the band, at least the centre.</param>
    /// <param name="name">The legend entry; say what the band is (e.g. "He, mean and range of 5 seeds").</param>
    /// <param name="colour">The colour (#RRGGBB) of the line; the band is the same colour, translucent.</param>
    /// <returns>The chart (three traces: upper edge, lower edge filled to it, centre line).</returns>
    /// <exception cref="ArgumentException">The lengths differ, or low &gt; centre or centre &gt; high somewhere.</exception>
    public static GenericChart Band(IEnumerable<double> x, IEnumerable<double> centre, IEnumerable<double> low, IEnumerable<double> high, string name, string colour)
    {
        var (xs, mid) = Pair(x, centre);
        var (_, lo) = Pair(xs, low, nameof(low));
        var (_, hi) = Pair(xs, high, nameof(high));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        for (int i = 0; i < xs.Length; i++)
        {
            if (lo[i] > mid[i] || mid[i] > hi[i])
                throw new ArgumentException($"the band must enclose the centre, but at x = {xs[i]} it is [{lo[i]}, {hi[i]}] around {mid[i]}.", nameof(centre));
        }
        var fill = Color.fromString(Translucent(colour, 0.2));
        var edge = new Plotly.NET.Line();
        edge.SetProperty("width", 0.0);
        var upper = CSharpChart.Line<double, double, string>(xs, hi, Name: name + " (upper)", ShowLegend: false, Line: edge);
        var lower = CSharpChart.Line<double, double, string>(xs, lo, Name: name + " (lower)", ShowLegend: false, Line: edge,
            Fill: StyleParam.Fill.ToNext_y, FillColor: fill);
        var line = CSharpChart.Line<double, double, string>(xs, mid, Name: name, LineColor: Color.fromString(colour));
        return Group(CSharpChart.Combine([upper, lower, line]), name);
    }

    /// <summary>A horizontal dashed line at <paramref name="y"/> across [x0, x1], e.g. a target value or a bound.</summary>
    /// <param name="x0">Where the line starts.</param>
    /// <param name="x1">Where the line ends.</param>
    /// <param name="y">Its height.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB); grey by default.</param>
    /// <returns>The chart.</returns>
    public static GenericChart ReferenceLine(double x0, double x1, double y, string name, string colour = Colours.Grey) =>
        Line([x0, x1], [y, y], name, colour, dashed: true);

    /// <summary>A histogram drawn as the density of each bin (a step line), so that several overlay readably.</summary>
    /// <param name="histogram">The counts.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <param name="showLegend">Whether it has a legend entry (false for the repeats in a grid of panels).</param>
    /// <returns>The chart.</returns>
    public static GenericChart Histogram(FixedBinHistogram histogram, string name, string colour, bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var x = new List<double>();
        var y = new List<double>();
        var densities = histogram.Densities;
        for (int i = 0; i < histogram.BinCount; i++)
        {
            double left = histogram.Low + i * histogram.BinWidth;
            x.Add(left);
            y.Add(densities[i]);
            x.Add(left + histogram.BinWidth);
            y.Add(densities[i]);
        }
        return Line(x, y, name, colour, showLegend: showLegend);
    }

    /// <summary>
    /// A heat map of <paramref name="values"/> (rows × columns) with the colour range fixed to [min, max] (values
    /// outside take the end colours), a colour bar titled <paramref name="colourTitle"/>, the first row at the top,
    /// and optionally a label in each cell.
    /// </summary>
    /// <param name="values">The values; row i is drawn at <paramref name="rowLabels"/>[i]. NaN cells stay blank.</param>
    /// <param name="columnLabels">The label of each column (x axis).</param>
    /// <param name="rowLabels">The label of each row (y axis).</param>
    /// <param name="min">The value of the lowest colour.</param>
    /// <param name="max">The value of the highest colour.</param>
    /// <param name="colourTitle">What the colour means, with its unit (e.g. "log10 std").</param>
    /// <param name="cellLabels">Text for each cell (same shape as values), or null for none.</param>
    /// <param name="diverging">A diverging blue-white-red scale with white at the middle of [min, max] (for
    /// values around a target, e.g. log10 std around 0); otherwise a sequential scale.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The labels or cell labels do not match the values' shape.</exception>
    public static GenericChart Heatmap(double[,] values, IReadOnlyList<string> columnLabels, IReadOnlyList<string> rowLabels,
        double min, double max, string colourTitle, string[,]? cellLabels = null, bool diverging = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentException.ThrowIfNullOrWhiteSpace(colourTitle);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        if (rowLabels.Count != rows) throw new ArgumentException($"rowLabels must have {rows} labels (one per row), but it has {rowLabels.Count}.", nameof(rowLabels));
        if (columnLabels.Count != columns) throw new ArgumentException($"columnLabels must have {columns} labels (one per column), but it has {columnLabels.Count}.", nameof(columnLabels));
        if (cellLabels is not null && (cellLabels.GetLength(0) != rows || cellLabels.GetLength(1) != columns))
            throw new ArgumentException($"cellLabels must have the shape of values ({rows} x {columns}).", nameof(cellLabels));
        var z = Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => values[i, j]).ToArray()).ToArray();
        var scale = Scale(diverging);
        var bar = new ColorBar();
        bar.SetProperty("title", ChartStyle.TitleOf(colourTitle));
        GenericChart chart = cellLabels is null
            ? CSharpChart.Heatmap<double, string, string, string>(z, X: columnLabels.ToArray(), Y: rowLabels.ToArray(), ColorScale: scale, ColorBar: bar, ReverseYAxis: true)
            : CSharpChart.AnnotatedHeatmap<double, string, string, string>(z,
                annotationText: Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => cellLabels[i, j]).ToArray()).ToArray(),
                X: columnLabels.ToArray(), Y: rowLabels.ToArray(), ColorScale: scale, ColorBar: bar, ReverseYAxis: true);
        return chart.WithColorRange(min, max);
    }

    /// <summary>Markers at (x, y) with a legend entry, e.g. measurements laid on a predicted curve.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, as many as x.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">x and y differ in length, or are empty.</exception>
    public static GenericChart Points(IEnumerable<double> x, IEnumerable<double> y, string name, string colour)
    {
        var (xs, ys) = Pair(x, y);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CSharpChart.Point<double, double, string>(xs, ys, Name: name, MarkerColor: Color.fromString(colour));
    }

    /// <summary>
    /// A heat map over numeric axes: cell [i][j] at (x[j], y[i]), the colour range fixed to [min, max], the y axis
    /// increasing upwards; unlike <see cref="Heatmap"/> it can be combined with lines in the same coordinates
    /// (e.g. a phase diagram and its critical line).
    /// </summary>
    /// <param name="x">The column coordinates, ascending.</param>
    /// <param name="y">The row coordinates, ascending.</param>
    /// <param name="values">values[i][j]; y.Count rows of x.Count values. NaN cells stay blank.</param>
    /// <param name="min">The value of the lowest colour.</param>
    /// <param name="max">The value of the highest colour.</param>
    /// <param name="colourTitle">What the colour means, with its unit.</param>
    /// <param name="diverging">A blue-white-red scale with white at the middle of [min, max]; otherwise sequential.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The values do not have y.Count rows of x.Count values.</exception>
    public static GenericChart HeatmapOver(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double>> values,
        double min, double max, string colourTitle, bool diverging = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrWhiteSpace(colourTitle);
        if (values.Count != y.Count) throw new ArgumentException($"values must have one row per y ({y.Count}), but it has {values.Count}.", nameof(values));
        for (int i = 0; i < values.Count; i++)
            if (values[i].Count != x.Count) throw new ArgumentException($"values[{i}] must have one value per x ({x.Count}), but it has {values[i].Count}.", nameof(values));
        var bar = new ColorBar();
        bar.SetProperty("title", ChartStyle.TitleOf(colourTitle));
        var z = values.Select(r => r.ToArray()).ToArray();
        var chart = CSharpChart.Heatmap<double, double, double, string>(z, X: x.ToArray(), Y: y.ToArray(), ColorScale: Scale(diverging), ColorBar: bar, ShowLegend: false);
        return chart.WithColorRange(min, max);
    }

    /// <summary>
    /// Panels in a grid, each with its title above it. Style each panel's axes before passing it in; the grid's
    /// own title goes on with <see cref="ChartStyle.WithTitle"/>.
    /// </summary>
    /// <param name="panels">The panels, filled row by row.</param>
    /// <param name="titles">One title per panel.</param>
    /// <param name="columns">The number of columns; the rows follow.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">No panels, or not one title per panel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">columns is not positive.</exception>
    public static GenericChart Panels(IReadOnlyList<GenericChart> panels, IReadOnlyList<string> titles, int columns)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (panels.Count == 0) throw new ArgumentException("panels must not be empty.", nameof(panels));
        if (titles.Count != panels.Count) throw new ArgumentException($"titles must have one title per panel ({panels.Count}), but it has {titles.Count}.", nameof(titles));
        int rows = (panels.Count + columns - 1) / columns;
        var grid = CSharpChart.Grid(panels, rows, Math.Min(columns, panels.Count), SubPlotTitles: titles.ToArray());
        return grid.WithPowerTicks();
    }

    private static StyleParam.Colorscale Scale(bool diverging) => diverging
        ? StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromHex("#2166ac")), Tuple.Create(0.5, Color.fromHex("#f7f7f7")), Tuple.Create(1.0, Color.fromHex("#b2182b"))])
        : StyleParam.Colorscale.Viridis;

    private static GenericChart Group(GenericChart chart, string group) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("legendgroup", group);
            return trace;
        }), chart);

    internal static string Translucent(string colour, double alpha)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(colour);
        if (colour.Length != 7 || colour[0] != '#')
            throw new ArgumentException($"colour must be #RRGGBB, but it is '{colour}'.", nameof(colour));
        int r = Convert.ToInt32(colour[1..3], 16), g = Convert.ToInt32(colour[3..5], 16), b = Convert.ToInt32(colour[5..7], 16);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha})");
    }

    private static (double[] X, double[] Y) Pair(IEnumerable<double> x, IEnumerable<double> y, string yName = "y")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y, yName);
        var xs = x.ToArray();
        var ys = y.ToArray();
        if (xs.Length == 0) throw new ArgumentException("x must not be empty.", nameof(x));
        if (ys.Length != xs.Length) throw new ArgumentException($"{yName} must have as many values as x ({xs.Length}), but it has {ys.Length}.", yName);
        return (xs, ys);
    }
}
