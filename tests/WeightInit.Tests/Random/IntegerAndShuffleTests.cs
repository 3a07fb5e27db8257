using MathNet.Numerics.Distributions;

namespace WeightInit.Tests.Random;

/// <summary>NextInt is unbiased (chi-square, p &gt;= 1e-4) including for ranges where naive methods are visibly biased;
/// Shuffle permutes uniformly.</summary>
public class IntegerAndShuffleTests
{
    private const double Alpha = 1e-4;

    private static void AssertChiSquare(long[] counts, double expectedEach, string what)
    {
        double chi2 = counts.Sum(c => (c - expectedEach) * (c - expectedEach) / expectedEach);
        double critical = ChiSquared.InvCDF(counts.Length - 1, 1 - Alpha);
        Assert.True(chi2 <= critical,
            $"{what}: chi-square {chi2:F2} > {critical:F2} (df {counts.Length - 1}, alpha {Alpha})");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    public void SmallRangesAreUniform(int maxExclusive)
    {
        var rng = new RandomSource(17);
        var counts = new long[maxExclusive];
        const int draws = 500_000;
        for (int i = 0; i < draws; i++) counts[rng.NextInt(maxExclusive)]++;
        if (maxExclusive == 1) { Assert.Equal(draws, counts[0]); return; }
        AssertChiSquare(counts, (double)draws / maxExclusive, $"NextInt({maxExclusive})");
    }

    [Fact]
    public void LargeRangeHasNoModuloOrMultiplyShiftBias()
    {
        // s = 3 * 2^29 and 2^32 = 2s + 2s/3. "x mod s" on a 32-bit x gives values below 2s/3 three
        // preimages and the rest two: P(v < 2s/3) = 3/4 instead of 2/3. Multiply-shift without rejection,
        // floor(3x/8), hits residues 0, 1, 2 mod 3 in the ratio 3:3:2: P(v mod 3 = 0) = 3/8 instead of 1/3.
        const int s = 3 * (1 << 29);
        const int draws = 300_000;
        var rng = new RandomSource(18);
        long below = 0, multiplesOf3 = 0; // counts of v < 2s/3 and of v mod 3 = 0
        for (int i = 0; i < draws; i++)
        {
            int v = rng.NextInt(s);
            Assert.InRange(v, 0, s - 1);
            if (v < 2 * (s / 3)) below++;
            if (v % 3 == 0) multiplesOf3++;
        }
        double se = Math.Sqrt(1.0 / 3 * 2.0 / 3 / draws); // binomial SE for p = 1/3 and p = 2/3 alike
        Assert.True(Math.Abs((double)below / draws - 2.0 / 3) <= 5 * se, $"P(v < 2s/3) = {(double)below / draws}");
        Assert.True(Math.Abs((double)multiplesOf3 / draws - 1.0 / 3) <= 5 * se,
            $"P(v mod 3 = 0) = {(double)multiplesOf3 / draws}");
    }

    [Fact]
    public void MaxValueRangeStaysInRange()
    {
        var rng = new RandomSource(19);
        for (int i = 0; i < 10_000; i++) Assert.InRange(rng.NextInt(int.MaxValue), 0, int.MaxValue - 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NonPositiveMaxIsRejected(int maxExclusive)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSource(1).NextInt(maxExclusive));
        Assert.Equal("maxExclusive", e.ParamName);
    }

    [Fact]
    public void ShuffleIsAUniformPermutation()
    {
        var rng = new RandomSource(20);
        var counts = new long[6];
        const int shuffles = 120_000;
        Span<int> v = stackalloc int[3];
        for (int i = 0; i < shuffles; i++)
        {
            v[0] = 0; v[1] = 1; v[2] = 2;
            rng.Shuffle(v);
            counts[v[0] * 2 + (v[1] > v[2] ? 1 : 0)]++;
        }
        AssertChiSquare(counts, shuffles / 6.0, "Shuffle of 3 elements");
    }

    [Fact]
    public void ShuffleKeepsEveryElementAndHandlesTinySpans()
    {
        var rng = new RandomSource(21);
        var values = Enumerable.Range(0, 1000).ToArray();
        rng.Shuffle<int>(values);
        Assert.NotEqual(Enumerable.Range(0, 1000), values);
        Assert.Equal(Enumerable.Range(0, 1000), values.Order());
        rng.Shuffle(Span<int>.Empty);
        var one = new[] { 5 };
        rng.Shuffle<int>(one);
        Assert.Equal(5, one[0]);
    }
}
