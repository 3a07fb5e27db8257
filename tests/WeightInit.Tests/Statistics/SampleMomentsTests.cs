namespace WeightInit.Tests.Statistics;

/// <summary>
/// SampleMoments against hand-computed moments of small samples, and against the known moments of
/// large seeded samples (excess kurtosis -1.2 for a uniform, 0 for a normal, within 5 standard errors).
/// </summary>
public class SampleMomentsTests
{
    [Fact]
    public void SmallSymmetricSampleHasTheHandComputedMoments()
    {
        // 1, 2, 3, 4: mean 2.5; sum of squared deviations 5, so variance 5/3; m2 = 1.25, m4 = 2.5625,
        // g2 = 2.5625 / 1.5625 - 3 = -1.36; symmetric, so g1 = 0.
        var m = SampleMoments.Of([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(4, m.Count);
        Assert.Equal(2.5, m.Mean, 15);
        Assert.Equal(5.0 / 3.0, m.Variance, 15);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), m.Std, 15);
        Assert.Equal(0.0, m.Skewness, 15);
        Assert.Equal(-1.36, m.ExcessKurtosis, 14);
    }

    [Fact]
    public void SmallSkewedSampleHasTheHandComputedMoments()
    {
        // 0, 0, 0, 1: mean 1/4; m2 = 3/16, m3 = 3/32, m4 = 21/256: g1 = (3/32) / (3/16)^1.5 = 2/sqrt(3), g2 = (21/256)
        // / (9/256) - 3 = -2/3.
        var m = SampleMoments.Of([0.0, 0.0, 0.0, 1.0]);
        Assert.Equal(0.25, m.Mean, 15);
        Assert.Equal(0.25, m.Variance, 15);
        Assert.Equal(2.0 / Math.Sqrt(3.0), m.Skewness, 14);
        Assert.Equal(-2.0 / 3.0, m.ExcessKurtosis, 14);
    }

    [Fact]
    public void ConstantSampleHasZeroVarianceAndUndefinedShape()
    {
        var m = SampleMoments.Of([3.0, 3.0, 3.0]);
        Assert.Equal(3.0, m.Mean);
        Assert.Equal(0.0, m.Variance);
        Assert.True(double.IsNaN(m.Skewness));
        Assert.True(double.IsNaN(m.ExcessKurtosis));
        Assert.Equal(0.0, SampleMoments.Of([7.0]).Variance);
    }

    [Fact]
    public void UniformAndNormalSamplesHaveTheirKurtosis()
    {
        const int n = 200_000;
        double se = Math.Sqrt(24.0 / n); // standard error of g2 for a normal sample; the uniform's is smaller
        var u = new double[n];
        new RandomSource(11).FillUniform(u, -2.0, 2.0);
        var mu = SampleMoments.Of(u);
        Assert.InRange(mu.ExcessKurtosis, -1.2 - 5 * se, -1.2 + 5 * se);
        // Var(x^2)/Var^2 = 9/5 - 1
        Assert.InRange(mu.Variance, 4.0 / 3.0 * (1 - 5 * Math.Sqrt(0.8 / n)), 4.0 / 3.0 * (1 + 5 * Math.Sqrt(0.8 / n)));

        var g = new double[n];
        new RandomSource(12).FillNormal(g, 0.0, 2.0);
        var mg = SampleMoments.Of(g);
        Assert.InRange(mg.ExcessKurtosis, -5 * se, 5 * se);
        Assert.InRange(mg.Skewness, -5 * Math.Sqrt(6.0 / n), 5 * Math.Sqrt(6.0 / n));
    }

    [Fact]
    public void FloatOverloadMatchesTheDoubleOne()
    {
        float[] f = [0.5f, -1.25f, 3f, 2f, -0.75f];
        var wide = f.Select(v => (double)v).ToArray();
        Assert.Equal(SampleMoments.Of(wide), SampleMoments.Of(f));
    }

    [Fact]
    public void BadInputIsRejectedWithTheParameterAndTheIndex()
    {
        var empty = Assert.Throws<ArgumentException>(() => SampleMoments.Of(ReadOnlySpan<double>.Empty));
        Assert.Equal("values", empty.ParamName);
        var nan = Assert.Throws<ArgumentException>(() => SampleMoments.Of([1.0, double.NaN]));
        Assert.Equal("values", nan.ParamName);
        Assert.Contains("values[1]", nan.Message);
        Assert.Throws<ArgumentException>(() => SampleMoments.Of([double.PositiveInfinity]));
    }

    [Fact]
    public void TheVarianceStandardErrorMatchesTheSpreadOfRepeatedEstimates()
    {
        // 400 samples of 1,000 uniform draws: the standard deviation of their 400 variances estimates the true
        // standard error with a relative error of about 1/sqrt(2 * 400) = 3.5%; 5 of those is 18%.
        var random = new RandomSource(seed: 12);
        var sample = new double[1000];
        var variances = new double[400];
        double predicted = 0;
        for (int r = 0; r < variances.Length; r++)
        {
            random.FillUniform(sample, -1.0, 1.0);
            var m = SampleMoments.Of(sample);
            variances[r] = m.Variance;
            predicted += m.VarianceStandardError / variances.Length;
        }
        double observed = SampleMoments.Of(variances).Std;
        Assert.InRange(observed / predicted, 0.82, 1.18);
        Assert.Equal(1.0 / 3 * Math.Sqrt(0.8 / 1000), predicted, 0.1 * predicted);
    }
}
