namespace WeightInit.Tests.Support;

public class StatisticalAssertTests
{
    [Fact]
    public void KsAcceptsNormalDrawsAndRejectsUniformDrawsOfTheSameVariance()
    {
        var rng = new RandomSource(42);
        var normal = new double[20_000];
        rng.FillNormal(normal, 0, 1);
        StatisticalAssert.KolmogorovSmirnov(normal, StatisticalAssert.NormalCdf, "N(0,1)");

        var uniform = new double[20_000];
        double r = Math.Sqrt(3.0); // U(-sqrt3, sqrt3) has variance 1
        rng.FillUniform(uniform, -r, r);
        var (_, p) = StatisticalAssert.KolmogorovSmirnovTest(uniform, StatisticalAssert.NormalCdf);
        Assert.True(p < StatisticalAssert.KsAlpha, $"a uniform sample should fail a normal KS test, p = {p}");
    }

    [Fact]
    public void KolmogorovQMatchesKnownValues()
    {
        // Q(1.3581) = 0.05 and Q(1.6276) = 0.01 are the classical critical values.
        Assert.Equal(0.05, StatisticalAssert.KolmogorovQ(1.3581), 3);
        Assert.Equal(0.01, StatisticalAssert.KolmogorovQ(1.6276), 3);
    }
}
