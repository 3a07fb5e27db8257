using System.Numerics;

namespace WeightInit.Statistics;

/// <summary>
/// The first four moments of a sample: its mean, variance, skewness and excess kurtosis. They tell
/// apart distributions that share a variance, e.g. a uniform U(-b, b) (excess kurtosis -1.2) and a
/// normal (0) with the same variance b^2 / 3.
/// </summary>
/// <remarks>
/// The mean and the variance come from the library's one overflow-safe mean/std (the same computation as
/// <see cref="Simulation.LayerStatistics"/>); <see cref="Variance"/> is the unbiased <em>sample</em> variance
/// (divisor n - 1), while <see cref="Simulation.LayerStatistics.Std"/> is a <em>population</em> standard
/// deviation (divisor n). The third and fourth central moments are sums over the values centred on that mean.
/// </remarks>
/// <param name="Count">The number of values n.</param>
/// <param name="Mean">The sample mean m = (1/n) sum x_i.</param>
/// <param name="Variance">The unbiased sample variance, (1/(n-1)) sum (x_i - m)^2 (0 when n = 1).</param>
/// <param name="Skewness">The moment skewness g1 = m3 / m2^(3/2) with central moments m_k = (1/n) sum (x_i - m)^k (NaN
/// when m2 = 0).</param>
/// <param name="ExcessKurtosis">The moment excess kurtosis g2 = m4 / m2^2 - 3 (NaN when m2 = 0): 0 for a normal, -1.2
/// for a uniform.</param>
public readonly record struct SampleMoments(long Count, double Mean, double Variance, double Skewness,
    double ExcessKurtosis)
{
    /// <summary>The sample standard deviation, sqrt(<see cref="Variance"/>) (divisor n - 1).</summary>
    public double Std => Math.Sqrt(Variance);

    /// <summary>
    /// The standard error of <see cref="Variance"/> as an estimate of the population variance, for independent draws:
    /// Variance * sqrt((g2 + 2) / n), the large-sample form of Var(s^2) = sigma^4 (kappa - (n - 3)/(n - 1)) / n with
    /// the
    /// kurtosis kappa = g2 + 3 (sqrt(2/n) for a normal, sqrt(0.8/n) for a uniform). NaN when the kurtosis is undefined.
    /// A measured variance within 5 of these of its prediction agrees with it at any reasonable confidence.
    /// </summary>
    public double VarianceStandardError => Variance * Math.Sqrt(Math.Max(ExcessKurtosis + 2.0, 0.0) / Count);

    /// <summary>Computes the moments of <paramref name="values"/>.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the span or array.</typeparam>
    /// <param name="values">At least one value, all finite.</param>
    /// <returns>The moments.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a NaN or an infinity (the
    /// message gives its index).</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static SampleMoments Of<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        Guard.AllFinite(values);
        var moments = ScaledMoments.Of(values);
        double mean = moments.Mean, m2 = moments.PopulationVariance;
        double s3 = 0, s4 = 0;
        foreach (T value in values)
        {
            double d = double.CreateTruncating(value) - mean, d2 = d * d;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        int n = values.Length;
        double m3 = s3 / n, m4 = s4 / n;
        double skewness = m2 > 0 ? m3 / Math.Pow(m2, 1.5) : double.NaN;
        double kurtosis = m2 > 0 ? m4 / (m2 * m2) - 3.0 : double.NaN;
        return new SampleMoments(n, mean, moments.SampleVariance, skewness, kurtosis);
    }
}
