namespace WeightInit.Scaling;

/// <summary>
/// The measurements of a <see cref="CoordinateCheck"/>, as plain data, with the log-log slope of any curve.
/// </summary>
public sealed class CoordinateCheckResult
{
    private readonly Dictionary<(int Width, int Step, string Site), CoordinateCheckPoint> _index;

    internal CoordinateCheckResult(IReadOnlyList<int> widths, IReadOnlyList<string> sites, int steps,
        IReadOnlyList<CoordinateCheckPoint> points)
    {
        Widths = widths;
        Sites = sites;
        Steps = steps;
        Points = points;
        _index = points.ToDictionary(p => (p.Width, p.Step, p.Site));
    }

    /// <summary>The widths, in the order they were run.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>The sites, in the subjects' order.</summary>
    public IReadOnlyList<string> Sites { get; }

    /// <summary>The training steps taken at each width (points exist for steps 0 to Steps).</summary>
    public int Steps { get; }

    /// <summary>Every measurement: width by width, step by step, site by site.</summary>
    public IReadOnlyList<CoordinateCheckPoint> Points { get; }

    /// <summary>
    /// The measurement of <paramref name="site"/> at <paramref name="width"/> after <paramref name="step"/> steps.
    /// </summary>
    /// <param name="width">One of <see cref="Widths"/>.</param>
    /// <param name="step">In [0, Steps].</param>
    /// <param name="site">One of <see cref="Sites"/>.</param>
    /// <returns>The point.</returns>
    public CoordinateCheckPoint Point(int width, int step, string site) =>
        _index.TryGetValue((width, step, site), out var point) ? point
        : throw new ArgumentException($"There is no measurement of '{site}' at width {width} after {step} steps.",
            nameof(site));

    /// <summary>
    /// The least-squares slope of ln(value) against ln(width) over <see cref="Widths"/> for one site and step: the
    /// power of the width the value scales with (0: flat in width, as muP predicts for every site after training).
    /// </summary>
    /// <param name="site">One of <see cref="Sites"/>.</param>
    /// <param name="step">In [0, Steps].</param>
    /// <param name="change">True: the slope of <see cref="CoordinateCheckPoint.MeanAbsChange"/>; false: of
    /// <see cref="CoordinateCheckPoint.MeanAbsActivation"/>.</param>
    /// <returns>The slope; NaN if a value is not positive (a logarithm would not exist) or there are fewer than two
    /// widths.</returns>
    public double Slope(string site, int step, bool change)
    {
        int n = Widths.Count;
        if (n < 2) return double.NaN;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (int width in Widths)
        {
            var p = Point(width, step, site);
            double value = change ? p.MeanAbsChange : p.MeanAbsActivation;
            if (!(value > 0) || !double.IsFinite(value)) return double.NaN;
            double x = Math.Log(width), y = Math.Log(value);
            sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
