using WeightInit.Tests.Training;

namespace WeightInit.Tests.Scaling;

/// <summary>
/// muP of a plain network (<see cref="MaximalUpdateNetwork"/>): its table at two widths against Tensor Programs V's
/// Table 3 (Adam column), the drawn weights against the description's, the learning-rate multipliers Adam applies,
/// determinism and bad input.
/// </summary>
public sealed class MaximalUpdateNetworkTests
{
    private const int BaseWidth = 64;

    private static DeepNetwork Mlp(int width, IWeightInitializer? weights = null) =>
        DeepNetwork.Classifier([64, width, width, 10], Activation.ReLU, weights ?? Init.HeNormal(),
            Init.Normal(0, 0.1));

    private static double[] WeightsOf(Network network, int layer) => network.DenseLayers[layer - 1].Weights.ToArray();

    [Theory]
    [InlineData(128, 512)]
    [InlineData(96, 384)]
    public void TheTableAtTwoWidthsHasTableThreesRatios(int narrow, int wide)
    {
        // He normal draws every layer with variance 2 / fan_in; Table 3 wants 1/fan_in for the input and hidden
        // layers and 1/fan_in^2 for the readout; Adam's rates 1, 1/fan_in, 1/fan_in. From width n to 4n: input std
        // and rate unchanged, hidden std / 2 and rate / 4, readout std / 4 and rate / 4.
        var a = MaximalUpdateNetwork.For(Mlp(narrow), BaseWidth).Layers;
        var b = MaximalUpdateNetwork.For(Mlp(wide), BaseWidth, zeroReadout: false).Layers;
        Assert.Equal([MaximalUpdateRole.Input, MaximalUpdateRole.Hidden, MaximalUpdateRole.Output],
            b.Select(r => r.Role));
        Assert.Equal([1.0, (double)wide / BaseWidth, (double)wide / BaseWidth], b.Select(r => r.WidthMultiplier));
        Assert.Equal(1.0, b[0].EntryStd / Math.Sqrt(2.0 / 64), 14);
        Assert.Equal(1.0, b[1].EntryStd / Math.Sqrt(2.0 / wide), 14);
        Assert.Equal(1.0, b[2].EntryStd / (Math.Sqrt(2.0 / BaseWidth) * BaseWidth / wide), 14);
        Assert.Equal([1.0, (double)BaseWidth / wide, (double)BaseWidth / wide],
            b.Select(r => r.LearningRateMultiplier));
        var c = MaximalUpdateNetwork.For(Mlp(narrow), BaseWidth, zeroReadout: false).Layers;
        Assert.Equal(1.0, c[0].EntryStd / b[0].EntryStd, 14);
        Assert.Equal(2.0, c[1].EntryStd / b[1].EntryStd, 14);
        Assert.Equal(4.0, c[2].EntryStd / b[2].EntryStd, 14);
        Assert.Equal([1.0, 4.0, 4.0], c.Zip(b, (x, y) => x.LearningRateMultiplier / y.LearningRateMultiplier));
        // The zero readout changes the readout's start only: std 0, the same rate.
        Assert.Equal(0.0, a[2].EntryStd);
        Assert.Equal(0.0, a[2].WeightScale);
        Assert.Equal(c[2].LearningRateMultiplier, a[2].LearningRateMultiplier);
    }

    [Fact]
    public void AConstantStdDescriptionGetsNanoGptMupsFactors()
    {
        // N(0, 0.02^2) everywhere (GPT-2's start) is not a fan-in initializer: muP scales the hidden weights by
        // 1/sqrt(m) and the readout by 1/m, as EleutherAI's nanoGPT-mup does with init_std / sqrt(m).
        var rows = MaximalUpdateNetwork.For(Mlp(256, Init.Normal(0, 0.02)), BaseWidth, zeroReadout: false).Layers;
        Assert.Equal([1.0, 0.5, 0.25], rows.Select(r => r.WeightScale));
        Assert.Equal(0.02, rows[0].EntryStd, 15);
        Assert.Equal(0.01, rows[1].EntryStd, 15);
        Assert.Equal(0.005, rows[2].EntryStd, 15);
    }

    [Fact]
    public void AFanAverageDescriptionGetsTheBaseVarianceInItsInputLayer()
    {
        // Xavier's variance 2 / (fan_in + fan_out) shrinks with the width in the input layer too; muP keeps the
        // input layer at its base value 2 / (64 + 64).
        var rows = MaximalUpdateNetwork.For(Mlp(448, Init.XavierNormal()), BaseWidth, zeroReadout: false).Layers;
        Assert.Equal(Math.Sqrt(2.0 / 128), rows[0].EntryStd, 15);
        Assert.Equal(Math.Sqrt(2.0 / 128) / Math.Sqrt(7), rows[1].EntryStd, 15);
        Assert.Equal(Math.Sqrt(2.0 / (10 + 64)) / 7, rows[2].EntryStd, 15);
        Assert.Equal(Math.Sqrt((448.0 + 64) / 128), rows[0].WeightScale, 14);
    }

    [Theory]
    [InlineData(64, 3ul)]
    [InlineData(80, 4ul)]
    public void AtTheBaseWidthTheNetworkIsTheDescriptionsBitForBit(int width, ulong seed)
    {
        var description = Mlp(width);
        var mup = MaximalUpdateNetwork.For(description, baseWidth: width, zeroReadout: false);
        Assert.All(mup.Layers, r => Assert.Equal(1.0, r.WeightScale));
        var a = mup.Create(seed);
        var b = Network.Create(description, seed);
        Assert.Equal(b.Parameters.Count, a.Parameters.Count);
        for (int p = 0; p < a.Parameters.Count; p++)
        {
            Assert.Equal(b.Parameters[p].Values.ToArray(), a.Parameters[p].Values.ToArray());
            Assert.Equal(1.0, a.Parameters[p].LearningRateMultiplier);
        }
    }

    [Theory]
    [InlineData(192)]
    [InlineData(1024)]
    public void TheWeightsAreTheDescriptionsDrawTimesTheTablesFactor(int width)
    {
        // Same seed, same streams: with He normal the input and hidden layers are the standard parametrization's
        // bit for bit (their factor is 1 to rounding), the readout is its draw times 1/sqrt(m), one multiply each.
        var description = Mlp(width);
        var mup = MaximalUpdateNetwork.For(description, BaseWidth, zeroReadout: false);
        var network = mup.Create(11);
        var standard = Network.Create(description, 11);
        Assert.Equal(WeightsOf(standard, 1), WeightsOf(network, 1));
        Assert.Equal(WeightsOf(standard, 2), WeightsOf(network, 2));
        double factor = mup.Layers[2].WeightScale;
        Assert.Equal(1 / Math.Sqrt((double)width / BaseWidth), factor, 15);
        Assert.Equal(WeightsOf(standard, 3).Select(w => w * factor), WeightsOf(network, 3));
        for (int l = 1; l <= 3; l++)
            Assert.Equal(standard.DenseLayers[l - 1].Biases.ToArray(), network.DenseLayers[l - 1].Biases.ToArray());
        double m = (double)width / BaseWidth;
        Assert.Equal([1.0, 1, 1 / m, 1, 1 / m, 1], network.Parameters.Select(p => p.LearningRateMultiplier));
    }

    [Fact]
    public void TheZeroReadoutStartsAtZeroAndKeepsItsBiases()
    {
        var description = Mlp(256);
        var network = MaximalUpdateNetwork.For(description, BaseWidth).Create(5);
        var standard = Network.Create(description, 5);
        Assert.All(WeightsOf(network, 3), w => Assert.Equal(0.0, w));
        Assert.Equal(standard.DenseLayers[2].Biases.ToArray(), network.DenseLayers[2].Biases.ToArray());
        Assert.Equal(WeightsOf(standard, 2), WeightsOf(network, 2));
    }

    [Fact]
    public void TheDrawnHiddenWeightsHaveTheTablesStd()
    {
        // N(0, 0.02^2) at width 512 (m = 8): hidden entries should have std 0.02 / sqrt(8). The sample std of
        // N = 262,144 normal entries has relative standard error 1 / sqrt(2N) = 0.0014; allow 5 of them.
        var mup = MaximalUpdateNetwork.For(Mlp(512, Init.Normal(0, 0.02)), BaseWidth, zeroReadout: false);
        var weights = WeightsOf(mup.Create(21), 2);
        double std = Math.Sqrt(weights.Sum(w => w * w) / weights.Length);
        Assert.Equal(1.0, std / mup.Layers[1].EntryStd, 5 / Math.Sqrt(2.0 * weights.Length));
    }

    [Fact]
    public void AdamMovesEachLayerByItsOwnRate()
    {
        // Adam's first step is eta * multiplier * g / (|g| + epsilon): at most eta * multiplier, and equal to it to
        // 1e-6 for any |g| above 0.01 (epsilon 1e-8). So the largest move of each weight matrix is its rate.
        int width = 256;
        double eta = 1e-3, m = (double)width / BaseWidth;
        var network = MaximalUpdateNetwork.For(Mlp(width), BaseWidth, zeroReadout: false).Create(2);
        var before = Enumerable.Range(1, 3).Select(l => WeightsOf(network, l)).ToArray();
        var options = new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = eta, BatchSize = 64 };
        new Trainer(network, Loss.SoftmaxCrossEntropy, options).TrainSteps(DigitsFixture.Split.Train, 1);
        double[] rates = [eta, eta / m, eta / m];
        for (int l = 1; l <= 3; l++)
        {
            double largest = WeightsOf(network, l).Zip(before[l - 1], (w, w0) => Math.Abs(w - w0)).Max();
            Assert.InRange(largest / rates[l - 1], 1 - 1e-6, 1 + 1e-9);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameNetwork()
    {
        var mup = MaximalUpdateNetwork.For(Mlp(128, Init.XavierNormal()), BaseWidth, zeroReadout: false);
        var a = mup.Create(8);
        var b = mup.Create(8);
        var c = mup.Create(9);
        for (int p = 0; p < a.Parameters.Count; p++)
            Assert.Equal(a.Parameters[p].Values.ToArray(), b.Parameters[p].Values.ToArray());
        Assert.NotEqual(WeightsOf(a, 2), WeightsOf(c, 2));
    }

    [Fact]
    public void TheDescriptionsOwnScalesAreKept()
    {
        var description = Mlp(256).WithWeightScales([0.5, 2, 3]);
        var mup = MaximalUpdateNetwork.For(description, BaseWidth, zeroReadout: false);
        var network = mup.Create(4);
        var standard = Network.Create(description, 4);
        Assert.Equal(WeightsOf(standard, 2), WeightsOf(network, 2));
        Assert.Equal(Math.Sqrt(2.0 / 64) * 0.5, mup.Layers[0].EntryStd, 15);
        Assert.Equal(Math.Sqrt(2.0 / 256) * 2, mup.Layers[1].EntryStd, 15);
    }

    [Fact]
    public void BadInputIsRefusedByName()
    {
        Assert.Throws<ArgumentNullException>(() => MaximalUpdateNetwork.For(null!, BaseWidth));
        Assert.Equal("baseWidth", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MaximalUpdateNetwork.For(Mlp(128), 0)).ParamName);
        var oneLayer = DeepNetwork.Classifier([64, 10], Activation.Identity, Init.HeNormal());
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            MaximalUpdateNetwork.For(oneLayer, BaseWidth)).ParamName);
        foreach (var weights in new IWeightInitializer[] { Init.Constant(0.1), Init.Zeros(), Init.Ones() })
            Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
                MaximalUpdateNetwork.For(Mlp(128, weights), BaseWidth)).ParamName);
    }
}
