using System.Numerics;
using WeightInit.Kernels;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// The normal distribution N(mean, std^2) truncated to [low, high] (absolute bounds): its moments, and
/// sampling through <see cref="RandomSource.FillTruncatedNormal{T}(Span{T}, double, double, double, double)"/>.
/// </summary>
/// <remarks>
/// With alpha = (low - mean)/std, beta = (high - mean)/std, Z = Phi(beta) - Phi(alpha) and phi, Phi the
/// standard normal density and CDF:
/// E[X] = mean + std (phi(alpha) - phi(beta)) / Z and
/// Var[X] = std^2 [1 + (alpha phi(alpha) - beta phi(beta)) / Z - ((phi(alpha) - phi(beta)) / Z)^2]
/// (Johnson, Kotz &amp; Balakrishnan 1994, "Continuous Univariate Distributions", vol. 1, ch. 13).
/// Z is taken as a difference of upper tails right of the mean, so it keeps its precision far out.
/// </remarks>
internal readonly struct TruncatedNormal
{
    private readonly double _mean, _std, _low, _high;

    public TruncatedNormal(double mean, double std, double low, double high)
    {
        _mean = mean;
        _std = std;
        _low = low;
        _high = high;
        double alpha = (low - mean) / std, beta = (high - mean) / std;
        Mass = alpha > 0
            ? StandardNormal.Cdf(-alpha) - StandardNormal.Cdf(-beta)
            : StandardNormal.Cdf(beta) - StandardNormal.Cdf(alpha);
        if (!(Mass > 0))
            throw new ArgumentException(
                $"The interval [{low}, {high}] lies too far in the tail of N({mean}, {std}^2): its probability " +
                    $"underflows.", nameof(low));
        double pa = StandardNormal.Density(alpha), pb = StandardNormal.Density(beta);
        double r = (pa - pb) / Mass;
        Mean = mean + std * r;
        Variance = std * std * (1 + (alpha * pa - beta * pb) / Mass - r * r);
    }

    /// <summary>Phi(beta) - Phi(alpha), the probability the untruncated normal gives the interval.</summary>
    public double Mass { get; }

    /// <summary>The mean of the truncated distribution.</summary>
    public double Mean { get; }

    /// <summary>The variance of the truncated distribution.</summary>
    public double Variance { get; }

    /// <summary>Draws <paramref name="destination"/> from the distribution.</summary>
    public void Fill<T>(Span<T> destination, RandomSource random) where T : unmanaged, IFloatingPointIeee754<T> =>
        random.FillTruncatedNormal(destination, _mean, _std, _low, _high);

    /// <summary>Checks the parameters of a truncated normal: finite mean, finite positive std, finite low &lt;
    /// high.</summary>
    public static void CheckParameters(double mean, double std, double low, double high)
    {
        Guard.Finite(mean);
        Guard.FinitePositive(std);
        Guard.Finite(low);
        Guard.Finite(high);
        if (!(low < high))
            throw new ArgumentException($"low must be less than high, but low = {low} and high = {high}.", nameof(low));
    }
}
