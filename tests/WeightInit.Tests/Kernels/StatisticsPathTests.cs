using static WeightInit.Tests.Kernels.KernelPaths;

namespace WeightInit.Tests.Kernels;

/// <summary>The statistics kernels on every path and odd length, against scalar references written out in the
/// tests.</summary>
public class StatisticsPathTests
{
    /// <summary>Values with NaN, infinities, zeros of both signs and a wide spread of magnitudes.</summary>
    private static double[] Values(int n, ulong seed = 5)
    {
        var random = new RandomSource(seed);
        var x = new double[n];
        random.FillNormal(x, 0.25, 3);
        double[] special =
            [double.NaN, 0.0, -0.0, double.PositiveInfinity, 1e300, -1e-300, double.NegativeInfinity, 7.5];
        for (int i = 0; i < n; i += 37) x[i] = special[i / 37 % special.Length];
        return x;
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void ShiftedSumsFollowTheirDocumentedOrderOnEveryPath(string path, int n)
    {
        double[] x = Values(n);
        float[] f = Array.ConvertAll(x, v => (float)v);
        const double scale = 0.25, shift = 0.125;
        Assert.Equal(CanonicalShiftedSums(x, scale, shift),
            ScaledMoments.ShiftedSums<double>(x, scale, shift, Parse(path)));
        Assert.Equal(CanonicalShiftedSums(Array.ConvertAll(f, v => (double)v), scale, shift),
            ScaledMoments.ShiftedSums<float>(f, scale, shift, Parse(path)));
    }

    /// <summary>ScaledMoments' order in plain scalar code: 16 lanes over the elements before the last multiple of 16,
    /// lanes j and j + 8 added, then the rest in order.</summary>
    private static (double, double) CanonicalShiftedSums(double[] x, double scale, double shift)
    {
        var d = new double[16];
        var d2 = new double[16];
        int body = x.Length / 16 * 16;
        for (int i = 0; i < body; i++)
        {
            double v = double.IsFinite(x[i]) ? Math.FusedMultiplyAdd(x[i], scale, -shift) : 0;
            d[i % 16] += v;
            d2[i % 16] = Math.FusedMultiplyAdd(v, v, d2[i % 16]);
        }
        double sum = 0, sum2 = 0;
        for (int j = 0; j < 8; j++)
        {
            sum += d[j] + d[j + 8];
            sum2 += d2[j] + d2[j + 8];
        }
        for (int i = body; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i])) continue;
            double v = Math.FusedMultiplyAdd(x[i], scale, -shift);
            sum += v;
            sum2 = Math.FusedMultiplyAdd(v, v, sum2);
        }
        return (sum, sum2);
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void FiniteRangeCountsAndBoundsTheFiniteValuesOnEveryPath(string path, int n)
    {
        double[] x = Values(n);
        var finite = x.Where(double.IsFinite).ToArray();
        var (count, min, max) = FiniteRange.Of<double>(x, Parse(path));
        Assert.Equal(finite.Length, count);
        Assert.Equal(finite.Length == 0 ? double.PositiveInfinity : finite.Min(), min);
        Assert.Equal(finite.Length == 0 ? double.NegativeInfinity : finite.Max(), max);
        float[] f = Array.ConvertAll(x, v => (float)v);
        var finiteFloats = f.Where(float.IsFinite).ToArray();
        var (countF, minF, maxF) = FiniteRange.Of<float>(f, Parse(path));
        Assert.Equal(finiteFloats.Length, countF);
        Assert.Equal(finiteFloats.Length == 0 ? double.PositiveInfinity : finiteFloats.Min(), minF);
        Assert.Equal(finiteFloats.Length == 0 ? double.NegativeInfinity : finiteFloats.Max(), maxF);
    }

    public static TheoryData<string, int> LayerCases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var path in All)
                foreach (int cols in OddLengths.Where(length => length > 0)) // a layer has at least one unit
                    data.Add(path.ToString(), cols);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LayerCases))]
    public void LayerStatisticsAndSaturatedCountsAreTheSameOnEveryPath(string path, int cols)
    {
        const int rows = 7;
        double[] x = Values(rows * cols, 9);
        for (int j = 0; j < cols; j += 3) for (int i = 0; i < rows; i++) x[i * cols + j] = 0; // dead columns
        float[] xf = Array.ConvertAll(x, v => (float)v);
        var expected = LayerStatisticsCalculator.Compute(1, x, rows, cols, 1, SimdPath.Scalar);
        Assert.Equal(expected, LayerStatisticsCalculator.Compute(1, x, rows, cols, 1, Parse(path)));
        var expectedF = LayerStatisticsCalculator.Compute(1, xf, rows, cols, 1, SimdPath.Scalar);
        Assert.Equal(expectedF, LayerStatisticsCalculator.Compute(1, xf, rows, cols, 1, Parse(path)));
        // The saturated count the simulator and the trainer share, on slopes with NaNs and values at the limit.
        double[] d = Values(rows * cols, 11);
        for (int i = 0; i < d.Length; i += 5) d[i] = 0.05;
        float[] df = Array.ConvertAll(d, v => (float)v);
        long expectedCount = d.Count(v => Math.Abs(v) < 0.05);
        Assert.Equal(expectedCount, WeightInit.Activations.Saturation.Count<double>(d, 0.05, Parse(path)));
        Assert.Equal(df.Count(v => Math.Abs((double)v) < 0.05),
            WeightInit.Activations.Saturation.Count<float>(df, 0.05, Parse(path)));
    }
}
