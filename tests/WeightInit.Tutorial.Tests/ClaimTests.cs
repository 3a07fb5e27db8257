using WeightInit.Statistics;

namespace WeightInit.Tutorial.Tests;

public class ClaimTests
{
    [Fact]
    public void AHoldingClaimPrintsOneCheckedLineWithItsEvidence()
    {
        var printed = ConsoleCapture.Run(() => Claim.Within(0.572, 0.5, 2, "He keeps the RMS within [0.5, 2]"));
        Assert.Equal("✓ He keeps the RMS within [0.5, 2] (0.572 ∈ [0.5, 2])" + Environment.NewLine, printed);
    }

    [Fact]
    public void AFailingClaimThrowsAndPrintsNothing()
    {
        ClaimFailedException? error = null;
        var printed =
            ConsoleCapture.Run(() => error =
            Assert.Throws<ClaimFailedException>(() => Claim.Within(0.42, 0.5, 2, "within [0.5, 2]")));
        Assert.Equal("", printed);
        Assert.Equal("✗ within [0.5, 2] (0.42 ∉ [0.5, 2])", error!.Message);
        Assert.Equal("within [0.5, 2]", error.Claim);
    }

    [Theory]
    [InlineData(0.9, true)]
    [InlineData(0.8999, false)]
    [InlineData(double.NaN, false)]
    public void AtLeastComparesInclusively(double value, bool holds)
    {
        void Act() => Claim.AtLeast(value, 0.9, "accuracy at least 90%");
        if (holds) Assert.StartsWith("✓ accuracy at least 90% (0.9 ≥ 0.9)", ConsoleCapture.Run(Act));
        else Assert.Throws<ClaimFailedException>(Act);
    }

    [Theory]
    [InlineData(1e-16, true)]
    [InlineData(2e-10, false)]
    [InlineData(double.NaN, false)]
    public void AtMostComparesInclusively(double value, bool holds)
    {
        void Act() => Claim.AtMost(value, 1e-10, "vanishes below 1e-10");
        if (holds) Assert.StartsWith("✓ vanishes below 1e-10 (1e-16 ≤ 1e-10)", ConsoleCapture.Run(Act));
        else Assert.Throws<ClaimFailedException>(Act);
    }

    [Fact]
    public void CloseUsesTheAbsoluteTolerance()
    {
        Assert.Equal("✓ halves (0.495 = 0.5 ± 0.01)" + Environment.NewLine,
            ConsoleCapture.Run(() => Claim.Close(0.4951, 0.5, 0.01, "halves")));
        var error = Assert.Throws<ClaimFailedException>(() => Claim.Close(0.52, 0.5, 0.01, "halves"));
        Assert.Equal("✗ halves (0.52 ≠ 0.5 ± 0.01)", error.Message);
        Assert.Throws<ClaimFailedException>(() => Claim.Close(double.NaN, 0.5, 0.01, "halves"));
    }

    [Fact]
    public void ThatPrintsTheCallersEvidence()
    {
        Assert.Equal("✓ zeros never break symmetry (spread 0 at every step)" + Environment.NewLine,
            ConsoleCapture.Run(() => Claim.That(true, "zeros never break symmetry", "spread 0 at every step")));
        Assert.Throws<ClaimFailedException>(() => Claim.That(false, "a false claim", "shown false"));
    }

    [Fact]
    public void ThatRefusesAClaimWithoutEvidence()
    {
        Assert.Equal("evidence", Assert.Throws<ArgumentException>(() => Claim.That(true, "trust me", "")).ParamName);
        Assert.Equal("evidence", Assert.Throws<ArgumentException>(() => Claim.That(true, "trust me", " ")).ParamName);
    }

    [Fact]
    public void AllWithinNamesTheExtremesAndTheCountOutside()
    {
        Assert.Equal("✓ every layer within [0.5, 2] (min 0.57, max 1.2, 0 of 3 outside [0.5, 2])" + Environment.NewLine,
            ConsoleCapture.Run(() => Claim.AllWithin([1.0, 0.57, 1.2], 0.5, 2, "every layer within [0.5, 2]")));
        var error =
            Assert.Throws<ClaimFailedException>(() => Claim.AllWithin([1.0, 0.42, double.NaN], 0.5, 2, "every layer"));
        Assert.Equal("✗ every layer (min NaN, max NaN, 2 of 3 outside [0.5, 2])", error.Message);
    }

    [Fact]
    public void BadBoundsAreRejectedBeforeAnyCheck()
    {
        Assert.Equal("low", Assert.Throws<ArgumentException>(() => Claim.Within(1, 2, 1, "c")).ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentException>(() => Claim.Within(1, double.NaN, 1, "c")).ParamName);
        Assert.Equal("minimum", Assert.Throws<ArgumentException>(() => Claim.AtLeast(1, double.NaN, "c")).ParamName);
        Assert.Equal("maximum", Assert.Throws<ArgumentException>(() => Claim.AtMost(1, double.NaN, "c")).ParamName);
        Assert.Equal("tolerance",
            Assert.Throws<ArgumentOutOfRangeException>(() => Claim.Close(1, 1, -1, "c")).ParamName);
        Assert.Equal("tolerance",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            Claim.Close(1, 1, double.PositiveInfinity, "c")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Claim.AllWithin([], 0, 1, "c")).ParamName);
        Assert.Equal("claim", Assert.Throws<ArgumentException>(() => Claim.That(true, " ", "e")).ParamName);
        Assert.Equal("minimumCount", Assert.Throws<ArgumentOutOfRangeException>(
            () => Claim.ForAll([1], 0, _ => true, "c")).ParamName);
    }

    [Fact]
    public void ARankingOverSeedsHoldsOnlyWhenTheRangesDoNotOverlap()
    {
        var he = SeedSummary.Of([0.91, 0.95, 0.93, 0.92, 0.94]);
        var xavier = SeedSummary.Of([0.80, 0.89, 0.85, 0.84, 0.86]);
        var printed = ConsoleCapture.Run(() => Claim.EntirelyAbove(he, xavier, "He beats Xavier on every seed"));
        Assert.Equal("✓ He beats Xavier on every seed (min 0.91 > max 0.89, over 5 and 5 seeds)" + Environment.NewLine,
            printed);
        var overlapping = SeedSummary.Of([0.88, 0.96, 0.9, 0.9, 0.9]);
        var error = Assert.Throws<ClaimFailedException>(() => Claim.EntirelyAbove(overlapping, xavier, "ranked"));
        Assert.Equal("✗ ranked (min 0.88 ≤ max 0.89, over 5 and 5 seeds)", error.Message);
        Assert.Throws<ClaimFailedException>(() => Claim.EntirelyAbove(xavier, he, "reversed"));
    }

    [Fact]
    public void AComparisonOnFewerThanFiveSeedsIsRefused()
    {
        var five = SeedSummary.Of([1.0, 2, 3, 4, 5]);
        var three = SeedSummary.Of([6.0, 7, 8]);
        Assert.Equal(5, Claim.MinimumSeeds);
        Assert.Equal("lower", Assert.Throws<ArgumentException>(() => Claim.EntirelyAbove(five, three, "c")).ParamName);
        Assert.Equal("higher", Assert.Throws<ArgumentException>(() => Claim.MeanAbove(three, five, "c")).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => Claim.Overlap(five, three, "c")).ParamName);
    }

    [Fact]
    public void OverlapHoldsOnlyWhenNeitherRangeIsAboveTheOther()
    {
        var a = SeedSummary.Of([1.0, 2, 3, 4, 5]);
        var b = SeedSummary.Of([4.5, 6, 7, 8, 9]);
        Assert.Equal("✓ no ranking ([1, 5] and [4.5, 9], over 5 and 5 seeds)" + Environment.NewLine,
            ConsoleCapture.Run(() => Claim.Overlap(a, b, "no ranking")));
        var c = SeedSummary.Of([5.5, 6, 7, 8, 9]);
        Assert.Throws<ClaimFailedException>(() => Claim.Overlap(a, c, "no ranking"));
    }

    [Fact]
    public void MeanAboveComparesTheMeansAndShowsTheSpread()
    {
        var a = SeedSummary.Of([1.0, 2, 3, 4, 5]);
        var b = SeedSummary.Of([0.0, 0, 1, 5, 9]);
        Assert.StartsWith("✓ higher on average (mean 3 ± 1.58 > 3 ± 3.94",
            ConsoleCapture.Run(() => Claim.MeanAbove(SeedSummary.Of([1.0, 2, 3, 4, 5.0001]), b, "higher on average")));
        Assert.Throws<ClaimFailedException>(() => Claim.MeanAbove(b, SeedSummary.Of([4.0, 4, 4, 4, 4]), "higher"));
        Assert.Throws<ClaimFailedException>(() => Claim.MeanAbove(a, a, "strictly higher"));
    }

    [Fact]
    public void ForAllCountsTheMembersAndNamesTheFirstThatBreaksIt()
    {
        Assert.Equal("✓ every cell merged (all 3 of 3)" + Environment.NewLine,
            ConsoleCapture.Run(() => Claim.ForAll([0.995, 0.999, 1.0], 2, c => c > 0.99, "every cell merged")));
        var error = Assert.Throws<ClaimFailedException>(
            () => Claim.ForAll([0.995, 0.5, 0.4], 1, c => c > 0.99, "every cell merged", c => $"c = {c}"));
        Assert.Equal("✗ every cell merged (2 of 3 break it, first: c = 0.5)", error.Message);
    }

    [Fact]
    public void ForAllFailsWhenTheSetIsTooSmallToMeanAnything()
    {
        var error = Assert.Throws<ClaimFailedException>(
            () => Claim.ForAll(Array.Empty<double>(), 1, _ => true, "no network deeper than 6 ξ_c trains"));
        Assert.Equal("✗ no network deeper than 6 ξ_c trains (the set has 0 members, fewer than the 1 the claim needs)",
            error.Message);
        Assert.Throws<ClaimFailedException>(() => Claim.ForAll([1.0, 2.0], 3, _ => true, "c"));
    }
}
