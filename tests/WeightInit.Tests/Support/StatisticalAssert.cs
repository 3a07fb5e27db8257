namespace WeightInit.Tests.Support;

/// <summary>
/// Assertions for random draws. Every tolerance is derived from the sampling error of the
/// statistic, so with a fixed seed a correct sampler passes and a wrong one fails by far.
/// </summary>
public static class StatisticalAssert
{
    /// <summary>How many standard errors a moment may stray from its expected value.</summary>
    public const double StandardErrors = 5.0;

    /// <summary>The KS test's significance level: reject the distribution when p is below it.</summary>
    public const double KsAlpha = 1e-4;

    /// <summary>
    /// Asserts that the sample mean is within 5 standard errors (std/sqrt(n)) of <paramref name="expectedMean"/>.
    /// </summary>
    public static void MeanWithin(ReadOnlySpan<double> sample, double expectedMean, double expectedStd)
    {
        double mean = Mean(sample);
        double se = expectedStd / Math.Sqrt(sample.Length);
        double tol = StandardErrors * se;
        Assert.True(Math.Abs(mean - expectedMean) <= tol,
            $"sample mean {mean:R} differs from {expectedMean:R} by more than {StandardErrors} standard errors " +
                $"({tol:R}); n = {sample.Length}");
    }

    /// <summary>
    /// Asserts that the sample variance is within 5 standard errors of <paramref name="expectedVariance"/>.
    /// The standard error of the sample variance is sqrt((mu4 - sigma^4) / n), where
    /// mu4 = <paramref name="kurtosis"/> * sigma^4 is the fourth central moment (3 for a normal,
    /// 1.8 for a uniform).
    /// </summary>
    public static void VarianceWithin(ReadOnlySpan<double> sample, double expectedVariance, double kurtosis)
    {
        double mean = Mean(sample);
        double ss = 0;
        foreach (double x in sample) ss += (x - mean) * (x - mean);
        double variance = ss / (sample.Length - 1);
        double se = Math.Sqrt((kurtosis - 1.0) * expectedVariance * expectedVariance / sample.Length);
        double tol = StandardErrors * se;
        Assert.True(Math.Abs(variance - expectedVariance) <= tol,
            $"sample variance {variance:R} differs from {expectedVariance:R} by more than {StandardErrors} standard " +
                $"errors ({tol:R}); n = {sample.Length}");
    }

    /// <summary>
    /// Asserts that a sample follows a distribution: its mean (<see cref="MeanWithin"/>), its variance
    /// (<see cref="VarianceWithin"/>, with mu4 = <paramref name="kurtosis"/> sigma^4) and its shape
    /// (<see cref="KolmogorovSmirnov"/> against <paramref name="cdf"/>).
    /// </summary>
    public static void Follows(ReadOnlySpan<double> sample, double mean, double variance, double kurtosis, Func<double,
        double> cdf, string distribution)
    {
        MeanWithin(sample, mean, Math.Sqrt(variance));
        VarianceWithin(sample, variance, kurtosis);
        KolmogorovSmirnov(sample, cdf, distribution);
    }

    /// <summary>
    /// One-sample Kolmogorov-Smirnov test against the CDF <paramref name="cdf"/>; asserts p &gt;= 1e-4.
    /// Returns the statistic D so that callers can also check that a wrong distribution is rejected.
    /// </summary>
    public static double KolmogorovSmirnov(ReadOnlySpan<double> sample, Func<double, double> cdf, string distribution)
    {
        var (d, p) = KolmogorovSmirnovTest(sample, cdf);
        Assert.True(p >= KsAlpha,
            $"Kolmogorov-Smirnov test rejects {distribution}: D = {d:G6}, p = {p:G3} < {KsAlpha}, n = {sample.Length}");
        return d;
    }

    /// <summary>The KS statistic D = sup |F_n - F| and its asymptotic p-value (Stephens' correction).</summary>
    public static (double D, double P) KolmogorovSmirnovTest(ReadOnlySpan<double> sample, Func<double, double> cdf)
    {
        double[] sorted = sample.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        double sqrtN = Math.Sqrt(n);
        double lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
        return (d, KolmogorovQ(lambda));
    }

    /// <summary>Q_KS(lambda) = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lambda^2), the KS tail probability.</summary>
    public static double KolmogorovQ(double lambda)
    {
        if (lambda < 0.2) return 1.0;
        double sum = 0, sign = 1;
        for (int k = 1; k <= 100; k++)
        {
            double term = sign * Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-16) break;
            sign = -sign;
        }
        return Math.Clamp(2.0 * sum, 0.0, 1.0);
    }

    /// <summary>The standard normal CDF.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

    /// <summary>The complementary error function (MathNet's implementation).</summary>
    public static double Erfc(double x) => MathNet.Numerics.SpecialFunctions.Erfc(x);

    /// <summary>The arithmetic mean.</summary>
    public static double Mean(ReadOnlySpan<double> sample)
    {
        double s = 0;
        foreach (double x in sample) s += x;
        return s / sample.Length;
    }

    /// <summary>Widens a float sample for the checks above.</summary>
    public static double[] Widen(ReadOnlySpan<float> sample)
    {
        var r = new double[sample.Length];
        for (int i = 0; i < r.Length; i++) r[i] = sample[i];
        return r;
    }
}
