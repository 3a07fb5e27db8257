namespace WeightInit.Tests.Simulation;

public class LayerStatisticsCalculatorTests
{
    private static LayerStatistics Compute(double[] values, int rows, int cols, int dop = -1) =>
        LayerStatisticsCalculator.Compute(3, values, rows, cols, dop);

    private static LayerStatistics Compute(float[] values, int rows, int cols, int dop = -1) =>
        LayerStatisticsCalculator.Compute(3, values, rows, cols, dop);

    private static double[] Normal(int count, ulong seed, double mean = 0, double std = 1)
    {
        var v = new double[count];
        new RandomSource(seed).FillNormal(v, mean, std);
        return v;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 7)]
    [InlineData(3, 17)]     // shorter than one 512-bit vector of floats, longer than one of doubles
    [InlineData(7, 37)]     // vector body plus scalar tail
    [InlineData(1000, 37)]  // several chunks of rows
    [InlineData(64, 512)]
    [InlineData(2, 20000)]  // one row per chunk
    public void MatchesThePlainComputationDouble(int rows, int cols)
    {
        var v = Normal(rows * cols, 11, mean: 0.3, std: 2.0);
        for (int i = 0; i < v.Length; i += 5) v[i] = 0; // some zeros
        var s = Compute(v, rows, cols);
        Assert.Equal(3, s.Layer);
        ReferenceStatistics.AssertMatches(s, v, rows, cols, 1e-12);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 17)]
    [InlineData(7, 37)]
    [InlineData(1000, 37)]
    [InlineData(64, 512)]
    public void MatchesThePlainComputationSingle(int rows, int cols)
    {
        var f = new float[rows * cols];
        new RandomSource(12).FillNormal(f, -0.5f, 3f);
        var s = Compute(f, rows, cols);
        ReferenceStatistics.AssertMatches(s, f.Select(x => (double)x).ToArray(), rows, cols, 1e-12);
    }

    [Theory]
    [InlineData(1e-3, 1e3)]
    [InlineData(1e-150, 1e150)]
    [InlineData(1e100, 1e-100)]
    public void ChunksOfVeryDifferentScalesCombineExactly(double firstScale, double lastScale)
    {
        // 1200 x 37 values make three chunks of 442 rows; each chunk has its own scale and offset.
        int rows = 1200, cols = 37;
        int rowsPerChunk = LayerStatisticsCalculator.ChunkValues / cols;
        var v = Normal(rows * cols, 31);
        for (int i = 0; i < v.Length; i++)
        {
            int chunk = i / cols / rowsPerChunk;
            v[i] = chunk == 0 ? firstScale * (v[i] + 3) : chunk == 1 ? v[i] - 1 : lastScale * (v[i] + 0.5);
        }
        var s = Compute(v, rows, cols);
        ReferenceStatistics.AssertMatches(s, v, rows, cols, 1e-12);
        Assert.Equal(Compute(v, rows, cols, dop: 1), s);
    }

    [Fact]
    public void NonFiniteValuesAreCountedAndLeftOut()
    {
        // 4 x 19: a vector body of 16 doubles (2 vectors of 8) plus a tail of 3, NaN and infinities in both.
        int rows = 4, cols = 19;
        var v = Normal(rows * cols, 5);
        v[0] = double.NaN; v[9] = double.PositiveInfinity; v[17] = double.NegativeInfinity;
        v[40] = double.NaN; v[75] = double.PositiveInfinity;
        var s = Compute(v, rows, cols);
        Assert.Equal(5.0 / 76, s.NonFiniteFraction);
        ReferenceStatistics.AssertMatches(s, v, rows, cols, 1e-12);
        Assert.True(double.IsFinite(s.Mean) && double.IsFinite(s.Std) && double.IsFinite(s.Min)
            && double.IsFinite(s.Max));

        var f = v.Select(x => (float)x).ToArray();
        var sf = Compute(f, rows, cols);
        Assert.Equal(5.0 / 76, sf.NonFiniteFraction);
        ReferenceStatistics.AssertMatches(sf, f.Select(x => (double)x).ToArray(), rows, cols, 1e-12);
    }

    [Fact]
    public void AllNonFiniteGivesNaNMomentsAndFullFraction()
    {
        var v = Enumerable.Repeat(double.NaN, 40).ToArray();
        v[3] = double.PositiveInfinity;
        var s = Compute(v, 2, 20);
        Assert.Equal(1.0, s.NonFiniteFraction);
        Assert.True(double.IsNaN(s.Mean) && double.IsNaN(s.Std) && double.IsNaN(s.Min) && double.IsNaN(s.Max)
            && double.IsNaN(s.RootMeanSquare));
        Assert.Equal(0.0, s.ZeroFraction);
        Assert.Equal(0.0, s.DeadFraction); // NaN is not zero
        Assert.False(s.AllFinite);
    }

    /// <summary>
    /// The pattern -3, -1, 1, 3 times c has mean 0, std sqrt(5) c and mean square 5 c^2. With
    /// c = 1e300 a naive sum of squares is infinite; with c = 1e-200 every square underflows to 0.
    /// </summary>
    [Theory]
    [InlineData(1e300)]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    [InlineData(1e-310)] // subnormal
    [InlineData(1.0)]
    public void HugeAndTinyValuesDoNotOverflowOrUnderflow(double c)
    {
        int rows = 5, cols = 36;
        double[] pattern = [-3, -1, 1, 3];
        var v = Enumerable.Range(0, rows * cols).Select(i => pattern[i % 4] * c).ToArray();
        double naive = v.Sum(x => x * x);
        if (c >= 1e200) Assert.True(double.IsInfinity(naive)); // the naive way breaks here...
        if (c <= 1e-200) Assert.Equal(0.0, naive);
        var s = Compute(v, rows, cols);                        // ...this one does not
        double relative = c < 1e-300 ? 1e-9 : 1e-14;           // subnormal inputs carry fewer digits
        Assert.True(Math.Abs(s.Std / (Math.Sqrt(5) * c) - 1) < relative, $"std {s.Std:R}");
        Assert.True(Math.Abs(s.RootMeanSquare / (Math.Sqrt(5) * c) - 1) < relative, $"rms {s.RootMeanSquare:R}");
        Assert.True(Math.Abs(s.Mean) <= 1e-14 * c, $"mean {s.Mean:R}");
        Assert.Equal(-3 * c, s.Min);
        Assert.Equal(3 * c, s.Max);
        if (c >= 1e200) Assert.Equal(double.PositiveInfinity, s.MeanSquare); // 5e600 is beyond double
        else if (c >= 1.0) Assert.True(Math.Abs(s.MeanSquare / (5 * c * c) - 1) < 1e-14);
    }

    [Fact]
    public void Float32ValuesNearTheirMaximumDoNotOverflow()
    {
        // float32 squares of 3e38 overflow float, and a float sum of squares would be infinite.
        int rows = 3, cols = 40;
        var f = Enumerable.Range(0, rows * cols).Select(i => (i % 2 == 0 ? 1 : -1) * 3e38f).ToArray();
        var s = Compute(f, rows, cols);
        Assert.Equal((double)3e38f, s.Std, 1e-14 * 3e38);
        Assert.Equal(0.0, s.Mean, 1e-14 * 3e38);
        Assert.Equal((double)3e38f * 3e38f, s.MeanSquare, 1e-14 * 9e76);
    }

    [Fact]
    public void ConstantDataHasZeroStdAndItsValueAsMean()
    {
        var v = Enumerable.Repeat(0.1, 3 * 21).ToArray();
        var s = Compute(v, 3, 21);
        Assert.Equal(0.1, s.Mean);
        Assert.True(s.Std <= 1e-16, $"std {s.Std:R}");
    }

    [Fact]
    public void DeadFractionCountsColumnsZeroInEveryRow()
    {
        // 6 x 21: columns 0, 5, 16 (in the vector body) and 20 (tail) are zero in every row;
        // column 7 is zero except in the last row, column 9 holds a NaN in an otherwise zero column.
        int rows = 6, cols = 21;
        var v = Normal(rows * cols, 9);
        foreach (int j in new[] { 0, 5, 16, 20, 7, 9 })
            for (int r = 0; r < rows; r++) v[r * cols + j] = r % 2 == 0 ? 0.0 : -0.0;
        v[(rows - 1) * cols + 7] = 1.5;
        v[2 * cols + 9] = double.NaN;
        var s = Compute(v, rows, cols);
        Assert.Equal(4.0 / 21, s.DeadFraction);
        Assert.Equal(4.0 * 6 / 126 + 5.0 / 126 + 5.0 / 126, s.ZeroFraction, 1e-15);
        var sf = Compute(v.Select(x => (float)x).ToArray(), rows, cols);
        Assert.Equal(4.0 / 21, sf.DeadFraction);
    }

    [Fact]
    public void TheSaturatedFractionIsLeftToTheSimulatorWhichHasTheSlopes() =>
        Assert.True(double.IsNaN(Compute(Normal(4 * 20, 3), 4, 20).SaturatedFraction));

    [Fact]
    public void ResultDoesNotDependOnTheNumberOfThreads()
    {
        int rows = 512, cols = 512;
        var v = Normal(rows * cols, 21, std: 1e150);
        var f = v.Select(x => (float)(x * 1e-150)).ToArray();
        Assert.Equal(Compute(v, rows, cols, dop: 1), Compute(v, rows, cols, dop: 2));
        Assert.Equal(Compute(v, rows, cols, dop: 1), Compute(v, rows, cols, dop: -1));
        Assert.Equal(Compute(f, rows, cols, dop: 1), Compute(f, rows, cols, dop: 2));
    }
}
