using MathNet.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// The normal distribution N(mean, std^2) truncated to [low, high] (absolute bounds): its moments and
/// an exact sampler.
/// </summary>
/// <remarks>
/// With alpha = (low - mean)/std, beta = (high - mean)/std, Z = Phi(beta) - Phi(alpha) and phi, Phi the
/// standard normal density and CDF:
/// E[X] = mean + std (phi(alpha) - phi(beta)) / Z and
/// Var[X] = std^2 [1 + (alpha phi(alpha) - beta phi(beta)) / Z - ((phi(alpha) - phi(beta)) / Z)^2]
/// (Johnson, Kotz &amp; Balakrishnan 1994, "Continuous Univariate Distributions", vol. 1, ch. 13).
/// Sampling: rejection from N(0, 1) when Z is at least 0.25; otherwise, for a window on one side of the
/// mean, inversion of the tail probability (no loss of precision far in the tail); for a narrow window
/// around the mean, rejection from a uniform proposal.
/// </remarks>
internal readonly struct TruncatedNormal
{
    private readonly double _mean, _std, _alpha, _beta;
    private readonly int _method; // 0 rejection from normal, 1 upper-tail inversion, 2 lower-tail inversion, 3 uniform proposal
    private readonly double _qAlpha, _qBeta; // upper-tail probabilities for method 1 (mirrored for 2)

    public TruncatedNormal(double mean, double std, double low, double high)
    {
        _mean = mean;
        _std = std;
        _alpha = (low - mean) / std;
        _beta = (high - mean) / std;
        Mass = Phi(_beta) - Phi(_alpha);
        if (Mass >= 0.25) _method = 0;
        else if (_alpha >= 0) { _method = 1; _qAlpha = UpperTail(_alpha); _qBeta = UpperTail(_beta); }
        else if (_beta <= 0) { _method = 2; _qAlpha = UpperTail(-_beta); _qBeta = UpperTail(-_alpha); }
        else _method = 3;
        if (_method is 1 or 2 && !(_qAlpha > _qBeta))
            throw new ArgumentException(
                $"The interval [{low}, {high}] lies too far in the tail of N({mean}, {std}^2) to sample (its probability underflows).",
                nameof(low));
        double pa = Pdf(_alpha), pb = Pdf(_beta);
        double z = Mass > 0 ? Mass : 1;
        double r = (pa - pb) / z;
        Mean = mean + std * r;
        double aa = double.IsInfinity(_alpha) ? 0 : _alpha * pa;
        double bb = double.IsInfinity(_beta) ? 0 : _beta * pb;
        Variance = std * std * (1 + (aa - bb) / z - r * r);
    }

    /// <summary>Phi(beta) - Phi(alpha), the probability the untruncated normal gives the interval.</summary>
    public double Mass { get; }

    /// <summary>The mean of the truncated distribution.</summary>
    public double Mean { get; }

    /// <summary>The variance of the truncated distribution.</summary>
    public double Variance { get; }

    public double Next(RandomSource random)
    {
        switch (_method)
        {
            case 0:
                while (true)
                {
                    double z = random.NextStandardNormal();
                    if (z >= _alpha && z <= _beta) return _mean + _std * z;
                }
            case 1:
            case 2:
                {
                    // Draw the upper-tail probability q uniformly in (qBeta, qAlpha], invert: z = sqrt(2) erfc^-1(2q).
                    double z;
                    do
                    {
                        double q = _qBeta + (_qAlpha - _qBeta) * (1.0 - random.NextDouble());
                        z = Constants.Sqrt2 * SpecialFunctions.ErfcInv(2.0 * q);
                    }
                    while (double.IsNaN(z));
                    if (_method == 1) z = Math.Clamp(z, _alpha, _beta);
                    else z = Math.Clamp(-z, _alpha, _beta);
                    return _mean + _std * z;
                }
            default:
                while (true)
                {
                    double z = _alpha + (_beta - _alpha) * random.NextDouble();
                    if (random.NextDouble() <= Math.Exp(-0.5 * z * z)) return _mean + _std * z;
                }
        }
    }

    public void Fill(Span<double> destination, RandomSource random)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = Next(random);
    }

    public void Fill(Span<float> destination, RandomSource random)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = (float)Next(random);
    }

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

    internal static double Phi(double x) => 0.5 * SpecialFunctions.Erfc(-x / Constants.Sqrt2);
    private static double UpperTail(double x) => 0.5 * SpecialFunctions.Erfc(x / Constants.Sqrt2);
    private static double Pdf(double x) => double.IsInfinity(x) ? 0 : Math.Exp(-0.5 * x * x) / Constants.Sqrt2Pi;
}
