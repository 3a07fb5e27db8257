using System.Collections.Concurrent;
using WeightInit.Tests.Support;

namespace WeightInit.Tests.Initializers;

/// <summary>
/// Every random initializer draws the distribution its formula states, in double and float: mean and variance
/// within 5 standard errors, a KS test that accepts the promised distribution (p &gt;= 1e-4) and rejects a wrong
/// family of the same mean and variance (p &lt; 1e-4), and hard bounds for uniform and truncated draws.
/// Fixed seeds; about 60 000 draws per case.
/// </summary>
public class DistributionTests
{
    private const ulong Seed = 20260101;

    // Each case is drawn once per precision and shared by the tests below (the draws are deterministic).
    private static readonly ConcurrentDictionary<string, double[]> DoubleDraws = new();
    private static readonly ConcurrentDictionary<string, float[]> FloatDraws = new();

    private static double[] DrawDouble(DistributionCase c) => DoubleDraws.GetOrAdd(c.Name, _ =>
    {
        var w = new double[c.Shape.Aggregate(1, (a, b) => a * b)];
        c.Initializer.Fill(w, c.Shape, new RandomSource(Seed));
        return w;
    });

    private static float[] DrawFloat(DistributionCase c) => FloatDraws.GetOrAdd(c.Name, _ =>
    {
        var w = new float[c.Shape.Aggregate(1, (a, b) => a * b)];
        c.Initializer.Fill(w, c.Shape, new RandomSource(Seed));
        return w;
    });

    private static void AssertMatches(DistributionCase c, double[] sample)
    {
        var d = c.Expected;
        StatisticalAssert.Follows(sample, d.Mean, d.Variance, d.Kurtosis, d.Cdf, d.Description);
    }

    [Theory]
    [MemberData(nameof(DistributionCases.Names), MemberType = typeof(DistributionCases))]
    public void DoubleDrawsHaveTheFormulaMeanVarianceAndDistribution(string name) =>
        AssertMatches(DistributionCases.Get(name), DrawDouble(DistributionCases.Get(name)));

    [Theory]
    [MemberData(nameof(DistributionCases.Names), MemberType = typeof(DistributionCases))]
    public void FloatDrawsHaveTheFormulaMeanVarianceAndDistribution(string name) =>
        AssertMatches(DistributionCases.Get(name), StatisticalAssert.Widen(DrawFloat(DistributionCases.Get(name))));

    [Theory]
    [MemberData(nameof(DistributionCases.Names), MemberType = typeof(DistributionCases))]
    public void KsTestRejectsTheWrongFamilyOfEqualVariance(string name)
    {
        var c = DistributionCases.Get(name);
        foreach (var sample in new[] { DrawDouble(c), StatisticalAssert.Widen(DrawFloat(c)) })
        {
            var (d, p) = StatisticalAssert.KolmogorovSmirnovTest(sample, c.Wrong.Cdf);
            Assert.True(p < StatisticalAssert.KsAlpha,
                $"{name}: the KS test cannot tell the draws from {c.Wrong} (D = {d:G4}, p = {p:G3}); it would miss a " +
                    $"wrong-family sampler.");
        }
    }

    [Theory]
    [MemberData(nameof(DistributionCases.BoundedNames), MemberType = typeof(DistributionCases))]
    public void DrawsStayWithinHardBounds(string name)
    {
        var c = DistributionCases.Get(name);
        double lo = c.Expected.Low, hi = c.Expected.High;
        Bounds.Within(DrawDouble(c), lo, hi);
        if (c.Truncated)
        {
            // RandomSource keeps float truncated draws inside [low, high] itself (as doubles).
            Bounds.Within(StatisticalAssert.Widen(DrawFloat(c)), lo, hi);
        }
        else
        {
            // A float uniform draw is the double draw rounded once, so its bounds are the bounds rounded to float.
            Bounds.Within(DrawFloat(c), (float)lo, (float)hi);
        }
    }

    [Theory]
    [MemberData(nameof(DistributionCases.FanScaledNames), MemberType = typeof(DistributionCases))]
    public void StdAndBoundAccessorsMatchTheFormula(string name)
    {
        var c = DistributionCases.Get(name);
        var f = (FanScaledInitializer)c.Initializer;
        var fans = Fans.FromShape(c.Shape);
        Assert.NotNull(c.ExpectedStd);
        Assert.Equal(c.ExpectedStd!.Value, f.Std(fans.FanIn, fans.FanOut), 1e-14 * c.ExpectedStd.Value);
        Assert.Equal(c.ExpectedStd.Value * c.ExpectedStd.Value, f.Variance(fans.FanIn, fans.FanOut), 1e-13
            * c.ExpectedStd.Value * c.ExpectedStd.Value);
        if (c.ExpectedBound is double b)
            Assert.Equal(b, f.Bound(fans.FanIn, fans.FanOut), 1e-14 * b);
        else
            Assert.Equal(double.PositiveInfinity, f.Bound(fans.FanIn, fans.FanOut)); // an unbounded normal
    }

    [Fact]
    public void KerasTruncationConstantIsTheStdOfTheStandardNormalTruncatedAt2()
    {
        // Closed form: Var = 1 - 2 * 2 phi(2) / (Phi(2) - Phi(-2)).
        double phi2 = Math.Exp(-2.0) / Math.Sqrt(2 * Math.PI);
        double z = Distribution.Phi(2) - Distribution.Phi(-2);
        double closed = Math.Sqrt(1 - 4 * phi2 / z);
        Assert.Equal(VarianceScalingInitializer.TruncatedStdCorrection, closed, 1e-15);
        // And by numerical integration.
        Assert.Equal(VarianceScalingInitializer.TruncatedStdCorrection,
            Math.Sqrt(Distribution.TruncatedNormal(0, 1, -2, 2).Variance), 1e-14);
    }

    [Theory]
    [InlineData(0.0, 1.0, -2.0, 2.0)]
    [InlineData(0.2, 1.5, -1.0, 3.0)]
    [InlineData(0.0, 1.0, 2.5, 4.0)]
    [InlineData(1.0, 0.5, -3.0, -0.5)]
    [InlineData(0.0, 1.0, -0.2, 0.3)]
    [InlineData(0.0, 1.0, 8.0, 9.0)]
    public void TruncatedNormalMomentFormulasMatchNumericalIntegration(double mean, double std, double low, double high)
    {
        var init = new TruncatedNormalInitializer(mean, std, low, high);
        var d = Distribution.TruncatedNormal(mean, std, low, high);
        Assert.Equal(d.Mean, init.TruncatedMean, 1e-10 * std);
        Assert.Equal(d.Variance, init.TruncatedVariance, 1e-10 * d.Variance);
    }

    [Fact]
    public void TruncatedNormalFarInTheTailIsSampledExactly()
    {
        // [8, 9] standard deviations out: probability 6e-16; rejection from N(0, 1) would never finish.
        var init = Init.TruncatedNormal(0, 1, 8, 9);
        var d = Distribution.TruncatedNormal(0, 1, 8, 9);
        var w = new double[20000];
        init.Fill(w, [w.Length], new RandomSource(7));
        Bounds.Within(w, 8.0, 9.0);
        StatisticalAssert.MeanWithin(w, d.Mean, d.Std);
        StatisticalAssert.KolmogorovSmirnov(w, d.Cdf, d.Description);
    }
}
