namespace WeightInit.Statistics;

/// <summary>
/// The Kolmogorov-Smirnov distance between two samples: D = sup_x |F_a(x) - F_b(x)|, the largest
/// vertical gap between their empirical distribution functions (Kolmogorov 1933; Smirnov 1939).
/// D is near 0 when both samples come from one distribution (about 1.36 sqrt((n+m)/(n m)) at the 5%
/// level) and stays away from 0 when they differ, even when their means and variances agree.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>The two-sample statistic D = sup_x |F_a(x) - F_b(x)|, in [0, 1]. Ties are handled exactly (the gap is read after every distinct value).</summary>
    /// <param name="a">The first sample: at least one value, all finite (it is not modified).</param>
    /// <param name="b">The second sample: at least one value, all finite (it is not modified).</param>
    /// <returns>D.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds a NaN or an infinity.</exception>
    public static double TwoSampleStatistic(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
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

    /// <summary>The critical value c(alpha) sqrt((n + m) / (n m)) above which D rejects "same distribution" at level alpha, for large samples: c(alpha) = sqrt(-ln(alpha / 2) / 2).</summary>
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
        return Math.Sqrt(-Math.Log(alpha / 2) / 2) * Math.Sqrt((double)(n + m) / ((double)n * m));
    }

    private static double[] SortedCopy(ReadOnlySpan<double> values, string paramName)
    {
        if (values.IsEmpty)
            throw new ArgumentException($"{paramName} must hold at least one value, but it is empty.", paramName);
        var copy = values.ToArray();
        for (int i = 0; i < copy.Length; i++)
            if (!double.IsFinite(copy[i]))
                throw new ArgumentException($"{paramName} must be finite, but {paramName}[{i}] is {copy[i]}.", paramName);
        Array.Sort(copy);
        return copy;
    }
}
