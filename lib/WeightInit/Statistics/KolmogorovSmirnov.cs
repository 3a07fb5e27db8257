using System.Numerics;

namespace WeightInit.Statistics;

/// <summary>
/// The Kolmogorov-Smirnov distance between two samples: D = sup_x |F_a(x) - F_b(x)|, the largest
/// vertical gap between their empirical distribution functions (Kolmogorov 1933; Smirnov 1939).
/// D is near 0 when both samples come from one distribution (about 1.36 sqrt((n+m)/(n m)) at the 5%
/// level) and stays away from 0 when they differ, even when their means and variances agree.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>The two-sample statistic D = sup_x |F_a(x) - F_b(x)|, in [0, 1]. Ties are handled exactly (the gap is
    /// read after every distinct value).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the spans or arrays.</typeparam>
    /// <param name="a">The first sample: at least one value, all finite (it is not modified).</param>
    /// <param name="b">The second sample: at least one value, all finite (it is not modified).</param>
    /// <returns>D.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds a NaN or an infinity.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static double TwoSampleStatistic<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        double[] x = SortedCopy(a, nameof(a));
        double[] y = SortedCopy(b, nameof(b));
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            double v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == v) i++;
            while (j < y.Length && y[j] == v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        // Past the end of one sample its F is 1; the other's F only rises towards 1, so the gap
        // right after the last common step (already measured) is the largest that remains.
        return d;
    }

    /// <summary>The critical value c(alpha) sqrt((n + m) / (n m)) above which D rejects "same distribution" at level
    /// alpha, for large samples: c(alpha) = sqrt(-ln(alpha / 2) / 2).</summary>
    /// <param name="n">The size of the first sample; positive.</param>
    /// <param name="m">The size of the second sample; positive.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <returns>The critical value of D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or alpha is not in (0, 1).</exception>
    public static double CriticalValue(long n, long m, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        if (!(alpha > 0 && alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha must be in (0, 1), but it is {alpha}.");
        return Math.Sqrt(-Math.Log(alpha / 2) / 2) * Math.Sqrt((n + m) / ((double)n * m));
    }

    private static double[] SortedCopy<T>(ReadOnlySpan<T> values, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.AllFinite(values, paramName);
        var copy = new double[values.Length];
        for (int i = 0; i < copy.Length; i++) copy[i] = double.CreateTruncating(values[i]);
        Array.Sort(copy);
        return copy;
    }
}
