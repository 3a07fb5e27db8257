using System.Numerics;

namespace WeightInit.Statistics;

/// <summary>
/// Counts of values in equal-width bins over [<see cref="Low"/>, <see cref="High"/>], with the
/// probability density each bin estimates: count / (total * bin width). A chart of these few numbers
/// replaces a chart of every raw value (a notebook that embeds 200,000 draws in a chart weighs megabytes).
/// </summary>
public sealed class FixedBinHistogram
{
    private readonly long[] _counts;

    private FixedBinHistogram(double low, double high, long[] counts, long total, long below, long above)
    {
        (Low, High, _counts, Total, Below, Above) = (low, high, counts, total, below, above);
    }

    /// <summary>The lower edge of the first bin.</summary>
    public double Low { get; }

    /// <summary>The upper edge of the last bin (a value equal to it falls in the last bin).</summary>
    public double High { get; }

    /// <summary>The number of bins.</summary>
    public int BinCount => _counts.Length;

    /// <summary>The width of every bin, (High - Low) / BinCount.</summary>
    public double BinWidth => (High - Low) / _counts.Length;

    /// <summary>How many values were counted, inside the range or not.</summary>
    public long Total { get; }

    /// <summary>How many values were below <see cref="Low"/>.</summary>
    public long Below { get; }

    /// <summary>How many values were above <see cref="High"/>.</summary>
    public long Above { get; }

    /// <summary>The count of bin <paramref name="bin"/>: values v with Low + bin * width &lt;= v &lt; Low + (bin + 1) *
    /// width (the last bin includes High).</summary>
    /// <param name="bin">The bin, 0 .. BinCount - 1.</param>
    /// <returns>The number of values in it.</returns>
    public long Count(int bin) => _counts[bin];

    /// <summary>The centre of every bin, Low + (i + 1/2) * BinWidth.</summary>
    public IReadOnlyList<double> Centers =>
        Enumerable.Range(0, _counts.Length).Select(i => Low + (i + 0.5) * BinWidth).ToArray();

    /// <summary>The count of every bin.</summary>
    public IReadOnlyList<long> Counts => Array.AsReadOnly(_counts);

    /// <summary>The density every bin estimates, count / (Total * BinWidth): the values outside the range count in the
    /// total, so the densities integrate to the fraction inside.</summary>
    public IReadOnlyList<double> Densities => _counts.Select(c => c / (Total * BinWidth)).ToArray();

    /// <summary>Counts <paramref name="values"/> in <paramref name="bins"/> equal bins over [<paramref name="low"/>,
    /// <paramref name="high"/>].</summary>
    /// <param name="values">The values, all finite (at least one).</param>
    /// <param name="low">The lower edge; finite.</param>
    /// <param name="high">The upper edge; finite and greater than <paramref name="low"/>.</param>
    /// <param name="bins">The number of bins; positive.</param>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the span or array.</typeparam>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentException">values is empty or holds a NaN or an infinity (the message gives its
    /// index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, high is not above low, or bins is not
    /// positive.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static FixedBinHistogram Of<T>(ReadOnlySpan<T> values, double low, double high, int bins)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        Guard.Finite(low);
        Guard.Finite(high);
        if (!(high > low))
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high must be greater than low ({low}), but it is {high}.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        Guard.AllFinite(values);
        var counts = new long[bins];
        long below = 0, above = 0;
        double scale = bins / (high - low);
        for (int i = 0; i < values.Length; i++)
        {
            double v = double.CreateTruncating(values[i]);
            if (v < low) { below++; continue; }
            if (v > high) { above++; continue; }
            int bin = (int)((v - low) * scale);
            counts[Math.Min(bin, bins - 1)]++;
        }
        return new FixedBinHistogram(low, high, counts, values.Length, below, above);
    }

    /// <summary>
    /// <see cref="Of"/> for values the caller knows to be finite and inside [low, high] (e.g. low and high are
    /// their minimum and maximum), with low &lt; high: the same bins, in one pass without the checks, counting
    /// into four interleaved sets of bins so that equal neighbours do not wait on each other's increment.
    /// </summary>
    internal static FixedBinHistogram OfRange(ReadOnlySpan<double> values, double low, double high, int bins)
    {
        var counts = new long[4 * bins];
        double scale = bins / (high - low);
        int last = bins - 1, i = 0;
        for (; i <= values.Length - 4; i += 4)
        {
            counts[Math.Min((int)((values[i] - low) * scale), last)]++;
            counts[bins + Math.Min((int)((values[i + 1] - low) * scale), last)]++;
            counts[2 * bins + Math.Min((int)((values[i + 2] - low) * scale), last)]++;
            counts[3 * bins + Math.Min((int)((values[i + 3] - low) * scale), last)]++;
        }
        for (; i < values.Length; i++) counts[Math.Min((int)((values[i] - low) * scale), last)]++;
        var total = new long[bins];
        for (int b = 0; b < bins; b++) total[b] =
            counts[b] + counts[bins + b] + counts[2 * bins + b] + counts[3 * bins + b];
        return new FixedBinHistogram(low, high, total, values.Length, 0, 0);
    }
}
