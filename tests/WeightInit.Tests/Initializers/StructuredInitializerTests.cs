using WeightInit.Tests.Support;

namespace WeightInit.Tests.Initializers;

/// <summary>Zeros, ones, constant, eye, dirac and sparse: exact structure (the random part of sparse
/// statistically).</summary>
public class StructuredInitializerTests
{
    [Fact]
    public void ConstantsFillEveryEntry()
    {
        var d = new double[24];
        var f = new float[24];
        int[] shape = [2, 3, 4];
        Init.Ones().Fill(d, shape, new RandomSource(1));
        Assert.All(d, x => Assert.Equal(1.0, x));
        Init.Zeros().Fill(d, shape, new RandomSource(1));
        Assert.All(d, x => Assert.Equal(0.0, x));
        Init.Constant(-0.25).Fill(d, shape, new RandomSource(1));
        Assert.All(d, x => Assert.Equal(-0.25, x));
        Init.Constant(0.1).Fill(f, shape, new RandomSource(1));
        Assert.All(f, x => Assert.Equal(0.1f, x));
        Init.Zeros().Fill(f, [24], new RandomSource(1));
        Assert.All(f, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void EyePutsOnesOnTheMainDiagonalOfAnyRectangle()
    {
        var w = new double[12];
        Init.Eye().Fill(w, [3, 4], new RandomSource(1));
        Assert.Equal([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], w);
        var f = new float[12];
        Init.Eye().Fill(f, [4, 3], new RandomSource(1));
        Assert.Equal([1f, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0], f);
    }

    [Fact]
    public void DiracPassesEachChannelThroughTheKernelCentre()
    {
        // (out 3, in 2, k 3): out channel d < 2 has a 1 at in channel d, position 1.
        var w = new double[18];
        Init.Dirac().Fill(w, [3, 2, 3], new RandomSource(1));
        var expected = new double[18];
        expected[(0 * 2 + 0) * 3 + 1] = 1;
        expected[(1 * 2 + 1) * 3 + 1] = 1;
        Assert.Equal(expected, w);
    }

    [Fact]
    public void SparseZeroesExactlyCeilSparsityRowsPerColumnAndDrawsTheRestFromTheNormal()
    {
        const int rows = 100, cols = 600;
        const double sparsity = 0.3, std = 0.05;
        var init = new SparseInitializer(sparsity, std);
        Assert.Equal(30, init.ZerosPerColumn(rows));
        foreach (bool useFloat in new[] { false, true })
        {
            double[] w;
            if (useFloat)
            {
                var f = new float[rows * cols];
                init.Fill(f, [rows, cols], new RandomSource(9));
                w = StatisticalAssert.Widen(f);
            }
            else
            {
                w = new double[rows * cols];
                init.Fill(w, [rows, cols], new RandomSource(9));
            }
            for (int c = 0; c < cols; c++)
            {
                int zeros = 0;
                for (int r = 0; r < rows; r++) if (w[r * cols + c] == 0) zeros++;
                Assert.Equal(30, zeros);
            }
            // Which rows are zeroed is uniform: each row is zero in Binomial(600, 0.3) columns (mean 180, sd 11.2).
            double sd = Math.Sqrt(cols * sparsity * (1 - sparsity));
            for (int r = 0; r < rows; r++)
            {
                int zeros = 0;
                for (int c = 0; c < cols; c++) if (w[r * cols + c] == 0) zeros++;
                Assert.InRange(zeros, cols * sparsity - 5 * sd, cols * sparsity + 5 * sd);
            }
            var nonZero = w.Where(x => x != 0).ToArray();
            var d = Distribution.Normal(0, std);
            StatisticalAssert.Follows(nonZero, 0, std * std, 3.0, d.Cdf, d.Description);
            Assert.True(StatisticalAssert.KolmogorovSmirnovTest(nonZero, Distribution.UniformLike(d).Cdf).P
                < StatisticalAssert.KsAlpha);
        }
    }

    [Fact]
    public void SparseWithSparsityZeroIsAPlainNormal()
    {
        var w = new double[50 * 40];
        Init.Sparse(0, 1).Fill(w, [50, 40], new RandomSource(2));
        Assert.DoesNotContain(0.0, w);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(64, 0.125)]
    [InlineData(100, 0.1)]
    public void PyTorchBiasBoundIsOneOverSqrtFanInLikeItsWeightBound(int fanIn, double expected)
    {
        Assert.Equal(expected, PyTorchLinearDefaultInitializer.BiasBound(fanIn), 1e-15);
        Assert.Equal(Init.PyTorchLinearDefault().Bound(fanIn, 7), PyTorchLinearDefaultInitializer.BiasBound(fanIn),
            1e-15);
    }
}
