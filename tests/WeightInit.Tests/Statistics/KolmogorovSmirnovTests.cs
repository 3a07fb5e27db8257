namespace WeightInit.Tests.Statistics;

/// <summary>
/// The two-sample KS distance on hand-checked samples (ties included), and on large seeded samples:
/// near 0 for one distribution, near the population distance 0.0572 for a uniform against a normal of
/// the same variance.
/// </summary>
public class KolmogorovSmirnovTests
{
    [Fact]
    public void IdenticalSamplesAreAtDistanceZeroAndDisjointOnesAtOne()
    {
        double[] a = [3.0, 1.0, 2.0];
        Assert.Equal(0.0, KolmogorovSmirnov.TwoSampleStatistic(a, [1.0, 2.0, 3.0]));
        Assert.Equal(1.0, KolmogorovSmirnov.TwoSampleStatistic(a, [4.0, 5.0]));
        Assert.Equal(1.0, KolmogorovSmirnov.TwoSampleStatistic([4.0, 5.0], a));
        Assert.Equal([3.0, 1.0, 2.0], a); // the input is not sorted in place
    }

    [Fact]
    public void ShiftedSampleGivesTheHandComputedGap()
    {
        // F_a - F_b after 1, 2, 3: 1/3 - 0, 2/3 - 1/3, 1 - 2/3: D = 1/3.
        Assert.Equal(1.0 / 3.0, KolmogorovSmirnov.TwoSampleStatistic([1.0, 2.0, 3.0], [2.0, 3.0, 4.0]), 15);
        // Unequal sizes: a = {0}, b = {0, 1, 2, 3}: after 0, F_a = 1 and F_b = 1/4: D = 3/4.
        Assert.Equal(0.75, KolmogorovSmirnov.TwoSampleStatistic([0.0], [0.0, 1.0, 2.0, 3.0]), 15);
    }

    [Fact]
    public void TiesAreReadAfterEveryDistinctValue()
    {
        // a = {1, 1, 2}, b = {1, 2, 2}: after 1: 2/3 vs 1/3; after 2: 1 vs 1. D = 1/3 (not 2/3 or 1/3 + a step).
        Assert.Equal(1.0 / 3.0, KolmogorovSmirnov.TwoSampleStatistic([1.0, 1.0, 2.0], [1.0, 2.0, 2.0]), 15);
        Assert.Equal(0.0, KolmogorovSmirnov.TwoSampleStatistic([1.0, 1.0], [1.0]));
    }

    [Fact]
    public void TwoSamplesOfOneDistributionStayBelowTheCriticalValue()
    {
        const int n = 20_000;
        var a = new double[n];
        var b = new double[n];
        new RandomSource(21).FillUniform(a, -1.0, 1.0);
        new RandomSource(22).FillUniform(b, -1.0, 1.0);
        Assert.True(KolmogorovSmirnov.TwoSampleStatistic(a, b) < KolmogorovSmirnov.CriticalValue(n, n, alpha: 0.001));
    }

    [Fact]
    public void UniformAndNormalWithTheSameVarianceAreToldApart()
    {
        // U(-sqrt 3, sqrt 3) and N(0, 1) both have variance 1; sup |F_U - Phi| = 0.0572 (at x = -0.804).
        const int n = 50_000;
        var u = new double[n];
        var g = new double[n];
        new RandomSource(31).FillUniform(u, -Math.Sqrt(3), Math.Sqrt(3));
        new RandomSource(32).FillNormal(g, 0.0, 1.0);
        double d = KolmogorovSmirnov.TwoSampleStatistic(u, g);
        double critical = KolmogorovSmirnov.CriticalValue(n, n, alpha: 0.001);
        Assert.True(d > critical, $"D = {d} should exceed {critical}");
        Assert.InRange(d, 0.0572 - critical, 0.0572 + critical);
    }

    [Fact]
    public void CriticalValueFollowsTheLargeSampleFormula()
    {
        // c(0.05) = sqrt(-ln(0.025) / 2) = 1.3581; for n = m = 100: 1.3581 * sqrt(2 / 100).
        Assert.Equal(1.3581015157406195 * Math.Sqrt(0.02), KolmogorovSmirnov.CriticalValue(100, 100), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.CriticalValue(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.CriticalValue(5, 5, alpha: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.CriticalValue(5, 5, alpha: double.NaN));
    }

    [Fact]
    public void BadSamplesAreRejectedWithTheParameterName()
    {
        Assert.Equal("a",
            Assert.Throws<ArgumentException>(() =>
            KolmogorovSmirnov.TwoSampleStatistic(ReadOnlySpan<double>.Empty, [1.0])).ParamName);
        Assert.Equal("b",
            Assert.Throws<ArgumentException>(() =>
            KolmogorovSmirnov.TwoSampleStatistic([1.0], [double.NaN])).ParamName);
    }
}
