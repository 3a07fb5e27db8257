using WeightInit.Tests.Support;

namespace WeightInit.Tests.Random;

/// <summary>One test per rule: bad parameters throw and name the parameter; nothing is written.</summary>
public class ArgumentValidationTests
{
    private static readonly RandomSource Rng = new(1);

    private static void AssertRejects(string parameter, Action<double[]> fillDouble, Action<float[]> fillFloat)
    {
        var d = new double[4];
        var f = new float[4];
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => fillDouble(d)).ParamName);
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => fillFloat(f)).ParamName);
        Assert.All(d, v => Assert.Equal(0.0, v));
        Assert.All(f, v => Assert.Equal(0f, v));
    }

    [Theory]
    [MemberData(nameof(BadValues.NotFiniteNonNegative), MemberType = typeof(BadValues))]
    public void NormalStdMustBeFiniteAndNonNegative(double std) =>
        AssertRejects("std", x => new RandomSource(1).FillNormal(x, 0, std), x => new RandomSource(1)
            .FillNormal(x, 0, (float)std));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void NormalMeanMustBeFinite(double mean) =>
        AssertRejects("mean", x => new RandomSource(1).FillNormal(x, mean, 1), x => new RandomSource(1)
            .FillNormal(x, (float)mean, 1));

    [Fact]
    public void UniformHighMustNotBeBelowLow() =>
        AssertRejects("high", x => Rng.FillUniform(x, 1, 0.5), x => Rng.FillUniform(x, 1f, 0.5f));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void UniformLowMustBeFinite(double low) =>
        AssertRejects("low", x => Rng.FillUniform(x, low, 1), x => Rng.FillUniform(x, (float)low, 1f));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void UniformHighMustBeFinite(double high) =>
        AssertRejects("high", x => Rng.FillUniform(x, 0, high), x => Rng.FillUniform(x, 0f, (float)high));

    [Fact]
    public void AParameterThatOverflowsFloatIsRejectedForAFloatFill()
    {
        var f = new float[4];
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.FillNormal(f, 0, 1e39)).ParamName);
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.FillNormal(f, -1e39, 1)).ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.FillUniform(f, -1e39, 0)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.FillUniform(f, 0, 1e39)).ParamName);
        Assert.All(f, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void UniformWidthMustNotOverflow()
    {
        // Only reachable in double: float bounds always have a finite double width.
        var d = new double[4];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rng.FillUniform(d, -double.MaxValue, double.MaxValue));
        Assert.Equal("high", e.ParamName);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, 0.0)]
    public void TruncatedHighMustExceedLow(double low, double high) =>
        AssertRejects("high", x => Rng.FillTruncatedNormal(x, 0, 1, low, high), x =>
            Rng.FillTruncatedNormal(x, 0, 1, low, high));

    [Theory]
    [MemberData(nameof(BadValues.NotFiniteNonNegative), MemberType = typeof(BadValues))]
    public void TruncatedStdMustBeFiniteAndNonNegative(double std) =>
        AssertRejects("std", x => Rng.FillTruncatedNormal(x, 0, std, -2, 2), x =>
            Rng.FillTruncatedNormal(x, 0, std, -2, 2));

    [Fact]
    public void TruncatedMeanMustBeFinite() =>
        AssertRejects("mean", x => Rng.FillTruncatedNormal(x, double.NaN, 1, -2, 2), x =>
            Rng.FillTruncatedNormal(x, double.NaN, 1, -2, 2));

    [Theory]
    [InlineData(double.NegativeInfinity, 2.0, "low")]
    [InlineData(double.NaN, 2.0, "low")]
    [InlineData(-2.0, double.PositiveInfinity, "high")]
    [InlineData(-2.0, double.NaN, "high")]
    public void TruncatedBoundsMustBeFinite(double low, double high, string parameter) =>
        AssertRejects(parameter, x => Rng.FillTruncatedNormal(x, 0, 1, low, high), x =>
            Rng.FillTruncatedNormal(x, 0, 1, low, high));

    [Fact]
    public void TruncatedFloatIntervalMustContainAFloat()
    {
        var f = new float[4];
        var e = Assert.Throws<ArgumentException>(() => Rng.FillTruncatedNormal(f, 0.1, 1, 0.1, 0.1 + 1e-12));
        Assert.Equal("high", e.ParamName);
    }
}
