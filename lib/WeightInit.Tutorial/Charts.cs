using Microsoft.FSharp.Core;
using Plotly.NET;
using WeightInit.Statistics;
using WeightInit.Training;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeightInit.Tutorial;

/// <summary>
/// Builders for the charts the notebooks draw again and again: a named line or markers, a mean with its spread
/// as one legend entry (from values or from a <see cref="SeedSummary"/> per point), reference lines and ranges, a
/// histogram, heat maps with a fixed colour range (also logarithmic), a 2-D data set and a network's decision
/// regions, a grid of titled panels, and a figure driven by a slider. Style them with <see cref="ChartStyle"/> (title,
/// axes, logarithmic ticks).
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
    /// <param name="width">The line width in pixels; positive. A wide translucent line under a narrow one keeps both
    /// visible where they coincide (e.g. float32 under float64).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">x and y differ in length, or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The width is not positive.</exception>
    public static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string colour,
        bool dashed = false,
        bool showLegend = true, double width = 2)
    {
        var (xs, ys) = Pair(x, y);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(colour);
        if (!(width > 0) || double.IsInfinity(width)) throw new ArgumentOutOfRangeException(nameof(width), width,
            "width must be a positive number of pixels.");
        return CSharpChart.Line<double, double,
            string>(xs, ys, Name: name, ShowLegend: showLegend, LineColor: Color.fromString(colour),
            LineWidth: width, LineDash: dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);
    }

    /// <summary>Markers at (x, y) with a legend entry, e.g. measurements beside a dashed prediction of the same
    /// colour.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, as many as x.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <param name="showLegend">Whether the markers have a legend entry.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">x and y differ in length, or are empty.</exception>
    public static GenericChart Points(IEnumerable<double> x, IEnumerable<double> y, string name, string colour,
        bool showLegend = true)
    {
        var (xs, ys) = Pair(x, y);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(colour);
        return CSharpChart.Point<double, double,
            string>(xs, ys, Name: name, ShowLegend: showLegend, MarkerColor: Color.fromString(colour));
    }

    /// <summary>
    /// A measurement repeated over several seeds, point by point: a centre line (the mean, or the geometric mean for
    /// a logarithmic axis) inside a band from the smallest to the largest value, as one legend entry
    /// (<see cref="Band(IEnumerable{double}, IEnumerable{double}, IEnumerable{double}, IEnumerable{double}, string,
    /// string)"/>).
    /// </summary>
    /// <param name="x">The x values.</param>
    /// <param name="spread">One summary per x value (e.g. from <see cref="SeedSummary.Pointwise"/>).</param>
    /// <param name="name">The legend entry; say how many seeds (e.g. "He, 5 seeds: geometric mean and range").</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <param name="geometric">Centre on the geometric mean (for a logarithmic axis) instead of the mean.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a geometric mean is NaN (a value is not
    /// positive).</exception>
    public static GenericChart Band(IEnumerable<double> x, IReadOnlyList<SeedSummary> spread, string name,
        string colour, bool geometric = false)
    {
        ArgumentNullException.ThrowIfNull(spread);
        if (geometric && spread.Any(s => double.IsNaN(s.GeometricMean)))
            throw new ArgumentException("a geometric centre needs positive values at every point.", nameof(spread));
        return Band(x, spread.Select(s => geometric ? s.GeometricMean : s.Mean), spread.Select(s => s.Min),
            spread.Select(s => s.Max), name, colour);
    }

    /// <summary>A dotted vertical line at <paramref name="x"/> from y0 to y1, e.g. a predicted layer.</summary>
    /// <param name="x">Where the line stands.</param>
    /// <param name="y0">Its lower end.</param>
    /// <param name="y1">Its upper end.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <returns>The chart.</returns>
    public static GenericChart VerticalLine(double x, double y0, double y1, string name, string colour)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(colour);
        return CSharpChart.Line<double, double,
            string>([x, x], [y0, y1], Name: name, LineColor: Color.fromString(colour),
            LineDash: StyleParam.DrawingStyle.Dot);
    }

    /// <summary>A shaded rectangle from x0 to x1 between low and high, e.g. the range a quantity should stay
    /// in.</summary>
    /// <param name="x0">Where it starts.</param>
    /// <param name="x1">Where it ends.</param>
    /// <param name="low">Its lower edge.</param>
    /// <param name="high">Its upper edge, at least low.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB); the fill is translucent.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">high is below low.</exception>
    public static GenericChart ShadedRange(double x0, double x1, double low, double high, string name,
        string colour = Colours.Grey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!(high >= low)) throw new ArgumentException($"high must be at least low, but the range is [{low}, {high}].",
            nameof(high));
        var edge = new Plotly.NET.Line();
        edge.SetProperty("width", 0.0);
        return CSharpChart.Line<double, double,
            string>([x0, x1, x1, x0, x0], [low, low, high, high, low], Name: name, Line: edge,
            Fill: StyleParam.Fill.ToSelf, FillColor: Color.fromString(Colours.Translucent(colour, 0.2)));
    }

    /// <summary>The points of a 2-D data set, one marker colour and legend entry per class
    /// (<see cref="Colours.Class"/>).</summary>
    /// <param name="data">A data set with two features per sample.</param>
    /// <param name="showLegend">Whether the classes have legend entries (e.g. only in the first of several
    /// panels).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The data do not have two features.</exception>
    public static GenericChart ClassPoints(LabeledDataset data, bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 2)
            throw new ArgumentException($"data must have 2 features per sample, but it has {data.FeatureCount}.",
                nameof(data));
        var features = data.Features.ToArray();
        var labels = data.Labels.ToArray();
        var charts = Enumerable.Range(0, data.ClassCount).Select(k =>
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == k).ToArray();
            return CSharpChart.Point<double, double,
                string>(members.Select(i => features[2 * i]), members.Select(i => features[2 * i + 1]),
                Name: $"class {k}", ShowLegend: showLegend, MarkerColor: Color.fromString(Colours.Class(k)));
        });
        return CSharpChart.Combine(charts);
    }

    /// <summary>
    /// A network's decision regions: the class it predicts at every point of <paramref name="grid"/>, in the class's
    /// colour (translucent, the colour range pinned to the classes), with the data's points on top. Points where the
    /// network's output is not finite stay blank.
    /// </summary>
    /// <param name="grid">The predictions on a grid (<see cref="DecisionGrid.Evaluate"/>).</param>
    /// <param name="data">The 2-D points to draw on top, e.g. the training set.</param>
    /// <param name="showLegend">Whether the classes have legend entries.</param>
    /// <returns>The chart.</returns>
    public static GenericChart DecisionRegions(DecisionGrid grid, LabeledDataset data, bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(data);
        int columns = grid.X.Length, rows = grid.Y.Length, classes = Math.Max(grid.ClassCount, 2);
        var predicted = grid.PredictedClasses.ToArray();
        var z = Enumerable.Range(0, rows).Select(iy => Enumerable.Range(0, columns)
            .Select(ix => predicted[iy * columns + ix] is var c && c >= 0 ? c : double.NaN).ToArray()).ToArray();
        // A stepwise scale: class k takes [k/(K), (k+1)/K) of the range [-0.5, K - 0.5], so each class is one flat
        // colour.
        var stops = Enumerable.Range(0, classes).SelectMany(k => new[]
        {
            Tuple.Create((double)k / classes, Color.fromString(Colours.Class(k))),
            Tuple.Create((k + 1.0) / classes, Color.fromString(Colours.Class(k))),
        }).ToArray();
        var regions = CSharpChart.Heatmap<double, double, double, string>(z, X: grid.X.ToArray(), Y: grid.Y.ToArray(),
            ShowScale: false, Opacity: 0.3, ColorScale: StyleParam.Colorscale.NewCustom(stops), ShowLegend: false);
        return CSharpChart.Combine([regions.WithColorRange(-0.5, classes - 0.5), ClassPoints(data, showLegend)]);
    }

    /// <summary>
    /// A heat map of positive quantities that span many decades (e.g. the std of a signal after 100 layers): the
    /// colour is log10 of the value on a diverging scale centred on 10^0 = 1 and clipped to [-limit, limit]; each cell
    /// is labelled with the value itself (<see cref="Format.Number"/>), "0" for an exact zero (the bottom colour) and
    /// "non-finite" for NaN or an infinity (the top colour).
    /// </summary>
    /// <param name="values">The values, rows x columns; not negative, or NaN/infinite.</param>
    /// <param name="columnLabels">The label of each column.</param>
    /// <param name="rowLabels">The label of each row.</param>
    /// <param name="limit">The decades either side of 1 that the colours cover; positive.</param>
    /// <param name="colourTitle">What the colour means (e.g. "log10 std").</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">A value is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public static GenericChart LogHeatmap(double[,] values, IReadOnlyList<string> columnLabels,
        IReadOnlyList<string> rowLabels,
        double limit, string colourTitle)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(limit > 0) || double.IsInfinity(limit)) throw new ArgumentOutOfRangeException(nameof(limit), limit,
            "limit must be a positive number of decades.");
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var colour = new double[rows, columns];
        var labels = new string[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                double v = values[i, j];
                if (v < 0) throw new ArgumentException($"values must not be negative, but values[{i}, {j}] is {v}.",
                    nameof(values));
                bool finite = double.IsFinite(v);
                colour[i, j] = !finite ? limit : v == 0 ? -limit : Math.Clamp(Math.Log10(v), -limit, limit);
                labels[i, j] = !finite ? "non-finite" : Format.Number(v);
            }
        return Heatmap(colour, columnLabels, rowLabels, -limit, limit, colourTitle, labels, diverging: true);
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
    /// <exception cref="ArgumentException">The lengths differ, or low &gt; centre or centre &gt; high
    /// somewhere.</exception>
    public static GenericChart Band(IEnumerable<double> x, IEnumerable<double> centre, IEnumerable<double> low,
        IEnumerable<double> high, string name, string colour)
    {
        var (xs, mid) = Pair(x, centre);
        var (_, lo) = Pair(xs, low, nameof(low));
        var (_, hi) = Pair(xs, high, nameof(high));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        for (int i = 0; i < xs.Length; i++)
        {
            if (lo[i] > mid[i] || mid[i] > hi[i])
                throw new ArgumentException($"the band must enclose the centre, but at x = {xs[i]} it is [{lo[i]}, " +
                    $"{hi[i]}] around {mid[i]}.", nameof(centre));
        }
        var fill = Color.fromString(Colours.Translucent(colour, 0.2));
        var edge = new Plotly.NET.Line();
        edge.SetProperty("width", 0.0);
        var upper =
            CSharpChart.Line<double, double, string>(xs, hi, Name: name + " (upper)", ShowLegend: false, Line: edge);
        var lower =
            CSharpChart.Line<double, double, string>(xs, lo, Name: name + " (lower)", ShowLegend: false, Line: edge,
            Fill: StyleParam.Fill.ToNext_y, FillColor: fill);
        var line = CSharpChart.Line<double, double, string>(xs, mid, Name: name, LineColor: Color.fromString(colour));
        return Group(CSharpChart.Combine([upper, lower, line]), name);
    }

    /// <summary>A horizontal dashed line at <paramref name="y"/> across [x0, x1], e.g. a target value or a
    /// bound.</summary>
    /// <param name="x0">Where the line starts.</param>
    /// <param name="x1">Where the line ends.</param>
    /// <param name="y">Its height.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB); grey by default.</param>
    /// <returns>The chart.</returns>
    public static GenericChart ReferenceLine(double x0, double x1, double y, string name,
        string colour = Colours.Grey) =>
        Line([x0, x1], [y, y], name, colour, dashed: true);

    /// <summary>A histogram drawn as the density of each bin (a step line), so that several overlay readably.</summary>
    /// <param name="histogram">The counts.</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <param name="showLegend">Whether it has a legend entry (false for the repeats in a grid of panels).</param>
    /// <returns>The chart.</returns>
    public static GenericChart Histogram(FixedBinHistogram histogram, string name, string colour,
        bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var steps = Figure.Steps(histogram);
        return Line(steps.X, steps.Y, name, colour, showLegend: showLegend);
    }

    private static class Figure
    {
        // The outline of a histogram: each bin's density from its left to its right edge.
        public static (List<double> X, List<double> Y) Steps(FixedBinHistogram histogram)
        {
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
            return (x, y);
        }
    }

    /// <summary>
    /// A histogram of magnitudes on a logarithmic x axis: <paramref name="log10Histogram"/> counts log10 of the
    /// values, and each bin is drawn from 10^(left edge) to 10^(right edge), at the height of its density per decade
    /// (the fraction of the values per unit of log10). Style the x axis with <c>logX: true</c>.
    /// </summary>
    /// <param name="log10Histogram">The counts of log10 |value| (e.g. FixedBinHistogram.Of(log10 |z|, -4, 2,
    /// 60)).</param>
    /// <param name="name">The legend entry.</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <returns>The chart.</returns>
    public static GenericChart LogHistogram(FixedBinHistogram log10Histogram, string name, string colour)
    {
        ArgumentNullException.ThrowIfNull(log10Histogram);
        var steps = Figure.Steps(log10Histogram);
        return Line(steps.X.Select(e => Math.Pow(10, e)), steps.Y, name, colour);
    }

    /// <summary>
    /// A heat map of <paramref name="values"/> (rows × columns) with the colour range fixed to [min, max] (values
    /// outside take the end colours), a colour bar titled <paramref name="colourTitle"/>, the first row at the top,
    /// and optionally a label in each cell.
    /// </summary>
    /// <param name="values">The values; row i is drawn at <paramref name="rowLabels"/>[i]. NaN cells stay
    /// blank.</param>
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
    public static GenericChart Heatmap(double[,] values, IReadOnlyList<string> columnLabels,
        IReadOnlyList<string> rowLabels,
        double min, double max, string colourTitle, string[,]? cellLabels = null, bool diverging = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentException.ThrowIfNullOrWhiteSpace(colourTitle);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        if (rowLabels.Count != rows)
            throw new ArgumentException($"rowLabels must have {rows} labels (one per row), but it has "
                + $"{rowLabels.Count}.", nameof(rowLabels));
        if (columnLabels.Count != columns)
            throw new ArgumentException($"columnLabels must have {columns} labels (one per column), but "
                + $"it has {columnLabels.Count}.", nameof(columnLabels));
        if (cellLabels is not null && (cellLabels.GetLength(0) != rows || cellLabels.GetLength(1) != columns))
            throw new ArgumentException($"cellLabels must have the shape of values ({rows} x {columns}).",
                nameof(cellLabels));
        var z = Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => values[i, j]).ToArray())
            .ToArray();
        var scale = Scale(diverging);
        var bar = new ColorBar();
        bar.SetProperty("title", ChartStyle.TitleOf(colourTitle));
        GenericChart chart =
            CSharpChart.Heatmap<double, string, string, string>(z, X: columnLabels.ToArray(), Y: rowLabels.ToArray(),
            ColorScale: scale, ColorBar: bar, ReverseYAxis: true);
        if (cellLabels is not null)
        {
            // Labels as the heat map's own text: plotly.js draws each in black or white, whichever contrasts with its
            // cell.
            var text =
                Enumerable.Range(0, rows)
                .Select(i => Enumerable.Range(0, columns).Select(j => cellLabels[i, j]).ToArray()).ToArray();
            chart = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
            {
                trace.SetProperty("text", text);
                trace.SetProperty("texttemplate", "%{text}");
                return trace;
            }), chart);
        }
        return chart.WithColorRange(min, max);
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
    /// <param name="diverging">A blue-white-red scale with white at the middle of [min, max]; otherwise
    /// sequential.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The values do not have y.Count rows of x.Count values.</exception>
    public static GenericChart HeatmapOver(IReadOnlyList<double> x, IReadOnlyList<double> y,
        IReadOnlyList<IReadOnlyList<double>> values,
        double min, double max, string colourTitle, bool diverging = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrWhiteSpace(colourTitle);
        if (values.Count != y.Count)
            throw new ArgumentException($"values must have one row per y ({y.Count}), but it has " + $"{values.Count}.",
                nameof(values));
        for (int i = 0; i < values.Count; i++)
            if (values[i].Count != x.Count)
                throw new ArgumentException($"values[{i}] must have one value per x ({x.Count}), but it "
                    + $"has {values[i].Count}.", nameof(values));
        var bar = new ColorBar();
        bar.SetProperty("title", ChartStyle.TitleOf(colourTitle));
        var z = values.Select(r => r.ToArray()).ToArray();
        var chart =
            CSharpChart.Heatmap<double, double, double,
            string>(z, X: x.ToArray(), Y: y.ToArray(), ColorScale: Scale(diverging), ColorBar: bar, ShowLegend: false);
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
        if (titles.Count != panels.Count)
            throw new ArgumentException($"titles must have one title per panel ({panels.Count}), "
                + $"but it has {titles.Count}.", nameof(titles));
        int rows = (panels.Count + columns - 1) / columns;
        var grid = CSharpChart.Grid(panels, rows, Math.Min(columns, panels.Count), SubPlotTitles: titles.ToArray());
        return grid.WithPowerTicks();
    }

    /// <summary>
    /// A figure the reader drives with a slider, no kernel needed: one frame per setting of a parameter (e.g. the
    /// weight scale, the depth), all precomputed; the slider shows one frame's traces at a time (plotly.js restyles
    /// their visibility in the page), starting with the first. Style the result's axes and title as usual; fix the
    /// axis ranges with <see cref="ChartStyle.WithYRange"/> where frames differ in scale, so that moving the slider
    /// compares like with like.
    /// </summary>
    /// <param name="parameter">The slider's label, e.g. "weight std"; shown with the current frame's label.</param>
    /// <param name="frames">At least two frames, each a label and the chart of that setting (built with this class's
    /// builders; every frame may hold several traces).</param>
    /// <returns>The figure: every frame's traces, the first frame's visible, and a slider with one step per frame.
    /// A static image of it shows the first frame.</returns>
    /// <exception cref="ArgumentException">Fewer than two frames, a blank label, or a frame without traces.</exception>
    public static GenericChart Slider(string parameter, IReadOnlyList<(string Label, GenericChart Chart)> frames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count < 2)
            throw new ArgumentException($"frames must hold at least two frames, but it holds {frames.Count}.",
                nameof(frames));
        var counts = new int[frames.Count];
        var traces = new List<Trace>();
        for (int f = 0; f < frames.Count; f++)
        {
            if (string.IsNullOrWhiteSpace(frames[f].Label))
                throw new ArgumentException($"frames[{f}] needs a label.", nameof(frames));
            ArgumentNullException.ThrowIfNull(frames[f].Chart, nameof(frames));
            var frameTraces = GenericChart.getTraces(frames[f].Chart).ToList();
            if (frameTraces.Count == 0) throw new ArgumentException($"frames[{f}] has no trace.", nameof(frames));
            counts[f] = frameTraces.Count;
            foreach (var trace in frameTraces)
            {
                trace.SetProperty("visible", f == 0);
                traces.Add(trace);
            }
        }
        var steps = new List<DynamicObj.DynamicObj>();
        for (int f = 0, start = 0; f < frames.Count; start += counts[f], f++)
        {
            var visible = new bool[traces.Count];
            for (int t = start; t < start + counts[f]; t++) visible[t] = true;
            var restyle = new DynamicObj.DynamicObj();
            restyle.SetProperty("visible", visible);
            var step = new DynamicObj.DynamicObj();
            step.SetProperty("label", frames[f].Label);
            step.SetProperty("method", "restyle");
            step.SetProperty("args", new object[] { restyle });
            steps.Add(step);
        }
        var current = new DynamicObj.DynamicObj();
        current.SetProperty("prefix", parameter + ": ");
        var slider = new DynamicObj.DynamicObj();
        slider.SetProperty("active", 0);
        slider.SetProperty("currentvalue", current);
        slider.SetProperty("steps", steps);
        slider.SetProperty("pad", PadTop(50));
        var chart = GenericChart.ofTraceObjects(true, Microsoft.FSharp.Collections.ListModule.OfSeq(traces));
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty("sliders", new object[] { slider });
        return GenericChart.setLayout(layout, chart);
    }

    private static DynamicObj.DynamicObj PadTop(int pixels)
    {
        var pad = new DynamicObj.DynamicObj();
        pad.SetProperty("t", pixels);
        return pad;
    }

    private static StyleParam.Colorscale Scale(bool diverging) => diverging
        ? StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromHex("#2166ac")),
            Tuple.Create(0.5, Color.fromHex("#f7f7f7")), Tuple.Create(1.0, Color.fromHex("#b2182b"))])
        : StyleParam.Colorscale.Viridis;

    private static GenericChart Group(GenericChart chart, string group) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("legendgroup", group);
            return trace;
        }), chart);

    private static (double[] X, double[] Y) Pair(IEnumerable<double> x, IEnumerable<double> y, string yName = "y")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y, yName);
        var xs = x.ToArray();
        var ys = y.ToArray();
        if (xs.Length == 0) throw new ArgumentException("x must not be empty.", nameof(x));
        if (ys.Length != xs.Length)
            throw new ArgumentException($"{yName} must have as many values as x ({xs.Length}), but it "
                + $"has {ys.Length}.", yName);
        return (xs, ys);
    }
}
