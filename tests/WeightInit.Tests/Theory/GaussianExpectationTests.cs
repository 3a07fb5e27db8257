namespace WeightInit.Tests.Theory;

public class GaussianExpectationTests
{
    [Theory]
    [MemberData(nameof(MeanFieldReference.Expectations), MemberType = typeof(MeanFieldReference))]
    public void SmoothAndKinkedActivationsMatchMpmath(string activation, double variance, double phiSquared,
        double derivativeSquared)
    {
        var phi = Activation.FromName(activation);
        double a = GaussianExpectation.Of(x => phi.Apply(x) * phi.Apply(x), variance);
        double b = GaussianExpectation.Of(x => phi.Derivative(x) * phi.Derivative(x), variance);
        // The quadrature is good to a few ulps; 1e-12 relative leaves room for the activations' own rounding.
        Assert.Equal(phiSquared, a, phiSquared * 1e-12);
        Assert.Equal(derivativeSquared, b, derivativeSquared * 1e-12);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(0.3)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1e6)]
    public void ReLUMomentsAreExact(double q)
    {
        // E[relu(u)^2] = q/2, E[relu(u)] = sqrt(q / (2 pi)), E[relu'(u)^2] = 1/2.
        Assert.Equal(q / 2, GaussianExpectation.Of(x => Math.Pow(Math.Max(0, x), 2), q), q * 1e-14);
        Assert.Equal(Math.Sqrt(q / (2 * Math.PI)), GaussianExpectation.Of(x => Math.Max(0, x), q), Math.Sqrt(q)
            * 1e-14);
        Assert.Equal(0.5, GaussianExpectation.Of(x => x > 0 ? 1 : 0, q), 1e-14);
    }

    [Fact]
    public void ZeroVarianceIsTheValueAtZero() => Assert.Equal(Math.Cos(0), GaussianExpectation.Of(Math.Cos, 0));

    [Theory]
    [InlineData(1.0, 0.5)]
    [InlineData(2.5, -0.7)]
    [InlineData(0.01, 0.999)]
    [InlineData(4.0, 1.0)]
    [InlineData(1.0, -1.0)]
    [InlineData(3.0, 0.0)]
    public void ReLUPairMatchesTheArcCosineKernel(double q, double c)
    {
        // Cho & Saul (2009): E[relu(u1) relu(u2)] = q / (2 pi) (sin t + (pi - t) cos t), t = arccos c.
        double t = Math.Acos(c);
        double expected = q / (2 * Math.PI) * (Math.Sin(t) + (Math.PI - t) * Math.Cos(t));
        double relu(double x) => Math.Max(0, x);
        Assert.Equal(expected, GaussianExpectation.OfProduct(relu, relu, q, q, c), q * 1e-13);
    }

    [Theory]
    [InlineData(1.0, 2.0, 0.3)]
    [InlineData(0.5, 0.5, -0.9)]
    [InlineData(9.0, 0.1, 1.0)]
    public void LinearPairIsTheCovariance(double q1, double q2, double c) =>
        Assert.Equal(c * Math.Sqrt(q1 * q2), GaussianExpectation.OfProduct(x => x, x => x, q1, q2, c), 1e-13
            * Math.Sqrt(q1 * q2));

    [Fact]
    public void IndependentPairFactorizes()
    {
        double e = GaussianExpectation.OfProduct(Math.Tanh, x => Math.Exp(-x * x), 1.3, 0.7, 0);
        Assert.Equal(0, e, 1e-15); // tanh is odd
        double f = GaussianExpectation.OfProduct(x => x * x, Math.Cosh, 1.3, 0.7, 0);
        Assert.Equal(1.3 * Math.Exp(0.7 / 2), f, 1e-12);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void VarianceMustBeFiniteAndNonNegative(double variance)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GaussianExpectation.Of(Math.Tanh, variance));
        Assert.Equal("variance", e.ParamName);
        Assert.Equal("variance1",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            GaussianExpectation.OfProduct(Math.Tanh, Math.Tanh, variance, 1, 0)).ParamName);
        Assert.Equal("variance2",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            GaussianExpectation.OfProduct(Math.Tanh, Math.Tanh, 1, variance, 0)).ParamName);
    }

    [Theory]
    [InlineData(1.0000001)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void CorrelationMustBeInMinusOneToOne(double c) =>
        Assert.Equal("correlation",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            GaussianExpectation.OfProduct(Math.Tanh, Math.Tanh, 1, 1, c)).ParamName);
}
