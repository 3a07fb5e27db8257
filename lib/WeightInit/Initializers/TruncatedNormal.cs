using MathNet.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// The normal distribution N(mean, std^2) truncated to [low, high] (absolute bounds): its moments, and
/// sampling through <see cref="RandomSource.FillTruncatedNormal(Span{double}, double, double, double, double)"/>.
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
        Mass = alpha > 0 ? Phi(-alpha) - Phi(-beta) : Phi(beta) - Phi(alpha);
        if (!(Mass > 0))
            throw new ArgumentException(
                $"The interval [{low}, {high}] lies too far in the tail of N({mean}, {std}^2): its probability underflows.", nameof(low));
        double pa = Pdf(alpha), pb = Pdf(beta);
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

    public void Fill(Span<double> destination, RandomSource random) =>
        random.FillTruncatedNormal(destination, _mean, _std, _low, _high);

    public void Fill(Span<float> destination, RandomSource random) =>
        random.FillTruncatedNormal(destination, _mean, _std, _low, _high);

    /// <summary>Checks the parameters of a truncated normal: finite mean, finite positive std, finite low &lt; high.</summary>
    public static void CheckParameters(double mean, double std, double low, double high)
    {
        Guard.Finite(mean);
        Guard.FinitePositive(std);
        Guard.Finite(low);
        Guard.Finite(high);
        if (!(low < high))
            throw new ArgumentException($"low must be less than high, but low = {low} and high = {high}.", nameof(low));
    }

    private static double Phi(double x) => 0.5 * SpecialFunctions.Erfc(-x / Constants.Sqrt2);
    private static double Pdf(double x) => Math.Exp(-0.5 * x * x) / Constants.Sqrt2Pi;
}
