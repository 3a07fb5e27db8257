using MathNet.Numerics;
using WeightInit.Tests.Support;

namespace WeightInit.Tests.Initializers;

/// <summary>
/// Orthogonal initialization: Q^T Q = gain^2 I (tall) or Q Q^T = gain^2 I (wide) to near machine precision
/// (max entry error at most 1e-12 gain^2 in double, 1e-5 gain^2 in float), entries distributed as those of a
/// Haar-random orthogonal matrix, and the sign correction (without it the diagonal is biased).
/// </summary>
public class OrthogonalTests
{
    /// <summary>max |G - gain^2 I| where G is the Gram matrix of the rows (wide) or the columns (tall).</summary>
    private static double GramError(IReadOnlyList<double> w, int rows, int cols, double gain)
    {
        bool tall = rows >= cols;
        int k = tall ? cols : rows, len = tall ? rows : cols;
        double Entry(int v, int i) => tall ? w[i * cols + v] : w[v * cols + i]; // i-th element of vector v
        double max = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                double dot = 0;
                for (int i = 0; i < len; i++) dot += Entry(a, i) * Entry(b, i);
                max = Math.Max(max, Math.Abs(dot - (a == b ? gain * gain : 0)));
            }
        return max;
    }

    [Theory]
    [InlineData(new[] { 200, 50 }, 1.0)]   // tall: orthonormal columns
    [InlineData(new[] { 50, 200 }, 1.0)]   // wide: orthonormal rows
    [InlineData(new[] { 64, 64 }, 2.0)]    // square, gain 2
    [InlineData(new[] { 16, 4, 3, 3 }, 1.5)] // conv, flattened to 16 x 36 (wide)
    [InlineData(new[] { 72, 2, 3, 3 }, 0.5)] // conv, flattened to 72 x 18 (tall)
    [InlineData(new[] { 1, 10 }, 1.0)]
    [InlineData(new[] { 10, 1 }, 1.0)]
    public void GramMatrixIsGainSquaredIdentity(int[] shape, double gain)
    {
        int n = shape.Aggregate(1, (a, b) => a * b), rows = shape[0], cols = n / rows;
        var init = Init.Orthogonal(gain);
        var w = new double[n];
        init.Fill(w, shape, new RandomSource(11));
        double err = GramError(w, rows, cols, gain);
        Assert.True(err <= 1e-12 * gain * gain, $"double orthogonality error {err:G3} > 1e-12 * gain^2");

        var f = new float[n];
        init.Fill(f, shape, new RandomSource(11));
        double errF = GramError(f.Select(x => (double)x).ToArray(), rows, cols, gain);
        Assert.True(errF <= 1e-5 * gain * gain, $"float orthogonality error {errF:G3} > 1e-5 * gain^2");
    }

    /// <summary>
    /// An entry q of a uniformly random unit vector in R^m satisfies q^2 ~ Beta(1/2, (m-1)/2), so
    /// P(q &lt;= x) = 1/2 + sign(x) I_{x^2}(1/2, (m-1)/2) / 2 (the exact marginal; about N(0, 1/m) for large m).
    /// </summary>
    private static double HaarEntryCdf(double x, int m) =>
        0.5 + 0.5 * Math.Sign(x) * SpecialFunctions.BetaRegularized(0.5, (m - 1) / 2.0, Math.Min(1.0, x * x));

    [Fact]
    public void EntriesHaveTheHaarMarginalAndNotAUniformOne()
    {
        const int m = 256;
        const double gain = 1.7;
        var w = new double[m * m];
        Init.Orthogonal(gain).Fill(w, [m, m], new RandomSource(5));
        var unit = w.Select(x => x / gain).ToArray();
        double std = 1 / Math.Sqrt(m);
        Assert.Equal(gain * std, new OrthogonalInitializer(gain).Std(m, m), 1e-15);
        StatisticalAssert.MeanWithin(unit, 0, std);
        // Each column has squared norm exactly 1, so the mean square is exactly 1/m; the sample variance is within
        // rounding of it.
        StatisticalAssert.VarianceWithin(unit, 1.0 / m, 3.0);
        StatisticalAssert.KolmogorovSmirnov(unit, x => HaarEntryCdf(x, m), "the Haar marginal");
        var wrong = Distribution.Uniform(-Math.Sqrt(3.0 / m), Math.Sqrt(3.0 / m));
        Assert.True(StatisticalAssert.KolmogorovSmirnovTest(unit, wrong.Cdf).P < StatisticalAssert.KsAlpha);
    }

    [Fact]
    public void SignCorrectionLeavesTheDiagonalUnbiased()
    {
        // Without multiplying by sign(diag R), Householder QR gives Q[0,0] = -|a_00| / ||a_0|| < 0 always,
        // a mean of about -0.1 here. With it, each diagonal entry is symmetric about 0 with variance 1/m.
        const int m = 64, draws = 40;
        var diag = new List<double>();
        var w = new double[m * m];
        var random = new RandomSource(3);
        for (int d = 0; d < draws; d++)
        {
            Init.Orthogonal().Fill(w, [m, m], random);
            for (int i = 0; i < m; i++) diag.Add(w[i * m + i]);
        }
        StatisticalAssert.MeanWithin(diag.ToArray(), 0, 1 / Math.Sqrt(m));
        // The first column is a_0 / ||a_0||: its first entry is as often negative as positive.
        var first = new List<double>();
        for (int d = 0; d < 400; d++)
        {
            Init.Orthogonal().Fill(w.AsSpan(0, 16 * 4), [16, 4], random);
            first.Add(w[0]);
        }
        int negatives = first.Count(x => x < 0);
        Assert.InRange(negatives, 200 - 5 * 10, 200 + 5 * 10); // Binomial(400, 1/2): sd 10
    }
}
