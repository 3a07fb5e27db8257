namespace WeightInit.Tests.Statistics;

/// <summary>FixedBinHistogram: bin edges (the last bin closed), values outside, densities, and a seeded uniform sample
/// whose bins match 1/(2r) within 5 standard errors.</summary>
public class HistogramTests
{
    [Fact]
    public void ValuesFallInTheHandComputedBins()
    {
        // [0, 4) in 4 bins of width 1: 0 and 0.5 -> bin 0; 1 -> bin 1; 3.999 and 4 (the upper edge) -> bin 3; -1 below;
        // 5 above.
        var h = FixedBinHistogram.Of([0.0, 0.5, 1.0, 3.999, 4.0, -1.0, 5.0], 0.0, 4.0, 4);
        Assert.Equal(new long[] { 2, 1, 0, 2 }, h.Counts);
        Assert.Equal(1, h.Below);
        Assert.Equal(1, h.Above);
        Assert.Equal(7, h.Total);
        Assert.Equal(1.0, h.BinWidth);
        Assert.Equal(new[] { 0.5, 1.5, 2.5, 3.5 }, h.Centers);
        Assert.Equal(new[] { 2 / 7.0, 1 / 7.0, 0.0, 2 / 7.0 }, h.Densities);
    }

    [Fact]
    public void DensitiesIntegrateToTheFractionInside()
    {
        var h = FixedBinHistogram.Of([-3.0, -0.2, 0.1, 0.3, 0.35, 2.0], -0.5, 0.5, 5);
        Assert.Equal(4.0 / 6.0, h.Densities.Sum() * h.BinWidth, 12);
    }

    [Fact]
    public void UniformDrawsHaveFlatDensitiesWithinSamplingError()
    {
        const int n = 200_000, bins = 40;
        const double r = 0.5;
        var x = new double[n];
        new RandomSource(77).FillUniform(x, -r, r);
        var h = FixedBinHistogram.Of(x, -r, r, bins);
        double p = 1.0 / bins, se = Math.Sqrt(n * p * (1 - p));
        Assert.All(h.Counts, c => Assert.InRange(c, n * p - 5 * se, n * p + 5 * se));
        Assert.Equal(0, h.Below + h.Above);
        Assert.All(h.Densities, d =>
            Assert.InRange(d, 1 / (2 * r) * (1 - 5 * se / (n * p)), 1 / (2 * r) * (1 + 5 * se / (n * p))));
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirNames()
    {
        Assert.Equal("high",
            Assert.Throws<ArgumentOutOfRangeException>(() => FixedBinHistogram.Of([1.0], 1.0, 1.0, 3)).ParamName);
        Assert.Equal("low",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            FixedBinHistogram.Of([1.0], double.NaN, 1.0, 3)).ParamName);
        Assert.Equal("bins",
            Assert.Throws<ArgumentOutOfRangeException>(() => FixedBinHistogram.Of([1.0], 0.0, 1.0, 0)).ParamName);
        Assert.Equal("values",
            Assert.Throws<ArgumentException>(() =>
            FixedBinHistogram.Of(ReadOnlySpan<double>.Empty, 0.0, 1.0, 3)).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => FixedBinHistogram.Of([0.5, double.NaN], 0.0, 1.0, 3));
        Assert.Contains("values[1]", nan.Message);
    }
}
