namespace WeightInit.Tests.Simulation;

/// <summary>
/// The statistics of a batch computed the plain way, value by value in double, for comparison with
/// the vectorized calculator on data whose squares stay within double's range.
/// </summary>
internal static class ReferenceStatistics
{
    public static (double Mean, double Std, double Min, double Max, double MeanSquare, double NonFinite, double Zero,
        double Dead)
        Compute(IReadOnlyList<double> values, int rows, int cols)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        double mean = finite.Length == 0 ? double.NaN : finite.Average();
        double variance = finite.Length == 0 ? double.NaN : finite.Sum(x => (x - mean) * (x - mean)) / finite.Length;
        double meanSquare = finite.Length == 0 ? double.NaN : finite.Sum(x => x * x) / finite.Length;
        int dead = 0;
        for (int j = 0; j < cols; j++)
        {
            bool allZero = true;
            for (int r = 0; r < rows; r++) allZero &= values[r * cols + j] == 0;
            if (allZero) dead++;
        }
        return (mean, Math.Sqrt(variance), finite.Length == 0 ? double.NaN : finite.Min(), finite.Length == 0
            ? double.NaN : finite.Max(),
            meanSquare, (double)(values.Count - finite.Length) / values.Count, (double)values.Count(x => x == 0)
                / values.Count, (double)dead / cols);
    }

    /// <summary>Asserts that <paramref name="actual"/> matches the plain computation within
    /// <paramref name="relativeTolerance"/> (of the RMS for the mean).</summary>
    public static void AssertMatches(LayerStatistics actual, IReadOnlyList<double> values, int rows, int cols,
        double relativeTolerance)
    {
        var e = Compute(values, rows, cols);
        double rms = Math.Sqrt(e.MeanSquare);
        Assert.Equal((long)rows * cols, actual.Count);
        Assert.True(Math.Abs(actual.Mean - e.Mean) <= relativeTolerance * rms, $"mean {actual.Mean:R} vs {e.Mean:R}");
        Assert.True(Math.Abs(actual.Std - e.Std) <= relativeTolerance * rms, $"std {actual.Std:R} vs {e.Std:R}");
        Assert.True(Math.Abs(actual.MeanSquare - e.MeanSquare) <= relativeTolerance * e.MeanSquare,
            $"mean square {actual.MeanSquare:R} vs {e.MeanSquare:R}");
        Assert.True(Math.Abs(actual.RootMeanSquare - rms) <= relativeTolerance * rms,
            $"rms {actual.RootMeanSquare:R} vs {rms:R}");
        Assert.True(Math.Abs(actual.Min - e.Min) <= relativeTolerance * rms, $"min {actual.Min:R} vs {e.Min:R}");
        Assert.True(Math.Abs(actual.Max - e.Max) <= relativeTolerance * rms, $"max {actual.Max:R} vs {e.Max:R}");
        Assert.Equal(e.NonFinite, actual.NonFiniteFraction);
        Assert.Equal(e.Zero, actual.ZeroFraction);
        Assert.Equal(e.Dead, actual.DeadFraction);
    }
}
