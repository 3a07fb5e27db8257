using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Tests.Initializers;

/// <summary>One test per bad-input rule; each checks the exception type, the parameter name and the rule in the message.</summary>
public class BadInputTests
{
    private static readonly RandomSource R = new(1);

    [Fact]
    public void Zero_dimension_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Fans.FromShape(3, 0));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("shape[1] must be positive", e.Message);
        var w = Array.Empty<double>();
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal().Fill(w, [0, 4], R));
        Assert.Contains("shape[0] must be positive", e.Message);
    }

    [Fact]
    public void Negative_dimension_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierUniform().Fill(new double[6], [-2, -3], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("must be positive", e.Message);
    }

    [Fact]
    public void Shape_with_fewer_than_two_dimensions_has_no_fans()
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
    public void Weights_length_must_be_the_product_of_the_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.XavierNormal().Fill(new double[11], [3, 4], R));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("product of shape (12 values)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Init.Uniform().Fill(new float[5], [6], R));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void NaN_or_infinite_parameters_are_rejected()
    {
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal(double.NaN)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Uniform(0, double.PositiveInfinity)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierNormal(double.NaN)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Orthogonal(double.NegativeInfinity)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Constant(double.NaN)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => Init.VarianceScaling(double.NaN)).ParamName);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Init.TruncatedNormal(0, double.PositiveInfinity)).ParamName);
        Assert.Equal("negativeSlope", Assert.Throws<ArgumentOutOfRangeException>(() => Init.HeUniform(double.NaN)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Gain.For(Nonlinearity.LeakyReLU, double.NaN));
        Assert.Equal("param", e.ParamName);
        Assert.Contains("must be a finite number", e.Message);
    }

    [Fact]
    public void Negative_std_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal(0, -1));
        Assert.Equal("std", e.ParamName);
        Assert.Contains("must be non-negative", e.Message);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Sparse(0.1, -0.01)).ParamName);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Init.TruncatedNormal(0, -1)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierUniform(-1)).ParamName);
    }

    [Fact]
    public void Low_must_be_less_than_high()
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
    public void Sparsity_must_be_in_zero_inclusive_to_one_exclusive(double sparsity)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Sparse(sparsity));
        Assert.Equal("sparsity", e.ParamName);
        Assert.Contains("must be in [0, 1)", e.Message);
    }

    [Fact]
    public void Activations_pytorch_gives_no_gain_are_rejected_by_name()
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
    public void Gain_parameter_where_none_applies()
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
    public void He_accepts_only_fan_in_or_fan_out(FanMode mode)
    {
        var e = Assert.Throws<ArgumentException>(() => Init.HeNormal(mode: mode));
        Assert.Equal("mode", e.ParamName);
        Assert.Contains("must be FanIn or FanOut", e.Message);
        Assert.Equal("mode", Assert.Throws<ArgumentException>(() => Init.HeUniform(mode: mode)).ParamName);
    }

    [Fact]
    public void Eye_needs_a_two_dimensional_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.Eye.Fill(new double[8], [2, 2, 2], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("2-D shape", e.Message);
        Assert.Throws<ArgumentException>(() => Init.Eye.Fill(new float[4], [4], R));
    }

    [Fact]
    public void Dirac_needs_at_least_three_dimensions_and_divisible_groups()
    {
        var e = Assert.Throws<ArgumentException>(() => Init.Dirac().Fill(new double[4], [2, 2], R));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("at least 3 dimensions", e.Message);
        e = Assert.Throws<ArgumentException>(() => Init.Dirac(2).Fill(new double[27], [3, 3, 3], R));
        Assert.Contains("divisible by groups", e.Message);
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Dirac(0)).ParamName);
    }

    [Fact]
    public void Fans_must_be_positive_where_scales_are_read()
    {
        Assert.Equal("fanIn", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierNormal().Std(0, 5)).ParamName);
        Assert.Equal("fanOut", Assert.Throws<ArgumentOutOfRangeException>(() => Init.HeUniform().Bound(5, -1)).ParamName);
    }

    [Fact]
    public void Activation_outside_the_advice_table_is_rejected_listing_the_table()
    {
        var e = Assert.Throws<ArgumentException>(() => InitializationAdvice.For(Tests.Simulation.Softsign.Instance));
        Assert.Equal("activation", e.ParamName);
        Assert.Contains("Softsign", e.Message);
        Assert.Contains("SELU", e.Message);
        Assert.Throws<ArgumentNullException>(() => InitializationAdvice.For(null!));
    }
}
