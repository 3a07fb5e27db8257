namespace WeightInit.Tests.Theory;

public class CriticalLineTests
{
    [Theory]
    [MemberData(nameof(MeanFieldReference.CriticalLine), MemberType = typeof(MeanFieldReference))]
    public void TanhCriticalWeightVarianceMatchesMpmath(double biasVariance, double weightVariance)
    {
        var point = CriticalLine.At(Activation.Tanh, biasVariance);
        Assert.Equal(weightVariance, point.WeightVariance, 1e-10);
        Assert.True(point.HasFiniteFixedPoint);
        var analysis = new MeanFieldModel(Activation.Tanh, point.WeightVariance, biasVariance).Analyze();
        Assert.Equal(1, analysis.Chi1, 1e-10);
        Assert.Equal(analysis.FixedPointLength, point.FixedPointLength, 1e-12);
    }

    [Fact]
    public void TanhWithoutBiasesIsCriticalAtXavier() =>
        // Above 1, chi_1 - 1 grows only like (sigma_w^2 - 1)^2 (q* ~ (sigma_w^2 - 1) / 2 sigma_w^2 cancels the first
        // order), so
        // rounding of 1e-13 in chi_1 moves the root by sqrt(1e-13) ~ 3e-7: the tolerance is that conditioning, not the
        // method.
        Assert.Equal(1, CriticalLine.At(Activation.Tanh, 0).WeightVariance, 2e-6);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void ReLUIsCriticalAtHe(double biasVariance)
    {
        var point = CriticalLine.At(Activation.ReLU, biasVariance);
        Assert.Equal(2, point.WeightVariance, 1e-10);
        if (biasVariance > 0)
        {
            // With biases, q grows without bound at sigma_w^2 = 2: the edge is reached only in the limit.
            Assert.False(point.HasFiniteFixedPoint);
        }
    }

    [Fact]
    public void IdentityIsCriticalAtOne() =>
        Assert.Equal(1, CriticalLine.At(Activation.Identity, 0.05).WeightVariance, 1e-10);

    [Fact]
    public void CriticalLineRisesWithTheBias()
    {
        var line = CriticalLine.Trace(Activation.Tanh, [0.0, 0.05, 0.1, 0.2]);
        for (int i = 1; i < line.Length; i++) Assert.True(line[i].WeightVariance > line[i - 1].WeightVariance);
    }

    [Fact]
    public void AnActivationWithoutSlopeHasNoCriticalPoint()
    {
        var e = Assert.Throws<ArgumentException>(() => CriticalLine.At(new Flat(), 0.1));
        Assert.Equal("activation", e.ParamName);
        Assert.Contains("stays below 1", e.Message);
    }

    [Fact]
    public void GeluWithoutBiasesJumpsInsteadOfCrossing()
    {
        // From q_0 = 1: below sigma_w^2 = 1/E[gelu(z)^2] = 2.35 the length dies out (chi_1 = sigma_w^2/4 < 1), above it
        // explodes (chi_1 -> sigma_w^2/2 > 1): chi_1 jumps across 1 without a critical fixed point.
        var e = Assert.Throws<ArgumentException>(() => CriticalLine.At(Activation.Gelu, 0));
        Assert.Equal("activation", e.ParamName);
        Assert.Contains("jumps", e.Message);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void BiasVarianceMustBeFiniteAndNonNegative(double biasVariance) =>
        Assert.Equal("biasVariance",
            Assert.Throws<ArgumentOutOfRangeException>(() => CriticalLine.At(Activation.Tanh, biasVariance)).ParamName);

    /// <summary>f(x) = tanh(x) / 1000: chi_1 stays below 1 up to sigma_w^2 = 1e4.</summary>
    private sealed class Flat : Activation
    {
        public override string Name => "Flat";
        public override double Apply(double x) => Math.Tanh(x) / 1000;
        public override double Derivative(double x) => (1 - Math.Tanh(x) * Math.Tanh(x)) / 1000;
    }
}
