namespace WeightInit.Tests.Activations;

/// <summary>The static instances, All, FromName, the factories and their parameter checks.</summary>
public class ActivationRegistryTests
{
    [Fact]
    public void AllListsTheDefaultInstancesInOrder()
    {
        Assert.Equal(
            ["Identity", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "SELU", "GELU", "Swish"],
            Activation.All.Select(a => a.Name));
        Assert.Same(Activation.Identity, Activation.All[0]);
        Assert.Same(Activation.Swish, Activation.All[8]);
        Assert.IsType<IdentityActivation>(Activation.Identity);
        Assert.IsType<SigmoidActivation>(Activation.Sigmoid);
        Assert.IsType<TanhActivation>(Activation.Tanh);
        Assert.IsType<ReLUActivation>(Activation.ReLU);
        Assert.IsType<LeakyReLUActivation>(Activation.LeakyReLU);
        Assert.IsType<EluActivation>(Activation.Elu);
        Assert.IsType<SeluActivation>(Activation.Selu);
        Assert.IsType<GeluActivation>(Activation.Gelu);
        Assert.IsType<SwishActivation>(Activation.Swish);
    }

    [Fact]
    public void DefaultParametersAreThoseOfPyTorch()
    {
        Assert.Equal(0.01, ((LeakyReLUActivation)Activation.LeakyReLU).NegativeSlope);
        Assert.Equal(1.0, ((EluActivation)Activation.Elu).Alpha);
        Assert.Equal(1.0, ((SwishActivation)Activation.Swish).Beta);
        Assert.Equal(Activation.DefaultLeakyReLUSlope, ((LeakyReLUActivation)Activation.LeakyReLU).NegativeSlope);
        Assert.Equal(0.2, ((LeakyReLUActivation)Activation.CreateLeakyReLU(0.2)).NegativeSlope);
        Assert.Equal(0.5, ((EluActivation)Activation.CreateElu(0.5)).Alpha);
        Assert.Equal(1.7, ((SwishActivation)Activation.CreateSwish(1.7)).Beta);
    }

    [Fact]
    public void OnlySigmoidAndTanhSaturate()
    {
        Assert.Equal(["Sigmoid", "Tanh"], Activation.All.Where(a => a.IsSaturating).Select(a => a.Name));
    }

    [Fact]
    public void FromNameRoundTripsEveryName()
    {
        foreach (var activation in Activation.All)
        {
            Assert.Same(activation, Activation.FromName(activation.Name));
            Assert.Same(activation, Activation.FromName(activation.Name.ToUpperInvariant()));
            Assert.Same(activation, Activation.FromName(activation.Name.ToLowerInvariant()));
        }
        Assert.Same(Activation.Swish, Activation.FromName("silu"));
    }

    [Theory]
    [InlineData("linear", "Identity")]
    [InlineData("sigmoid", "Sigmoid")]
    [InlineData("tanh", "Tanh")]
    [InlineData("relu", "ReLU")]
    [InlineData("leaky_relu", "LeakyReLU")]
    [InlineData("selu", "SELU")]
    public void FromNameReadsPyTorchsCalculateGainNamesOfActivations(string pytorch, string name)
    {
        Assert.Same(Activation.All.Single(a => a.Name == name), Activation.FromName(pytorch));
        Assert.Same(Activation.All.Single(a => a.Name == name), Activation.FromName(pytorch.ToUpperInvariant()));
    }

    [Fact]
    public void FromNameRejectsAnUnknownNameListingTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Activation.FromName("softplus"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("softplus", ex.Message);
        foreach (var activation in Activation.All) Assert.Contains(activation.Name, ex.Message);
        foreach (var other in new[] { "SiLU", "linear", "leaky_relu" }) Assert.Contains(other, ex.Message);
        Assert.Throws<ArgumentException>(() => Activation.FromName("conv2d")); // a layer, not an activation
        Assert.Throws<ArgumentNullException>(() => Activation.FromName(null!));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LeakyReLUSlopeMustBeFinite(double slope)
    {
        Assert.Equal("negativeSlope",
            Assert.Throws<ArgumentOutOfRangeException>(() => Activation.CreateLeakyReLU(slope)).ParamName);
        Assert.Equal("negativeSlope",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLUActivation(slope)).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void EluAlphaMustBeFinite(double alpha)
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.CreateElu(alpha)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new EluActivation(alpha)).ParamName);
    }

    [Fact]
    public void EluAlphaMustNotBeNegative()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.CreateElu(-0.5));
        Assert.Equal("alpha", ex.ParamName);
        Assert.Contains("non-negative", ex.Message);
        Assert.Equal(0.0, ((EluActivation)Activation.CreateElu(0.0)).Alpha); // 0 is allowed: ReLU-like
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void SwishBetaMustBeFinite(double beta)
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.CreateSwish(beta)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new SwishActivation(beta)).ParamName);
    }

    [Fact]
    public void ToStringShowsParameters()
    {
        Assert.Equal("LeakyReLU(negativeSlope: 0.2)", Activation.CreateLeakyReLU(0.2).ToString());
        Assert.Equal("ELU(alpha: 0.5)", Activation.CreateElu(0.5).ToString());
        Assert.Equal("Swish(beta: 1.5)", Activation.CreateSwish(1.5).ToString());
        Assert.Equal("GELU", Activation.Gelu.ToString());
    }
}
