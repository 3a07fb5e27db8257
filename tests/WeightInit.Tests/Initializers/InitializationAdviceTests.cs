namespace WeightInit.Tests.Initializers;

public class InitializationAdviceTests
{
    [Theory]
    [InlineData("Identity", InitializationScheme.Glorot)]
    [InlineData("Tanh", InitializationScheme.Glorot)]
    [InlineData("Sigmoid", InitializationScheme.Glorot)]
    [InlineData("ReLU", InitializationScheme.He)]
    [InlineData("LeakyReLU", InitializationScheme.He)]
    [InlineData("ELU", InitializationScheme.He)]
    [InlineData("GELU", InitializationScheme.He)]
    [InlineData("Swish", InitializationScheme.He)]
    [InlineData("SELU", InitializationScheme.LeCun)]
    public void SchemeOfEveryLibraryActivation(string name, InitializationScheme scheme) =>
        Assert.Equal(scheme, InitializationAdvice.For(Activation.FromName(name)).Scheme);

    [Fact]
    public void SchemeByActivationObject()
    {
        Assert.Equal(InitializationScheme.He, InitializationAdvice.For(Activation.ReLU).Scheme);
        Assert.Equal(InitializationScheme.Glorot, InitializationAdvice.For(Activation.Tanh).Scheme);
        Assert.Equal(InitializationScheme.Glorot, InitializationAdvice.For(Activation.Sigmoid).Scheme);
        Assert.Equal(InitializationScheme.Glorot, InitializationAdvice.For(Activation.Identity).Scheme);
    }

    [Fact]
    public void EveryLibraryActivationHasARecommendation()
    {
        foreach (var a in Activation.All)
            Assert.NotNull(InitializationAdvice.For(a));
        Assert.Equal(InitializationScheme.LeCun, InitializationAdvice.For(new SeluActivation()).Scheme);
        Assert.Equal(InitializationScheme.He, InitializationAdvice.For(new GeluActivation()).Scheme);
        Assert.Equal(InitializationScheme.He, InitializationAdvice.For(new EluActivation()).Scheme);
        Assert.Equal(InitializationScheme.He, InitializationAdvice.For(new SwishActivation()).Scheme);
        Assert.Equal(InitializationScheme.Glorot, InitializationAdvice.For(new TanhActivation()).Scheme);
        Assert.Equal(InitializationScheme.He, InitializationAdvice.For(Activation.CreateElu(0.5)).Scheme);
    }

    [Fact]
    public void LeakyReluGetsHeWithItsSlope()
    {
        var r = InitializationAdvice.For(new LeakyReLUActivation(0.2));
        Assert.Equal(InitializationScheme.He, r.Scheme);
        Assert.Equal(2.0 / 1.04 / 100, r.Variance(100, 10), 1e-17);
        Assert.Equal(Gain.For(Nonlinearity.LeakyReLU, 0.2), r.Gain, 1e-15);
        Assert.Equal(r.Std(100, 10), r.Normal.Std(100, 10), 1e-15);
        Assert.Equal(r.UniformBound(100, 10), r.Uniform.Bound(100, 10), 1e-15);
    }

    [Fact]
    public void VariancesBoundsAndInitializersAgreeWithTheTable()
    {
        const int fanIn = 300, fanOut = 100;
        var g = InitializationAdvice.Glorot;
        Assert.Equal(1.0 / 200, g.Variance(fanIn, fanOut), 1e-17);
        Assert.Equal(Math.Sqrt(3.0 / 200), g.UniformBound(fanIn, fanOut), 1e-15);
        Assert.Equal(1.0, g.Gain);
        var he = InitializationAdvice.He;
        Assert.Equal(2.0 / 300, he.Variance(fanIn, fanOut), 1e-17);
        Assert.Equal(Math.Sqrt(2.0), he.Gain, 1e-15);
        var lecun = InitializationAdvice.LeCun;
        Assert.Equal(1.0 / 300, lecun.Variance(fanIn, fanOut), 1e-17);
        foreach (var row in InitializationAdvice.Table)
        {
            Assert.Equal(row.Std(fanIn, fanOut), row.Normal.Std(fanIn, fanOut), 1e-15);
            Assert.Equal(row.Std(fanIn, fanOut), row.Uniform.Std(fanIn, fanOut), 1e-15);
            Assert.Equal(row.UniformBound(fanIn, fanOut), row.Uniform.Bound(fanIn, fanOut), 1e-15);
            Assert.Same(row.Normal, row.Initializer);
        }
    }
}
