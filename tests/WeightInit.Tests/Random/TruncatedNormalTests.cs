using WeightInit.Tests.Support;

namespace WeightInit.Tests.Random;

/// <summary>
/// FillTruncatedNormal against the truncated normal's CDF and moments (computed here independently by
/// the erfc form of the CDF and by Simpson quadrature of the density), for a central, an asymmetric, a
/// tail (2, 3) sigma, a mirrored left-tail and a far-tail interval (rejection branch), in float and double.
/// </summary>
public class TruncatedNormalTests
{
    private const int N = 100_001;

    /// <summary>Reference distribution of N(mean, std^2) truncated to [low, high].</summary>
    private sealed class Reference
    {
        private readonly double _mean, _std, _alpha, _beta;

        public Reference(double mean, double std, double low, double high)
        {
            _mean = mean; _std = std;
            _alpha = (low - mean) / std; _beta = (high - mean) / std;
            // Moments by Simpson's rule on the standardized density exp(-(z^2 - c^2)/2), c the point of [alpha, beta]
            // nearest 0 (keeps the far tail from underflowing).
            double c = Math.Clamp(0, _alpha, _beta);
            const int intervals = 20_000;
            double h = (_beta - _alpha) / intervals;
            double m0 = 0, m1 = 0;
            var w = new double[intervals + 1];
            var z = new double[intervals + 1];
            for (int i = 0; i <= intervals; i++)
            {
                z[i] = _alpha + i * h;
                double weight = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
                w[i] = weight * Math.Exp(-0.5 * (z[i] - c) * (z[i] + c));
                m0 += w[i]; m1 += w[i] * z[i];
            }
            double zMean = m1 / m0, m2 = 0, m4 = 0;
            for (int i = 0; i <= intervals; i++)
            {
                double d = z[i] - zMean;
                m2 += w[i] * d * d; m4 += w[i] * d * d * d * d;
            }
            Mean = mean + std * zMean;
            Variance = std * std * m2 / m0;
            Kurtosis = (m4 / m0) / ((m2 / m0) * (m2 / m0));
        }

        public double Mean { get; }
        public double Variance { get; }
        public double Kurtosis { get; }

        public double Cdf(double x)
        {
            double z = (x - _mean) / _std;
            if (z <= _alpha) return 0;
            if (z >= _beta) return 1;
            // Upper-tail form when the interval leans right, lower-tail form otherwise: full precision in either tail.
            if (_alpha + _beta >= 0)
                return (Q(_alpha) - Q(z)) / (Q(_alpha) - Q(_beta));
            return (Q(-z) - Q(-_alpha)) / (Q(-_beta) - Q(-_alpha));
        }

        private static double Q(double x) => 0.5 * StatisticalAssert.Erfc(x / Math.Sqrt(2));
    }

    public static TheoryData<double, double, double, double> Intervals => new()
    {
        { 0, 1, -2, 2 },          // Keras/PyTorch default
        { 0.3, 0.5, -0.2, 1.5 },  // asymmetric: (-1, 2.4) sigma
        { 0, 1, 2, 3 },           // upper tail
        { 1, 2, -5, -3 },         // lower tail (-3, -2) sigma, mirrored internally
        { 0, 1, 30, 31 },         // far tail: rejection branch
        { 0, 1, -30.001, -30 },   // far, narrow left tail: mirrored, uniform-proposal rejection
        { 0, 1, 6, 30 },          // inversion deep in the tail (q from 1e-198 to 1e-9)
    };

    [Theory]
    [MemberData(nameof(Intervals))]
    public void DoubleMatchesTruncatedNormalCdfMomentsAndBounds(double mean, double std, double low, double high)
    {
        var reference = new Reference(mean, std, low, high);
        var rng = new RandomSource(31337);
        var x = new double[N];
        rng.FillTruncatedNormal(x, mean, std, low, high);
        SampleBounds.AssertWithin(x, low, high);
        StatisticalAssert.Follows(x, reference.Mean, reference.Variance, reference.Kurtosis, reference.Cdf,
            $"N({mean}, {std}^2) truncated to [{low}, {high}]");
    }

    [Theory]
    [InlineData(0, 1, -2, 2)]
    [InlineData(0, 0.05, 0.1, 0.15)]
    [InlineData(0, 0.02, -0.03, 0.01)]
    public void FloatMatchesTruncatedNormalCdfMomentsAndBounds(double mean, double std, double low, double high)
    {
        var reference = new Reference(mean, std, low, high);
        var rng = new RandomSource(4242);
        var f = new float[N];
        rng.FillTruncatedNormal(f, mean, std, low, high);
        SampleBounds.AssertWithin(f, low, high);
        double[] x = StatisticalAssert.Widen(f);
        StatisticalAssert.Follows(x, reference.Mean, reference.Variance, reference.Kurtosis, reference.Cdf,
            $"float N({mean}, {std}^2) truncated to [{low}, {high}]");
    }

    [Fact]
    public void ReferenceMomentsMatchTheClosedForm()
    {
        // Guards the quadrature above: mean and variance of N(0,1) truncated to (2, 3) in closed form.
        double a = 2, b = 3;
        double phiA = Math.Exp(-a * a / 2) / Math.Sqrt(2 * Math.PI), phiB =
            Math.Exp(-b * b / 2) / Math.Sqrt(2 * Math.PI);
        double z = StatisticalAssert.NormalCdf(b) - StatisticalAssert.NormalCdf(a);
        double mean = (phiA - phiB) / z;
        double variance = 1 + (a * phiA - b * phiB) / z - mean * mean;
        var reference = new Reference(0, 1, a, b);
        Assert.Equal(mean, reference.Mean, 1e-9);
        Assert.Equal(variance, reference.Variance, 1e-9);
    }

    [Fact]
    public void ZeroStdGivesTheMeanClampedToTheInterval()
    {
        var rng = new RandomSource(3);
        var x = new double[100];
        rng.FillTruncatedNormal(x, 0.5, 0, -1, 1);
        SampleBounds.AssertAllEqual(x, 0.5);
        rng.FillTruncatedNormal(x, 5, 0, -1, 1);
        SampleBounds.AssertAllEqual(x, 1.0);
    }

    [Fact]
    public void IsReproducibleAndThreadCountIndependent()
    {
        var one = new double[3 * RandomSource.ChunkSize + 5];
        var two = new double[one.Length];
        new RandomSource(9) { MaxDegreeOfParallelism = 1 }.FillTruncatedNormal(one, 0, 1, -2, 2);
        new RandomSource(9) { MaxDegreeOfParallelism = 2 }.FillTruncatedNormal(two, 0, 1, -2, 2);
        Assert.Equal(one, two);
    }
}
