namespace WeightInit.Tests.Statistics;

/// <summary>The trainer's one-pass mean and standard deviation against the textbook formula; its fallbacks.</summary>
public sealed class OnePassMomentsTests
{
    [Fact]
    public void MeanStdMatchesTheTextbookFormulaAndFallsBackBeyondTheSquaresRange()
    {
        var random = new RandomSource(6);
        foreach (int n in new[] { 1, 3, 4, 7, 8, 9, 33 })
        {
            var x = new double[n];
            random.FillNormal(x, 2, 3);
            double mean = x.Average(), std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / n);
            var (m, s) = OnePassMoments.MeanStd(x);
            Assert.Equal(mean, m, 1e-13);
            Assert.Equal(std, s, 1e-13);
        }
        // A mean far above the spread: E[x^2] - mean^2 would lose 12 digits, so the second pass must take over.
        var shifted = new double[1000];
        random.FillNormal(shifted, 1e6, 1);
        double shiftedMean = shifted.Average();
        double shiftedStd = Math.Sqrt(shifted.Sum(v => (v - shiftedMean) * (v - shiftedMean)) / shifted.Length);
        Assert.Equal(shiftedStd, OnePassMoments.MeanStd(shifted).Std, 1e-9);
        Assert.Equal(0.0, OnePassMoments.MeanStd([0.1, 0.1, 0.1, 0.1, 0.1]).Std);
        double[] huge = [3e200, -3e200];
        Assert.Equal(3e200, OnePassMoments.MeanStd(huge).Std, 1e188);
        Assert.True(double.IsNaN(OnePassMoments.MeanStd([1.0, double.NaN]).Std));
        Assert.Equal((0.0, 0.0), OnePassMoments.MeanStd([]));
    }
}
