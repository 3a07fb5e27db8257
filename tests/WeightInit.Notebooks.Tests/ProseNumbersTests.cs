namespace WeightInit.Notebooks.Tests;

/// <summary>The rules by which <see cref="ProseNumbers"/> reads numbers from prose and finds them in a pool.</summary>
public sealed class ProseNumbersTests
{
    private static ProseNumbers.Stated Single(string prose) => Assert.Single(ProseNumbers.In(prose));

    private static bool Found(string prose, params double[] pool) =>
        ProseNumbers.IsFoundIn(Single(prose), new HashSet<double>(pool));

    [Fact]
    public void ADecimalIsFoundWhereAPoolNumberRoundsToIt()
    {
        Assert.True(Found("the correlation falls to 0.35", 0.348));
        Assert.False(Found("a linear network keeps correlations as they are (0.5)", 0.348, 0.345, 0.247));
        Assert.True(Found("it grows 18-fold", 18));
        Assert.False(Found("it grows 18-fold", 18.6));
    }

    [Fact]
    public void APowerOfTenMustBeThePrintedMagnitude()
    {
        Assert.False(Found("they reach near $10^{-161}$", 4.49e-162));
        Assert.True(Found("they reach $4.5 \\times 10^{-162}$", 4.49e-162));
        Assert.True(Found("a gap of 10⁵", 1.02e5));
        Assert.True(Found("about 4.49e-162", 4.49e-162));
        Assert.False(Found("about 4.4e-162", 4.49e-162));
    }

    [Fact]
    public void APercentageMatchesAFractionOrAPercent()
    {
        Assert.True(Found("about 77% of the units", 0.7712));
        Assert.True(Found("about 77 % of the units", 77.4));
        Assert.False(Found("about 77% of the units", 0.7));
    }

    [Fact]
    public void YearsCitationsAndNamesAreNotClaims()
    {
        Assert.Empty(ProseNumbers.In("as Glorot & Bengio showed (Glorot & Bengio 2010, §4.2)"));
        Assert.Empty(ProseNumbers.In("notebook 09 and notebooks 10 and 11, Fig. 6, Table 1, arXiv 2203.03466, #15314"));
        Assert.Empty(ProseNumbers.In("He et al. (2015) derived it in 2015"));
        Assert.Empty(ProseNumbers.In("[Why initialization matters](notebooks/01-why-initialization-matters.ipynb)"));
        Assert.Equal(262144, Single("a 512 x 512 matrix has 262,144 entries"[20..]).Value);
    }
}
