namespace WeightInit.Tests.Training;

public sealed class ToyDatasetTests
{
    [Fact]
    public void SpiralsHaveTheRightShapeLabelsAndGeometry()
    {
        var data = ToyDatasets.Spirals(50, 3, 0.0, new RandomSource(1));
        Assert.Equal(150, data.Count);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal([50, 50, 50], data.ClassCounts());
        for (int i = 0; i < data.Count; i++)
        {
            int k = i / 50, j = i % 50;
            Assert.Equal(k, data.Labels[i]);
            double r = (j + 1.0) / 50, theta = 2 * Math.PI * k / 3 + 4 * r;
            Assert.Equal(r * Math.Cos(theta), data.FeaturesOf(i)[0], 1e-15);
            Assert.Equal(r * Math.Sin(theta), data.FeaturesOf(i)[1], 1e-15);
        }
    }

    [Fact]
    public void TwoMoonsHaveTheRightShapeLabelsAndGeometry()
    {
        var data = ToyDatasets.TwoMoons(40, 0.0, new RandomSource(1));
        Assert.Equal(80, data.Count);
        Assert.Equal([40, 40], data.ClassCounts());
        for (int i = 0; i < 40; i++)
        {
            var p = data.FeaturesOf(i);
            Assert.Equal(1.0, Math.Sqrt(p[0] * p[0] + p[1] * p[1]), 1e-14);
            Assert.True(p[1] >= -1e-15);
            var q = data.FeaturesOf(40 + i);
            Assert.Equal(1.0, Math.Sqrt((q[0] - 1) * (q[0] - 1) + (q[1] - 0.5) * (q[1] - 0.5)), 1e-14);
            Assert.Equal(1, data.Labels[40 + i]);
        }
    }

    [Fact]
    public void CirclesHaveTheRightShapeLabelsAndRadii()
    {
        var data = ToyDatasets.Circles(30, 0.4, 0.0, new RandomSource(1));
        Assert.Equal(60, data.Count);
        for (int i = 0; i < 60; i++)
        {
            var p = data.FeaturesOf(i);
            Assert.Equal(i < 30 ? 1.0 : 0.4, Math.Sqrt(p[0] * p[0] + p[1] * p[1]), 1e-14);
            Assert.Equal(i < 30 ? 0 : 1, data.Labels[i]);
        }
    }

    [Fact]
    public void GeneratorsAreDeterministicAndTheSeedMatters()
    {
        Assert.True(ToyDatasets.Spirals(20, 4, 0.1, new RandomSource(7)).Features
            .SequenceEqual(ToyDatasets.Spirals(20, 4, 0.1, new RandomSource(7)).Features));
        Assert.False(ToyDatasets.Spirals(20, 4, 0.1, new RandomSource(7)).Features
            .SequenceEqual(ToyDatasets.Spirals(20, 4, 0.1, new RandomSource(8)).Features));
        Assert.True(ToyDatasets.TwoMoons(20, 0.1, new RandomSource(7)).Features
            .SequenceEqual(ToyDatasets.TwoMoons(20, 0.1, new RandomSource(7)).Features));
        Assert.True(ToyDatasets.Circles(20, 0.5, 0.1, new RandomSource(7)).Features
            .SequenceEqual(ToyDatasets.Circles(20, 0.5, 0.1, new RandomSource(7)).Features));
    }

    [Fact]
    public void NoiseHasTheRequestedStandardDeviation()
    {
        // Residuals from the noise-free points are N(0, 0.05^2): 2 x 3 x 2000 draws; the sample std
        // is within 5 standard errors (std / sqrt(2n)) of 0.05.
        var clean = ToyDatasets.Spirals(2000, 3, 0.0, new RandomSource(1));
        var noisy = ToyDatasets.Spirals(2000, 3, 0.05, new RandomSource(1));
        var residuals = noisy.Features.ToArray().Zip(clean.Features.ToArray(), (a, b) => a - b).ToArray();
        double std = Math.Sqrt(residuals.Sum(r => r * r) / residuals.Length);
        Assert.InRange(std, 0.05 * (1 - 5 / Math.Sqrt(2.0 * residuals.Length)), 0.05
            * (1 + 5 / Math.Sqrt(2.0 * residuals.Length)));
    }

    [Fact] public void SpiralsRejectZeroPoints() =>
        Assert.Equal("pointsPerClass",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.Spirals(0, 3, 0, new RandomSource(1))).ParamName);
    [Fact] public void SpiralsRejectOneClass() =>
        Assert.Equal("classes",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.Spirals(5, 1, 0, new RandomSource(1))).ParamName);
    [Fact] public void SpiralsRejectNegativeNoise() =>
        Assert.Equal("noise",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.Spirals(5, 3, -0.1, new RandomSource(1))).ParamName);
    [Fact] public void SpiralsRejectNaNNoise() =>
        Assert.Equal("noise",
        Assert.ThrowsAny<ArgumentException>(() =>
        ToyDatasets.Spirals(5, 3, double.NaN, new RandomSource(1))).ParamName);
    [Fact] public void SpiralsRejectNullRandom() =>
        Assert.Equal("random",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.Spirals(5, 3, 0, null!)).ParamName);
    [Fact] public void TwoMoonsRejectZeroPoints() =>
        Assert.Equal("pointsPerClass",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.TwoMoons(0, 0, new RandomSource(1))).ParamName);
    [Fact] public void TwoMoonsRejectInfiniteNoise() =>
        Assert.Equal("noise",
        Assert.ThrowsAny<ArgumentException>(() =>
        ToyDatasets.TwoMoons(5, double.PositiveInfinity, new RandomSource(1))).ParamName);
    [Fact] public void CirclesRejectFactorOne() =>
        Assert.Equal("factor",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.Circles(5, 1.0, 0, new RandomSource(1))).ParamName);
    [Fact] public void CirclesRejectFactorZero() =>
        Assert.Equal("factor",
        Assert.ThrowsAny<ArgumentException>(() => ToyDatasets.Circles(5, 0.0, 0, new RandomSource(1))).ParamName);
}
