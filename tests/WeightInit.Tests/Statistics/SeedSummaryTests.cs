namespace WeightInit.Tests.Statistics;

/// <summary>SeedSummary against hand-computed summaries, and its rules for bad input.</summary>
public class SeedSummaryTests
{
    [Fact]
    public void SummarizesASmallSampleByHand()
    {
        // 1, 2, 4, 8: mean 3.75; squared deviations 7.5625 + 3.0625 + 0.0625 + 18.0625 = 28.75, so std sqrt(28.75 / 3);
        // geometric mean (1 * 2 * 4 * 8)^(1/4) = 64^(1/4) = 2 sqrt(2).
        var s = SeedSummary.Of([1.0, 2.0, 4.0, 8.0]);
        Assert.Equal(4, s.Count);
        Assert.Equal(3.75, s.Mean, 15);
        Assert.Equal(Math.Sqrt(28.75 / 3), s.Std, 14);
        Assert.Equal(1.0, s.Min);
        Assert.Equal(8.0, s.Max);
        Assert.Equal(2 * Math.Sqrt(2), s.GeometricMean, 14);
    }

    [Fact]
    public void OneSeedHasNoSpread()
    {
        var s = SeedSummary.Of([0.5]);
        Assert.Equal(0.0, s.Std);
        Assert.Equal(0.5, s.Min);
        Assert.Equal(0.5, s.Max);
        Assert.Equal(0.5, s.GeometricMean, 15);
    }

    [Fact]
    public void TheMeanOfEqualValuesStaysInsideTheirRange()
    {
        double v = 46.0 / 450; // 0.10222...: the sum of five copies, divided by 5, rounds above it
        var s = SeedSummary.Of([v, v, v, v, v]);
        Assert.InRange(s.Mean, s.Min, s.Max);
        Assert.InRange(s.GeometricMean, s.Min, s.Max);
    }

    [Fact]
    public void TheGeometricMeanIsNaNUnlessEveryValueIsPositive()
    {
        Assert.True(double.IsNaN(SeedSummary.Of([0.0, 1.0]).GeometricMean));
        Assert.True(double.IsNaN(SeedSummary.Of([-1.0, 1.0]).GeometricMean));
    }

    [Fact]
    public void ValuesThatAreNotFiniteAreRejectedWithTheirIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => SeedSummary.Of([1.0, double.NaN]));
        Assert.Equal("values", error.ParamName);
        Assert.Contains("values[1]", error.Message);
        Assert.Equal("values",
            Assert.Throws<ArgumentException>(() => SeedSummary.Of(ReadOnlySpan<double>.Empty)).ParamName);
    }

    [Fact]
    public void PointwiseSummarizesEachPointOverTheCurves()
    {
        var summary = SeedSummary.Pointwise([[1.0, 10.0], [3.0, 30.0]]);
        Assert.Equal(2, summary.Length);
        Assert.Equal(2.0, summary[0].Mean, 15);
        Assert.Equal(10.0, summary[1].Min);
        Assert.Equal(30.0, summary[1].Max);
        Assert.Equal(Math.Sqrt(300), summary[1].GeometricMean, 12);
    }

    [Fact]
    public void PointwiseRejectsCurvesOfDifferentLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => SeedSummary.Pointwise([[1.0, 2.0], [1.0]]));
        Assert.Equal("runs", error.ParamName);
        Assert.Contains("runs[1] has 1", error.Message);
    }

    [Fact]
    public void PointwiseRejectsNoCurveAndValuesThatAreNotFinite()
    {
        Assert.Equal("runs", Assert.Throws<ArgumentException>(() => SeedSummary.Pointwise([])).ParamName);
        var error =
            Assert.Throws<ArgumentException>(() => SeedSummary.Pointwise([[1.0, 2.0], [1.0, double.PositiveInfinity]]));
        Assert.Contains("runs[1][1]", error.Message);
    }

    [Fact]
    public void ASummaryIsEntirelyAboveAnotherOnlyWhenTheRangesDoNotMeet()
    {
        var high = SeedSummary.Of([0.9, 0.95]);
        var low = SeedSummary.Of([0.8, 0.85]);
        var touching = SeedSummary.Of([0.85, 0.92]);
        Assert.True(high.IsEntirelyAbove(low));
        Assert.False(low.IsEntirelyAbove(high));
        Assert.False(high.Overlaps(low));
        Assert.True(touching.Overlaps(low));
        Assert.True(touching.Overlaps(high));
        Assert.False(touching.IsEntirelyAbove(low));
    }
}
