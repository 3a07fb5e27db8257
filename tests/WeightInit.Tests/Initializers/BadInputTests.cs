namespace WeightInit.Tests.Initializers;

/// <summary>One test per bad-input rule; each checks the exception type, the parameter name and the rule in the
/// message.</summary>
public class BadInputTests
{
    private static readonly RandomSource R = new(1);

    [Fact]
    public void ZeroDimensionIsOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Fans.FromShape(3, 0));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("shape[1] must be positive", e.Message);
        var w = Array.Empty<double>();
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal().Fill(w, [0, 4], R));
        Assert.Contains("shape[0] must be positive", e.Message);
    }

    [Fact]
    public void NegativeDimensionIsOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierUniform().Fill(new double[6], [-2, -3], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("must be positive", e.Message);
    }

    [Fact]
    public void ShapeWithFewerThanTwoDimensionsHasNoFans()
    {
        var e = Assert.Throws<ArgumentException>(() => Fans.FromShape(10));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("at least 2 dimensions", e.Message);
        e = Assert.Throws<ArgumentException>(() => Init.HeNormal().Fill(new float[10], [10], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("at least 2 dimension", e.Message);
        e = Assert.Throws<ArgumentException>(() => Init.Orthogonal().Fill(new double[10], [10], R));
        Assert.Equal("shape", e.ParamName);
    }

    [Fact]
    public void WeightsLengthMustBeTheProductOfTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.XavierNormal().Fill(new double[11], [3, 4], R));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("product of shape (12 values)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Init.Uniform().Fill(new float[5], [6], R));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void NaNOrInfiniteParametersAreRejected()
    {
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal(double.NaN)).ParamName);
        Assert.Equal("high",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.Uniform(0, double.PositiveInfinity)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierNormal(double.NaN)).ParamName);
        Assert.Equal("gain",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.Orthogonal(double.NegativeInfinity)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Constant(double.NaN)).ParamName);
        Assert.Equal("scale",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.VarianceScaling(double.NaN)).ParamName);
        Assert.Equal("std",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            Init.TruncatedNormal(0, double.PositiveInfinity)).ParamName);
        Assert.Equal("negativeSlope",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.HeUniform(double.NaN)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Gain.For(Nonlinearity.LeakyReLU, double.NaN));
        Assert.Equal("param", e.ParamName);
        Assert.Contains("must be a finite number", e.Message);
    }

    [Fact]
    public void NegativeStdIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal(0, -1));
        Assert.Equal("std", e.ParamName);
        Assert.Contains("must be non-negative", e.Message);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Sparse(0.1, -0.01)).ParamName);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Init.TruncatedNormal(0, -1)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierUniform(-1)).ParamName);
    }

    [Fact]
    public void LowMustBeLessThanHigh()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.Uniform(1, 0));
        Assert.Equal("low", e.ParamName);
        Assert.Contains("low must be less than high", e.Message);
        Assert.Throws<ArgumentException>(() => Init.Uniform(1, 1));
        e = Assert.Throws<ArgumentException>(() => Init.TruncatedNormal(0, 1, 2, -2));
        Assert.Equal("low", e.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void SparsityMustBeInZeroInclusiveToOneExclusive(double sparsity)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Sparse(sparsity));
        Assert.Equal("sparsity", e.ParamName);
        Assert.Contains("must be in [0, 1)", e.Message);
    }

    [Fact]
    public void ActivationsPytorchGivesNoGainAreRejectedByName()
    {
        foreach (var activation in new[] { Activation.Elu, Activation.Gelu, Activation.Swish })
        {
            var e = Assert.Throws<ArgumentException>(() => Gain.For(activation));
            Assert.Equal("activation", e.ParamName);
            Assert.Contains(activation.Name, e.Message);
            Assert.Contains("no gain", e.Message);
        }
        Assert.Throws<ArgumentNullException>(() => Gain.For(activation: null!));
    }

    [Fact]
    public void GainParameterWhereNoneApplies()
    {
        var e = Assert.Throws<ArgumentException>(() => Gain.For(Nonlinearity.ReLU, 0.1));
        Assert.Equal("param", e.ParamName);
        Assert.Contains("applies only to LeakyReLU", e.Message);
        Assert.Throws<ArgumentException>(() => Gain.For(Nonlinearity.Tanh, 1.0));
        e = Assert.Throws<ArgumentException>(() => Init.HeNormal(0.1, FanMode.FanIn, Nonlinearity.ReLU));
        Assert.Equal("negativeSlope", e.ParamName);
        Assert.Contains("applies only to the LeakyReLU", e.Message);
    }

    [Theory]
    [InlineData(FanMode.FanAvg)]
    [InlineData(FanMode.FanGeoAvg)]
    public void HeAcceptsOnlyFanInOrFanOut(FanMode mode)
    {
        var e = Assert.Throws<ArgumentException>(() => Init.HeNormal(mode: mode));
        Assert.Equal("mode", e.ParamName);
        Assert.Contains("must be FanIn or FanOut", e.Message);
        Assert.Equal("mode", Assert.Throws<ArgumentException>(() => Init.HeUniform(mode: mode)).ParamName);
    }

    [Fact]
    public void EyeNeedsATwoDimensionalShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.Eye().Fill(new double[8], [2, 2, 2], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("2-D shape", e.Message);
        Assert.Throws<ArgumentException>(() => Init.Eye().Fill(new float[4], [4], R));
    }

    [Fact]
    public void DiracNeedsAtLeastThreeDimensionsAndDivisibleGroups()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.Dirac().Fill(new double[4], [2, 2], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("at least 3 dimensions", e.Message);
        e = Assert.Throws<ArgumentException>(() => Init.Dirac(2).Fill(new double[27], [3, 3, 3], R));
        Assert.Contains("divisible by groups", e.Message);
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Dirac(0)).ParamName);
    }

    [Fact]
    public void FansMustBePositiveWhereScalesAreRead()
    {
        Assert.Equal("fanIn",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierNormal().Std(0, 5)).ParamName);
        Assert.Equal("fanOut",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.HeUniform().Bound(5, -1)).ParamName);
    }

    [Fact]
    public void ActivationOutsideTheAdviceTableIsRejectedListingTheTable()
    {
        var e = Assert.Throws<ArgumentException>(() => InitializationAdvice.For(Tests.Simulation.Softsign.Instance));
        Assert.Equal("activation", e.ParamName);
        Assert.Contains("Softsign", e.Message);
        Assert.Contains("SELU", e.Message);
        Assert.Throws<ArgumentNullException>(() => InitializationAdvice.For(null!));
    }
}
