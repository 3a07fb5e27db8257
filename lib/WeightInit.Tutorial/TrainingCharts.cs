using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;
using WeightInit.Statistics;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeightInit.Tutorial;

/// <summary>
/// Builders for the charts of training experiments run on several seeds: a band of the mean and the range
/// over seeds, a strip of one marker per seed and category, and overlaid per-layer histograms.
/// </summary>
public static class TrainingCharts
{
    /// <summary>
    /// The mean over runs (one per seed) at every x, with the band from the smallest to the largest run, as one
    /// legend entry (<see cref="Charts.Band(IEnumerable{double}, IReadOnlyList{SeedSummary}, string, string, bool)"/>).
    /// Non-finite values are left out of each point's statistics; a point
    /// where no run is finite is left out.
    /// </summary>
    /// <param name="x">The x values.</param>
    /// <param name="runs">One series per run, each as long as x.</param>
    /// <param name="name">The legend entry; the band's meaning is added to it (", mean and range of n seeds").</param>
    /// <param name="colour">The colour (#RRGGBB).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">No runs, a run of the wrong length, or no point with a finite
    /// value.</exception>
    public static GenericChart SeedBand(IReadOnlyList<double> x, IReadOnlyList<IReadOnlyList<double>> runs, string name,
        string colour)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("runs must hold at least one run.", nameof(runs));
        foreach (var run in runs)
            if (run is null || run.Count != x.Count)
                throw new ArgumentException($"every run must have as many values as x ({x.Count}).", nameof(runs));
        var xs = new List<double>();
        var spread = new List<SeedSummary>();
        for (int i = 0; i < x.Count; i++)
        {
            var values = runs.Select(r => r[i]).Where(double.IsFinite).ToArray();
            if (values.Length == 0) continue;
            xs.Add(x[i]);
            spread.Add(SeedSummary.Of(values));
        }
        if (xs.Count == 0) throw new ArgumentException("no point has a finite value.", nameof(runs));
        return Charts.Band(xs, spread, $"{name}, mean and range of {runs.Count} seeds", colour);
    }

    /// <summary>
    /// One marker per value (e.g. per seed) above each category, the series side by side within a category, and
    /// the series' mean as a wide dash: a picture of the spread that a bar of means would hide.
    /// </summary>
    /// <param name="categories">The categories along the x axis, e.g. the initialization schemes.</param>
    /// <param name="series">The series (name, colour, and for each category its values); one legend entry each.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title, with its unit.</param>
    /// <param name="logY">Whether the y axis is logarithmic (labelled 10^k).</param>
    /// <returns>The chart, with its axes titled and the categories as x tick labels.</returns>
    /// <exception cref="ArgumentException">No categories or series, or a series without one list of values per
    /// category.</exception>
    public static GenericChart Strip(IReadOnlyList<string> categories,
        IReadOnlyList<(string Name, string Colour, IReadOnlyList<IReadOnlyList<double>> Values)> series,
        string xTitle, string yTitle, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (categories.Count == 0) throw new ArgumentException("categories must not be empty.", nameof(categories));
        if (series.Count == 0) throw new ArgumentException("series must not be empty.", nameof(series));
        var traces = new List<GenericChart>();
        double width = 0.6 / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var (name, colour, values) = series[s];
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            if (values is null || values.Count != categories.Count)
                throw new ArgumentException($"series '{name}' must have one list of values per category " +
                    $"({categories.Count}).", nameof(series));
            double offset = (s - (series.Count - 1) / 2.0) * width;
            var x = new List<double>();
            var y = new List<double>();
            var meanX = new List<double>();
            var meanY = new List<double>();
            for (int c = 0; c < categories.Count; c++)
            {
                var finite = values[c].Where(double.IsFinite).ToArray();
                foreach (double v in finite) { x.Add(c + offset); y.Add(v); }
                if (finite.Length > 0) { meanX.Add(c + offset); meanY.Add(finite.Average()); }
            }
            traces.Add(Group(CSharpChart.Point<double, double,
                string>(x, y, Name: name, MarkerColor: Color.fromString(colour),
                Opacity: 0.7), name));
            traces.Add(Group(CSharpChart.Point<double, double,
                string>(meanX, meanY, Name: name + " (mean)", ShowLegend: false,
                MarkerColor: Color.fromString(colour), MarkerSymbol: StyleParam.MarkerSymbol.LineEW), name,
                    markerSize: 18));
        }
        var chart = CSharpChart.Combine(traces).WithAxes(xTitle, yTitle, logY: logY);
        var axis = new LinearAxis();
        axis.SetProperty("tickvals", Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray());
        axis.SetProperty("ticktext", categories.ToArray());
        axis.SetProperty("range", new[] { -0.5, categories.Count - 0.5 });
        axis.SetProperty("title", ChartStyle.TitleOf(xTitle));
        return Plotly.NET.Chart.withXAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    /// <summary>Several histograms overlaid as step lines of densities (e.g. one per layer), coloured in turn by
    /// <see cref="Colours.Cycle"/>.</summary>
    /// <param name="histograms">The histograms.</param>
    /// <param name="names">One legend entry per histogram.</param>
    /// <param name="showLegend">Whether the lines have legend entries (false for the second panel of a pair that shares
    /// them).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">No histograms, or not one name per histogram.</exception>
    public static GenericChart Histograms(IReadOnlyList<FixedBinHistogram> histograms, IReadOnlyList<string> names,
        bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        ArgumentNullException.ThrowIfNull(names);
        if (histograms.Count == 0) throw new ArgumentException("histograms must not be empty.", nameof(histograms));
        if (names.Count != histograms.Count)
            throw new ArgumentException($"names must have one name per histogram " + $"({histograms.Count}).",
                nameof(names));
        var lines = histograms.Select((h, i) => Charts.Histogram(h, names[i], Colours.Cycle(i), showLegend)).ToList();
        return CSharpChart.Combine(lines);
    }

    private static GenericChart Group(GenericChart chart, string group, int? markerSize = null) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("legendgroup", group);
            if (markerSize is int size)
            {
                // A line-shaped symbol ("line-ew") is drawn with the marker's outline, so the outline carries the
                // colour.
                var marker = trace.TryGetTypedPropertyValue<Marker>("marker");
                var m = marker is not null && FSharpOption<Marker>.get_IsSome(marker) ? marker.Value : new Marker();
                m.SetProperty("size", size);
                var outline = new Plotly.NET.Line();
                outline.SetProperty("width", 3);
                if (m.TryGetPropertyValue("color") is { } colour
                    && FSharpOption<object>.get_IsSome(colour)) outline.SetProperty("color", colour.Value);
                m.SetProperty("line", outline);
                trace.SetProperty("marker", m);
            }
            return trace;
        }), chart);
}
