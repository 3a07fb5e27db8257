namespace WeightInit.Tests.Simulation;

/// <summary>
/// The article's 250-layer linear network, width 512, N(0, 1) weights (each layer multiplies the
/// std by sqrt(512) = 22.6) or weights of std 0.01 (factor 0.226), in both precisions.
/// </summary>
public class ArticleCaseTests
{
    private static SimulationResult Run(FloatPrecision precision, double weightStd, int depth, int batch, ulong seed =
        1) =>
        DeepNetworkSimulator.Run(DeepNetwork.Stack(depth, 512, WeightInit.Activations.Activation.Identity,
            GaussianWeights.Constant(weightStd)),
            new SimulationOptions { BatchSize = batch, Precision = precision, Seed = seed });

    [Fact]
    public void PredictionsMatchTheArticle()
    {
        double factor = LinearNetworkTheory.StdGrowthFactor(512, 1.0);
        Assert.Equal(28.4, LinearNetworkTheory.PredictedOverflowLayer(factor, FloatPrecision.Single)!.Value, 0.05);
        Assert.Equal(227.6, LinearNetworkTheory.PredictedOverflowLayer(factor, FloatPrecision.Double)!.Value, 0.05);
        double small = LinearNetworkTheory.StdGrowthFactor(512, 0.01);
        Assert.Equal(69.5, LinearNetworkTheory.PredictedZeroLayer(small, FloatPrecision.Single)!.Value, 0.05);
        Assert.Equal(501.0, LinearNetworkTheory.PredictedZeroLayer(small, FloatPrecision.Double)!.Value, 0.05);
    }

    /// <summary>
    /// float32: the std crosses float.MaxValue at layer 28.4 (prediction). The largest of the
    /// B x 512 values is 3 to 4.5 stds, i.e. log(3..4.5)/log(22.6) = 0.35..0.48 layers ahead, so the
    /// first infinity appears at layer 28 or 29 (the article, with one vector, saw 29; with 32
    /// vectors it is nearly always 28, with a handful of infinities). Layer 29 (std 22.6^29 = 1.9e39)
    /// is entirely non-finite: once one input of a layer is infinite every output is too.
    /// </summary>
    [Theory]
    [InlineData(1, 1UL)]
    [InlineData(1, 2UL)]
    [InlineData(32, 1UL)]
    public void Float32NormalWeightsOverflowAtLayer28Or29(int batch, ulong seed)
    {
        var r = Run(FloatPrecision.Single, 1.0, 31, batch, seed);
        double predicted =
            LinearNetworkTheory.PredictedOverflowLayer(LinearNetworkTheory.StdGrowthFactor(512, 1.0),
            FloatPrecision.Single)!.Value;
        Assert.InRange(r.FirstNonFiniteLayer!.Value, 28, 29);
        Assert.True(Math.Abs(r.FirstNonFiniteLayer.Value - predicted) < 1);
        for (int l = 0; l < r.FirstNonFiniteLayer; l++) Assert.True(r.Forward[l].AllFinite);
        Assert.Equal(1.0, r.Forward[29].NonFiniteFraction);
        Assert.Equal(1.0, r.Forward[30].NonFiniteFraction);
        // The statistics of the finite values stay finite right up to the overflow (a float sum of squares would not).
        Assert.True(double.IsFinite(r.Forward[27].Std) && r.Forward[27].Std > 1e36);
    }

    /// <summary>
    /// float64: predicted 227.6 for the std, 227.1-227.3 for the largest values, plus a random
    /// walk of log(std) with about 0.03 per layer (1 / sqrt(2 n)), i.e. 0.15 layers after 228:
    /// the first non-finite layer is 228, and the band [227, 229] is several of those deviations wide.
    /// </summary>
    [Fact]
    public void Float64NormalWeightsOverflowNearLayer228()
    {
        var r = Run(FloatPrecision.Double, 1.0, 232, 1);
        double predicted =
            LinearNetworkTheory.PredictedOverflowLayer(LinearNetworkTheory.StdGrowthFactor(512, 1.0),
            FloatPrecision.Double)!.Value;
        Assert.InRange(r.FirstNonFiniteLayer!.Value, 227, 229);
        Assert.True(Math.Abs(r.FirstNonFiniteLayer.Value - predicted) < 1.5);
        for (int l = 0; l < r.FirstNonFiniteLayer; l++) Assert.True(r.Forward[l].AllFinite
            && double.IsFinite(r.Forward[l].Std));
        Assert.Equal(1.0, r.Forward[r.FirstNonFiniteLayer.Value + 1].NonFiniteFraction);
        // Around layer 113 a naive float64 sum of squares overflows (512 values of ~1e152 squared): the statistics here
        // do not.
        Assert.True(double.IsFinite(r.Forward[150].Std) && r.Forward[150].Std > 1e200);
    }

    /// <summary>
    /// Weights of std 0.01 in float32: the std falls below the smallest normal float at layer 58.8 and
    /// to the smallest subnormal (1.4e-45) at 69.5. A product w x of a weight near 0.01 and a value of a
    /// few subnormal units rounds to 0, so once the values are a few units of 1.4e-45 the next layer is
    /// all zero: layer 69, 70 or 71. No exact zero before the values turn subnormal (layer 58).
    /// </summary>
    [Fact]
    public void Float32SmallWeightsVanishToExactZero()
    {
        var r = Run(FloatPrecision.Single, 0.01, 75, 32);
        var factor = LinearNetworkTheory.StdGrowthFactor(512, 0.01);
        Assert.Equal(58.8, LinearNetworkTheory.PredictedSubnormalLayer(factor, FloatPrecision.Single)!.Value, 0.05);
        Assert.InRange(r.FirstAllZeroLayer!.Value, 69, 71);
        for (int l = r.FirstAllZeroLayer.Value; l <= 75; l++) Assert.True(r.Forward[l].AllZero);
        for (int l = 0; l <= 58; l++) Assert.Equal(0.0, r.Forward[l].ZeroFraction);
        Assert.Null(r.FirstNonFiniteLayer);
        Assert.Equal(1.0, r.Forward[75].DeadFraction);
    }

    /// <summary>
    /// The same weights in float64: after 250 layers the std is about 0.226^250 = 4.5e-162, far above
    /// double's smallest subnormal (4.9e-324; predicted zero layer 501.0), so no value is zero. The
    /// band on the std: log(std) random-walks by about 1 / sqrt(2 n) = 0.031 per layer, 0.49 after 250
    /// layers; 5 of those is a factor e^2.45 = 11.6 either way.
    /// </summary>
    [Fact]
    public void Float64SmallWeightsDoNotReachZeroIn250Layers()
    {
        var r = Run(FloatPrecision.Double, 0.01, 250, 32);
        Assert.Null(r.FirstAllZeroLayer);
        Assert.All(r.Forward, s => Assert.Equal(0.0, s.ZeroFraction));
        double predicted =
            LinearNetworkTheory.PredictedStd(LinearNetworkTheory.StdGrowthFactor(512, 0.01), 250, r.Forward[0].Std);
        Assert.InRange(predicted, 4e-162, 5e-162);
        Assert.InRange(r.Forward[250].Std, predicted / 11.6, predicted * 11.6);
        Assert.True(r.Forward[250].Std > 0 && r.Forward[250].RootMeanSquare > 0);
    }
}
