using WeightInit.Tests.Support;

namespace WeightInit.Tests.Random;

/// <summary>
/// The bulk fills produce the distributions they promise: mean and variance within 5 standard errors
/// (kurtosis 3 for the normal, 1.8 for the uniform) and a KS p-value of at least 1e-4, in both
/// precisions and on every SIMD path. Sample sizes cross several 65,536-value chunks.
/// </summary>
public class NormalAndUniformDistributionTests
{
    private const int N = 100_003;

    public static TheoryData<string> Paths =>
        new() { nameof(SimdPath.Scalar), nameof(SimdPath.Vector128), nameof(SimdPath.Vector256),
        nameof(SimdPath.Vector512) };

    [Theory]
    [MemberData(nameof(Paths))]
    public void NormalDoubleMatchesMeanVarianceAndCdf(string path)
    {
        var rng = new RandomSource(2024) { Path = Enum.Parse<SimdPath>(path) };
        var x = new double[N];
        const double mean = 1.5, std = 2.5;
        rng.FillNormal(x, mean, std);
        StatisticalAssert.Follows(x, mean, std * std, 3, v => StatisticalAssert.NormalCdf((v - mean) / std),
            "N(1.5, 2.5^2)");
    }

    [Fact]
    public void NormalFloatMatchesMeanVarianceAndCdf()
    {
        var rng = new RandomSource(2025);
        var f = new float[N];
        rng.FillNormal(f, -0.5f, 0.02f);
        double[] x = StatisticalAssert.Widen(f);
        StatisticalAssert.Follows(x, -0.5, 0.02 * 0.02, 3, v => StatisticalAssert.NormalCdf((v + 0.5) / 0.02),
            "N(-0.5, 0.02^2)");
    }

    [Fact]
    public void NormalTailsHaveTheRightMass()
    {
        // P(|Z| > 3) = 0.0026998; a wrong angle or radius map shows here before it shows in the KS test.
        var rng = new RandomSource(7);
        var x = new double[1 << 19];
        rng.FillNormal(x, 0, 1);
        int beyond = x.Count(v => Math.Abs(v) > 3);
        double p = StatisticalAssert.Erfc(3 / Math.Sqrt(2.0));
        double se = Math.Sqrt(p * (1 - p) / x.Length);
        Assert.True(Math.Abs((double)beyond / x.Length - p) <= 5 * se,
            $"fraction beyond 3 sigma {(double)beyond / x.Length} vs {p}");
    }

    [Fact]
    public void CosineAndSineHalvesAreUncorrelated()
    {
        // Values l and 8 + l of a block come from the same radius; their correlation must still be 0.
        var rng = new RandomSource(8);
        var x = new double[16 * 20_000];
        rng.FillNormal(x, 0, 1);
        double sum = 0;
        int pairs = 0;
        for (int b = 0; b < x.Length; b += 16)
            for (int l = 0; l < 8; l++, pairs++)
                sum += x[b + l] * x[b + 8 + l];
        double r = sum / pairs;
        Assert.True(Math.Abs(r) <= 5 / Math.Sqrt(pairs), $"correlation {r}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void UniformDoubleMatchesMeanVarianceCdfAndBounds(string path)
    {
        var rng = new RandomSource(99) { Path = Enum.Parse<SimdPath>(path) };
        var x = new double[N];
        const double low = -3, high = 5;
        rng.FillUniform(x, low, high);
        double width = high - low;
        StatisticalAssert.Follows(x, (low + high) / 2, width * width / 12, 1.8, v =>
            Math.Clamp((v - low) / width, 0, 1), "U(-3, 5)");
        SampleBounds.AssertWithin(x, low, high);
    }

    [Fact]
    public void UniformFloatMatchesMeanVarianceCdfAndBounds()
    {
        var rng = new RandomSource(100);
        var f = new float[N];
        const float low = -0.1f, high = 0.1f;
        rng.FillUniform(f, low, high);
        double[] x = StatisticalAssert.Widen(f);
        double width = (double)high - low;
        StatisticalAssert.Follows(x, ((double)low + high) / 2, width * width / 12, 1.8, v =>
            Math.Clamp((v - low) / width, 0, 1), "U(-0.1, 0.1)");
        SampleBounds.AssertWithin(f, low, high);
    }

    [Fact]
    public void ZeroWidthAndZeroStdGiveConstants()
    {
        var rng = new RandomSource(1);
        var x = new double[1000];
        rng.FillUniform(x, 2.5, 2.5);
        SampleBounds.AssertAllEqual(x, 2.5);
        rng.FillNormal(x, -1, 0);
        SampleBounds.AssertAllEqual(x, -1.0);
    }

    [Fact]
    public void NextStandardNormalIsStandardNormal()
    {
        var rng = new RandomSource(5);
        var x = new double[100_000];
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextStandardNormal();
        StatisticalAssert.Follows(x, 0, 1, 3, StatisticalAssert.NormalCdf, "N(0, 1)");
    }
}
