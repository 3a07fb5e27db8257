namespace WeightInit.Tests.Initializers;

/// <summary>
/// Delta-orthogonal (Xiao et al. 2018): the centre tap is gain times a (semi-)orthogonal matrix to 1e-12, every
/// other tap is exactly 0, for out = in, out &gt; in, out &lt; in and 2-D kernels; even kernels and other bad input
/// are refused naming the parameter; the draw is the orthogonal initializer's and repeats from a seed; a linear
/// circular convolution with it is an isometry times the gain.
/// </summary>
public sealed class DeltaOrthogonalTests
{
    private const double Tolerance = 1e-12;

    /// <summary>The out x in matrix at tap <paramref name="tap"/> of an (out, in, receptive) weight.</summary>
    private static double[,] Tap(double[] w, int outputs, int inputs, int receptive, int tap)
    {
        var m = new double[outputs, inputs];
        for (int o = 0; o < outputs; o++)
            for (int i = 0; i < inputs; i++) m[o, i] = w[(o * inputs + i) * receptive + tap];
        return m;
    }

    /// <summary>Asserts M^T M = gain^2 I (out &gt;= in) or M M^T = gain^2 I (out &lt; in), entry by entry.</summary>
    private static void AssertSemiOrthogonal(double[,] m, double gain)
    {
        int rows = m.GetLength(0), cols = m.GetLength(1);
        bool tall = rows >= cols;
        int n = tall ? cols : rows, inner = tall ? rows : cols;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                double dot = 0;
                for (int p = 0; p < inner; p++) dot += tall ? m[p, a] * m[p, b] : m[a, p] * m[b, p];
                Assert.True(Math.Abs(dot - (a == b ? gain * gain : 0)) <= Tolerance,
                    $"entry ({a}, {b}) of the Gram matrix is {dot:R}");
            }
    }

    [Theory]
    [InlineData(16, 16, 3, 1.0)]
    [InlineData(32, 16, 3, 1.3)]
    [InlineData(8, 16, 5, 0.7)]
    [InlineData(5, 5, 1, 2.0)]
    public void CentreTapIsGainTimesSemiOrthogonalAndEveryOtherTapIsZero(int outputs, int inputs, int k, double gain)
    {
        var w = new double[outputs * inputs * k];
        Init.DeltaOrthogonal(gain).Fill(w, [outputs, inputs, k], new RandomSource(42));
        AssertSemiOrthogonal(Tap(w, outputs, inputs, k, k / 2), gain);
        for (int tap = 0; tap < k; tap++)
            if (tap != k / 2) Assert.All(Tap(w, outputs, inputs, k, tap).Cast<double>(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void TwoDimensionalKernelHasItsMatrixAtTheCentre()
    {
        var w = new double[6 * 4 * 3 * 5];
        Init.DeltaOrthogonal().Fill(w, [6, 4, 3, 5], new RandomSource(1));
        int centre = 1 * 5 + 2;
        AssertSemiOrthogonal(Tap(w, 6, 4, 15, centre), 1.0);
        Assert.Equal(6 * 4, w.Count(v => v != 0));
    }

    [Theory]
    [InlineData(16, 16, new[] { 3 }, 1.0)]
    [InlineData(32, 16, new[] { 3 }, 1.3)]
    [InlineData(8, 16, new[] { 5 }, 0.7)]
    [InlineData(6, 4, new[] { 3, 5 }, 2.0)]
    public void EntryVarianceIsTheMeanSquareOfEveryDraw(int outputs, int inputs, int[] kernel, double gain)
    {
        // gain^2 min(out, in) / (out in k...): the squared Frobenius norm of gain Q over the number of entries, the
        // same for every draw; the centre tap's entries alone have mean square gain^2 / max(out, in).
        int[] shape = [outputs, inputs, .. kernel];
        int receptive = kernel.Aggregate(1, (a, b) => a * b), count = outputs * inputs * receptive;
        double expected = gain * gain * Math.Min(outputs, inputs) / count;
        Assert.Equal(expected, Init.DeltaOrthogonal(gain).EntryVariance(shape)!.Value, 1e-15 * expected);
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var w = Init.DeltaOrthogonal(gain).Sample<double>(shape, seed).Values.ToArray();
            Assert.Equal(expected, w.Average(v => v * v), 1e-13 * expected);
            double centre = w.Where(v => v != 0).Sum(v => v * v) / (outputs * inputs);
            Assert.Equal(gain * gain / Math.Max(outputs, inputs), centre, 1e-13 * centre);
        }
        // Times fan_in = in k...: sigma_w^2 = gain^2 min(out, in) / out, gain^2 for a square kernel.
        double sigmaW2 = expected * inputs * receptive;
        Assert.Equal(gain * gain * Math.Min(outputs, inputs) / outputs, sigmaW2, 1e-13);
    }

    [Fact]
    public void FloatIsTheDoubleDrawRoundedOnce()
    {
        var d = new double[8 * 8 * 3];
        var f = new float[8 * 8 * 3];
        Init.DeltaOrthogonal(1.5).Fill(d, [8, 8, 3], new RandomSource(9));
        Init.DeltaOrthogonal(1.5).Fill(f, [8, 8, 3], new RandomSource(9));
        for (int i = 0; i < d.Length; i++) Assert.Equal((float)d[i], f[i]);
    }

    [Fact]
    public void CentreTapIsTheOrthogonalInitializersDrawAndRepeatsFromASeed()
    {
        var q = new double[12 * 10];
        Init.Orthogonal(0.9).Fill(q, [12, 10], new RandomSource(77));
        var w = new double[12 * 10 * 3];
        Init.DeltaOrthogonal(0.9).Fill(w, [12, 10, 3], new RandomSource(77));
        for (int m = 0; m < q.Length; m++) Assert.Equal(q[m], w[m * 3 + 1]);

        Assert.Equal(w, Init.DeltaOrthogonal(0.9).Sample<double>([12, 10, 3], seed: 77).Values.ToArray());
        Assert.NotEqual(w, Init.DeltaOrthogonal(0.9).Sample<double>([12, 10, 3], seed: 78).Values.ToArray());
    }

    [Fact]
    public void GainOneWithTheIdentityIsDirac()
    {
        // With Q replaced by I the initializer is dirac_: check that the non-zero pattern is Dirac's, position by
        // position.
        var delta = Init.DeltaOrthogonal().Sample<double>([4, 4, 5], seed: 3).Values.ToArray();
        var dirac = Init.Dirac().Sample<double>([4, 4, 5], seed: 3).Values.ToArray();
        for (int i = 0; i < delta.Length; i++)
            if (i % 5 != 2) Assert.Equal(0.0, delta[i]);
        Assert.All(dirac.Select((v, i) => (v, i)).Where(p => p.v != 0), p => Assert.Equal(2, p.i % 5));
    }

    [Fact]
    public void CircularLinearConvolutionIsAnIsometryTimesTheGain()
    {
        // Xiao et al.'s point: y = conv(x) with a delta-orthogonal kernel keeps |y| = gain |x| exactly (out >= in).
        var random = new RandomSource(5);
        var layer = new Conv1dLayer(8, 12, 3, 16, Activation.Identity, PaddingMode.Circular);
        layer.Initialize(Init.DeltaOrthogonal(1.7), random);
        var x = new double[4 * layer.InputWidth];
        random.FillNormal(x, 0, 1);
        var y = new double[4 * layer.OutputWidth];
        layer.Forward(x, 4, y);
        for (int b = 0; b < 4; b++)
        {
            double nx = Math.Sqrt(x.Skip(b * layer.InputWidth).Take(layer.InputWidth).Sum(v => v * v));
            double ny = Math.Sqrt(y.Skip(b * layer.OutputWidth).Take(layer.OutputWidth).Sum(v => v * v));
            Assert.Equal(1.7 * nx, ny, 1e-12 * ny);
        }
    }

    [Fact]
    public void BadInputIsRefusedNamingTheParameter()
    {
        var r = new RandomSource(1);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.DeltaOrthogonal(-1)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Init.DeltaOrthogonal(double.NaN)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() =>
            Init.DeltaOrthogonal().Fill(new double[16], [4, 4], r)).ParamName);
        var even = Assert.Throws<ArgumentException>(() => Init.DeltaOrthogonal().Fill(new double[64], [4, 4, 4], r));
        Assert.Equal("shape", even.ParamName);
        Assert.Contains("odd", even.Message, StringComparison.Ordinal);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Init.DeltaOrthogonal().EntryVariance([4, 4, 4]))
            .ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Init.DeltaOrthogonal().EntryVariance([4, 4]))
            .ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() =>
            Init.DeltaOrthogonal().Fill(new double[4 * 4 * 3 * 2], [4, 4, 3, 2], r)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() =>
            Init.DeltaOrthogonal().Fill(new double[47], [4, 4, 3], r)).ParamName);
        Assert.Equal("shape", Assert.ThrowsAny<ArgumentException>(() =>
            Init.DeltaOrthogonal().Fill(Array.Empty<double>(), [0, 4, 3], r)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() =>
            Init.DeltaOrthogonal().Fill(new double[48], [4, 4, 3], null!)).ParamName);
        Assert.Throws<NotSupportedException>(() => Init.DeltaOrthogonal().Fill(new Half[48], [4, 4, 3], r));
    }

    [Fact]
    public void NameSaysTheGain() => Assert.Equal("DeltaOrthogonal(gain=1.5)", Init.DeltaOrthogonal(1.5).ToString());
}
