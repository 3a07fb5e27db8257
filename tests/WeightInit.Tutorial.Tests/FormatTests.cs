namespace WeightInit.Tutorial.Tests;

public class FormatTests
{
    [Theory]
    [InlineData(0.5724, "0.572")]
    [InlineData(22.627, "22.6")]
    [InlineData(1.0, "1")]
    [InlineData(1020.4, "1020")]
    [InlineData(-0.001234, "-0.00123")]
    [InlineData(5.08e-16, "5.08e-16")]
    [InlineData(3.4028e38, "3.4e38")]
    [InlineData(123456.0, "1.23e5")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "-∞")]
    public void NumbersAreShortAndCultureInvariant(double value, string expected) =>
        Assert.Equal(expected, Format.Number(value));

    [Fact]
    public void ASpreadIsMeanPlusMinusStdScaled()
    {
        var summary = WeightInit.Statistics.SeedSummary.Of([0.93, 0.95, 0.94]);
        Assert.Equal("94 ± 1", Format.Spread(summary, 100));
        Assert.Equal("0.94 ± 0.01", Format.Spread(summary));
        Assert.Equal("scale",
            Assert.Throws<ArgumentOutOfRangeException>(() => Format.Spread(summary, double.NaN)).ParamName);
    }
}
