using MathNet.Numerics;
using MathNet.Numerics.Integration;

using WeightInit.Tests.Support;

namespace WeightInit.Tests.Initializers;

/// <summary>
/// The distributions the tests compare draws against: CDF, mean, variance and kurtosis (mu4 / sigma^4),
/// computed here from first principles, independently of the library.
/// </summary>
public sealed record Distribution(string Description, Func<double, double> Cdf, double Mean, double Variance,
    double Kurtosis,
    double Low = double.NegativeInfinity, double High = double.PositiveInfinity)
{
    public double Std => Math.Sqrt(Variance);

    public static Distribution Normal(double mean, double std) =>
        new($"N({mean:G4}, {std:G4}^2)", x => Phi((x - mean) / std), mean, std * std, 3.0);

    public static Distribution Uniform(double low, double high) =>
        new($"U({low:G4}, {high:G4})", x => Math.Clamp((x - low) / (high - low), 0.0, 1.0),
            (low + high) / 2, (high - low) * (high - low) / 12, 1.8, low, high);

    /// <summary>The uniform with the same mean and variance as <paramref name="d"/>.</summary>
    public static Distribution UniformLike(Distribution d) =>
        Uniform(d.Mean - Math.Sqrt(3 * d.Variance), d.Mean + Math.Sqrt(3 * d.Variance));

    /// <summary>The normal with the same mean and variance as <paramref name="d"/>.</summary>
    public static Distribution NormalLike(Distribution d) => Normal(d.Mean, d.Std);

    /// <summary>
    /// N(mean, std^2) truncated to [low, high]; moments by numerical integration of the density
    /// (Gauss-Legendre, 1024 points), not from the closed forms the library uses.
    /// </summary>
    public static Distribution TruncatedNormal(double mean, double std, double low, double high)
    {
        double alpha = (low - mean) / std, beta = (high - mean) / std;
        double pa = Phi(alpha), pb = Phi(beta);
        // Far right of the mean, take the difference of upper tails (1 - Phi) to avoid cancellation.
        double z = alpha > 0 ? Phi(-alpha) - Phi(-beta) : pb - pa;
        Func<double, double> pdf = x => Math.Exp(-0.5 * Math.Pow((x - mean) / std, 2)) / (std * Constants.Sqrt2Pi * z);
        double m = GaussLegendreRule.Integrate(x => x * pdf(x), low, high, 1024);
        double v = GaussLegendreRule.Integrate(x => (x - m) * (x - m) * pdf(x), low, high, 1024);
        double m4 = GaussLegendreRule.Integrate(x => Math.Pow(x - m, 4) * pdf(x), low, high, 1024);
        return new($"TN({mean:G4}, {std:G4}^2; [{low:G4}, {high:G4}])",
            x => Math.Clamp(alpha > 0 ? (Phi(-alpha) - Phi(-(x - mean) / std)) / z : (Phi((x - mean) / std) - pa) / z,
                0.0, 1.0), m, v, m4 / (v * v), low, high);
    }

    public static double Phi(double x) => StatisticalAssert.NormalCdf(x);

    public override string ToString() => Description;
}
