namespace WeightInit.Tests.Scaling;

/// <summary>
/// muP's table for Adam (Tensor Programs V, Table 3 in the multiplier form of Table 8) at several widths.
/// </summary>
public sealed class MaximalUpdateTests
{
    [Theory]
    [InlineData(64, 64)]
    [InlineData(128, 64)]
    [InlineData(512, 64)]
    [InlineData(48, 64)]
    public void TheFactorsArePowersOfTheWidthMultiplier(int width, int baseWidth)
    {
        double m = MaximalUpdate.WidthMultiplier(width, baseWidth);
        Assert.Equal((double)width / baseWidth, m);
        Assert.Equal(1 / Math.Sqrt(m), MaximalUpdate.InitStdFactor(MaximalUpdateRole.Hidden, m));
        Assert.Equal(1 / m, MaximalUpdate.AdamLearningRateFactor(MaximalUpdateRole.Hidden, m));
        foreach (var role in new[] { MaximalUpdateRole.Input, MaximalUpdateRole.Output })
        {
            Assert.Equal(1.0, MaximalUpdate.InitStdFactor(role, m));
            Assert.Equal(1.0, MaximalUpdate.AdamLearningRateFactor(role, m));
        }
        Assert.Equal(1 / m, MaximalUpdate.OutputMultiplier(m));
    }

    [Fact]
    public void AtTheBaseWidthEveryFactorIsOne()
    {
        foreach (var role in Enum.GetValues<MaximalUpdateRole>())
        {
            Assert.Equal(1.0, MaximalUpdate.InitStdFactor(role, 1));
            Assert.Equal(1.0, MaximalUpdate.AdamLearningRateFactor(role, 1));
        }
        Assert.Equal(1.0, MaximalUpdate.OutputMultiplier(1));
        Assert.Equal(1.0 / 64, MaximalUpdate.AttentionScale(64));
    }

    [Fact]
    public void AnUnknownRoleIsRefused() =>
        Assert.Equal("role", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MaximalUpdate.InitStdFactor((MaximalUpdateRole)9, 1)).ParamName);
}
