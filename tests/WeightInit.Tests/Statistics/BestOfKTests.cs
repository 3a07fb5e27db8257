namespace WeightInit.Tests.Statistics;

/// <summary>BestOfK against enumerating every subset, and its edge cases and rules.</summary>
public class BestOfKTests
{
    private static readonly double[] Loss = [0.30, 0.10, 0.25, 0.40, 0.20, 0.15];
    private static readonly double[] Accuracy = [0.90, 0.97, 0.91, 0.85, 0.95, 0.96];

    private static IEnumerable<int[]> Subsets(int n, int k, int start = 0)
    {
        if (k == 0) { yield return []; yield break; }
        for (int i = start; i <= n - k; i++)
            foreach (var rest in Subsets(n, k - 1, i + 1)) yield return [i, .. rest];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    public void EqualsTheAverageOverEverySubset(int k)
    {
        var subsets = Subsets(Loss.Length, k).ToList();
        double brute = subsets.Average(s => Accuracy[s.MinBy(i => Loss[i])]);
        Assert.Equal(brute, BestOfK.ExpectedValueOfBest(Loss, Accuracy, k), 12);
    }

    [Fact]
    public void OneRunIsTheMeanAndAllRunsAreTheBest()
    {
        Assert.Equal(Accuracy.Average(), BestOfK.ExpectedValueOfBest(Loss, Accuracy, 1), 14);
        Assert.Equal(0.97, BestOfK.ExpectedValueOfBest(Loss, Accuracy, Loss.Length), 14);
        Assert.Equal(Loss.Min(), BestOfK.ExpectedValueOfBest(Loss, Loss, Loss.Length), 14);
    }

    [Fact]
    public void TheChoiceProbabilitiesSumToOneAndFavourTheBest()
    {
        var p = BestOfK.ChoiceProbabilities(Loss, 3);
        Assert.Equal(1.0, p.Sum(), 14);
        Assert.Equal(0.5, p[1], 14);   // the best of 6 is in a random 3-subset half the time
        Assert.Equal(0.0, p[3]);       // the worst would need two worse runs beside it in the subset: there are none
        Assert.Equal(0.0, p[0]);       // the second worst would need two worse runs, and there is only one
    }

    [Fact]
    public void TiesGoToTheRunListedFirst()
    {
        var p = BestOfK.ChoiceProbabilities([1.0, 1.0], 2);
        Assert.Equal([1.0, 0.0], p);
    }

    [Fact]
    public void BadInputIsRejectedByName()
    {
        Assert.Equal("k",
            Assert.Throws<ArgumentOutOfRangeException>(() => BestOfK.ExpectedValueOfBest(Loss, Accuracy, 0)).ParamName);
        Assert.Equal("k",
            Assert.Throws<ArgumentOutOfRangeException>(() => BestOfK.ExpectedValueOfBest(Loss, Accuracy, 7)).ParamName);
        Assert.Equal("report",
            Assert.Throws<ArgumentException>(() => BestOfK.ExpectedValueOfBest(Loss, [1.0], 2)).ParamName);
        Assert.Equal("selectBy",
            Assert.Throws<ArgumentException>(() => BestOfK.ExpectedValueOfBest([double.NaN], [1.0], 1)).ParamName);
        Assert.Equal("selectBy", Assert.Throws<ArgumentException>(() => BestOfK.ChoiceProbabilities([], 1)).ParamName);
        Assert.Equal("report",
            Assert.Throws<ArgumentException>(() =>
            BestOfK.ExpectedValueOfBest([1.0], [double.PositiveInfinity], 1)).ParamName);
    }
}
