namespace WeightInit.Statistics;

/// <summary>
/// One measurement repeated over several random seeds (several draws of the initial weights, of the batch order, ...),
/// summarized: how many values, their mean and sample standard deviation, their range, and their geometric mean (the
/// centre to draw on a logarithmic axis, for quantities such as a standard deviation after 100 layers that vary over
/// decades from seed to seed).
/// </summary>
/// <remarks>
/// A comparison of two initialization schemes rests on several seeds; a ranking holds only where the spread allows it.
/// <see cref="IsEntirelyAbove"/> is the strict form of that test: every value of one summary above every value of
/// the other (the ranges do not overlap).
/// </remarks>
/// <param name="Count">The number of values (seeds), at least 1.</param>
/// <param name="Mean">The arithmetic mean m = (1/n) sum x_i.</param>
/// <param name="Std">The sample standard deviation sqrt((1/(n-1)) sum (x_i - m)^2); 0 when n = 1.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="GeometricMean">exp((1/n) sum ln x_i) when every value is positive; NaN otherwise.</param>
public readonly record struct SeedSummary(int Count, double Mean, double Std, double Min, double Max,
    double GeometricMean)
{
    /// <summary>Summarizes the values of one measurement over its seeds.</summary>
    /// <param name="values">One value per seed: at least one, all finite.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a NaN or an infinity (the
    /// message gives its index).</exception>
    public static SeedSummary Of(ReadOnlySpan<double> values)
    {
        var moments = SampleMoments.Of(values);
        double min = values[0], max = values[0], logSum = 0;
        bool positive = true;
        foreach (double v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
            if (v > 0) logSum += Math.Log(v);
            else positive = false;
        }
        double geometric = positive ? Math.Clamp(Math.Exp(logSum / values.Length), min, max) : double.NaN;
        // The mean lies in [min, max]; rounding can put the computed one a hair outside (e.g. five equal values).
        return new SeedSummary(values.Length, Math.Clamp(moments.Mean, min, max), moments.Std, min, max, geometric);
    }

    /// <inheritdoc cref="Of(ReadOnlySpan{double})"/>
    public static SeedSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Of(values.ToArray());
    }

    /// <summary>
    /// Summarizes curves measured once per seed, point by point: entry i of the result summarizes runs[s][i] over
    /// the seeds s (e.g. the activation RMS at layer i of five networks drawn with five seeds).
    /// </summary>
    /// <param name="runs">One curve per seed: at least one, all of the same non-zero length, every value
    /// finite.</param>
    /// <returns>One summary per point of the curves.</returns>
    /// <exception cref="ArgumentException">No curve, a null or empty curve, curves of different lengths, or a value
    /// that is not finite.</exception>
    public static SeedSummary[] Pointwise(IReadOnlyList<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("runs must hold at least one curve, but it is empty.",
            nameof(runs));
        for (int s = 0; s < runs.Count; s++)
        {
            if (runs[s] is null || runs[s].Count == 0)
                throw new ArgumentException($"runs[{s}] must be a curve with at least one point.", nameof(runs));
            if (runs[s].Count != runs[0].Count)
                throw new ArgumentException($"every curve must have the length of runs[0] ({runs[0].Count}), but " +
                    $"runs[{s}] has {runs[s].Count}.", nameof(runs));
        }
        var result = new SeedSummary[runs[0].Count];
        var column = new double[runs.Count];
        for (int i = 0; i < result.Length; i++)
        {
            for (int s = 0; s < runs.Count; s++)
            {
                column[s] = runs[s][i];
                if (!double.IsFinite(column[s]))
                    throw new ArgumentException($"every value must be finite, but runs[{s}][{i}] is {column[s]}.",
                        nameof(runs));
            }
            result[i] = Of(column);
        }
        return result;
    }

    /// <summary>True when every value of this summary is above every value of <paramref name="other"/>: Min &gt;
    /// other.Max.</summary>
    /// <param name="other">The summary compared against.</param>
    /// <returns>Whether the ranges are separated, this one above.</returns>
    public bool IsEntirelyAbove(SeedSummary other) => Min > other.Max;

    /// <summary>True when the ranges [Min, Max] of the two summaries share a value.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether the ranges overlap.</returns>
    public bool Overlaps(SeedSummary other) => !IsEntirelyAbove(other) && !other.IsEntirelyAbove(this);
}
