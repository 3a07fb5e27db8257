namespace WeightInit.Tests.Networks;

/// <summary>
/// <see cref="DeepNetwork"/>: its factories and every rule they check, its weight scales, the variances it states, and
/// the one place its weights are drawn: the same description and seed give the same weights in the simulator (double
/// and float), in the trainer's factory and in LSUV.
/// </summary>
public class DeepNetworkTests
{
    [Fact]
    public void StackAndClassifierSayWhatTheyAre()
    {
        var stack = DeepNetwork.Stack(depth: 3, width: 8, Activation.Tanh, Init.XavierNormal());
        Assert.Equal([8, 8, 8, 8], stack.Widths);
        Assert.Equal(3, stack.Depth);
        Assert.Same(Activation.Tanh, stack.Activation);
        Assert.Same(Activation.Tanh, stack.OutputActivation);
        Assert.IsType<ZerosInitializer>(stack.BiasInitializer);
        Assert.Null(stack.WeightScales);

        int[] widths = [6, 5, 4];
        var classifier = DeepNetwork.Classifier(widths, Activation.ReLU, Init.HeNormal(), Init.Normal(0, 0.1));
        widths[1] = 99; // the description keeps its own copy
        Assert.Equal([6, 5, 4], classifier.Widths);
        Assert.Same(Activation.ReLU, classifier.Activation);
        Assert.Same(Activation.Identity, classifier.OutputActivation);
        Assert.Equal(2, classifier.Depth);
        Assert.Equal([6, 5, 4], DeepNetwork.Stack([6, 5, 4], Activation.ReLU, Init.HeNormal()).Widths);
        Assert.Contains("6-5-4", classifier.ToString());
        Assert.Contains("Identity output", classifier.ToString());
        Assert.Contains("3 layers of 8", stack.ToString());
    }

    private static string Param(Action make) => Assert.ThrowsAny<ArgumentException>(make).ParamName!;

    [Fact]
    public void EveryFactoryRuleIsAnArgumentExceptionNamingTheParameter()
    {
        var w = Init.XavierNormal();
        Assert.Equal("depth", Param(() => DeepNetwork.Stack(0, 4, Activation.Tanh, w)));
        Assert.Equal("width", Param(() => DeepNetwork.Stack(2, -1, Activation.Tanh, w)));
        Assert.Equal("widths", Param(() => DeepNetwork.Stack(null!, Activation.Tanh, w)));
        Assert.Equal("widths", Param(() => DeepNetwork.Stack([4], Activation.Tanh, w)));
        Assert.Equal("widths", Param(() => DeepNetwork.Classifier([4, 0, 2], Activation.Tanh, w)));
        Assert.Equal("activation", Param(() => DeepNetwork.Stack(2, 4, null!, w)));
        Assert.Equal("weights", Param(() => DeepNetwork.Classifier([4, 2], Activation.Tanh, null!)));
        Assert.Equal("width",
            Param(() => DeepNetwork.Stack(1, 50_000, Activation.Tanh, w))); // 50,000^2 weights do not fit one array
        Assert.Equal("widths", Param(() => DeepNetwork.Stack([50_000, 50_000], Activation.Tanh, w)));
    }

    [Fact]
    public void InitializersThatCannotDrawTheLayersTensorsAreRejectedNow()
    {
        var dirac = Assert.ThrowsAny<ArgumentException>(() => DeepNetwork.Stack(2, 4, Activation.Tanh, Init.Dirac()));
        Assert.Equal("weights", dirac.ParamName);
        Assert.Contains("Dirac", dirac.Message);
        // Fan-scaled initializers need a 2-D shape: they cannot draw a bias vector.
        var biases = Assert.ThrowsAny<ArgumentException>(()
            => DeepNetwork.Stack(2, 4, Activation.Tanh, Init.HeNormal(), Init.XavierNormal()));
        Assert.Equal("biases", biases.ParamName);
        Assert.Contains("bias vector", biases.Message);
    }

    [Fact]
    public void WeightScalesAreValidatedCopiedAndLeaveTheOriginalAlone()
    {
        var net = DeepNetwork.Stack(3, 4, Activation.Tanh, Init.XavierNormal());
        double[] scales = [0.5, 2, 1];
        var scaled = net.WithWeightScales(scales);
        scales[0] = 7;
        Assert.Equal([0.5, 2, 1], scaled.WeightScales!);
        Assert.Null(net.WeightScales);
        Assert.Null(scaled.WithWeightScales(null).WeightScales);
        Assert.Same(net.WeightInitializer, scaled.WeightInitializer);
        Assert.Equal("scales", Assert.Throws<ArgumentException>(() => net.WithWeightScales([1.0, 2.0])).ParamName);
        foreach (double bad in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
            Assert.Equal("scales",
                Assert.Throws<ArgumentOutOfRangeException>(() => net.WithWeightScales([1, bad, 1])).ParamName);
    }

    [Fact]
    public void FillWeightsAndBiasesDrawTheDocumentedStreamsScaledAfterTheDraw()
    {
        var net = DeepNetwork.Stack([5, 4, 3], Activation.Tanh, Init.HeUniform(),
            Init.Normal(0, 0.2)).WithWeightScales([1, 0.25]);
        var w = new double[3 * 4];
        net.FillWeights<double>(2, w, seed: 9);
        var expected = new double[3 * 4];
        Init.HeUniform().Fill(expected, [3, 4], new RandomSource(9).Fork(2));
        Assert.Equal(expected.Select(v => v * 0.25), w);
        var b = new double[3];
        net.FillBiases<double>(2, b, seed: 9);
        var expectedB = new double[3];
        Init.Normal(0, 0.2).Fill(expectedB, [3], new RandomSource(9).Fork((1UL << 32) + 2));
        Assert.Equal(expectedB, b);
        // A float draw is the double draw rounded once; the scale multiplies in float.
        var wf = new float[3 * 4];
        net.FillWeights<float>(2, wf, seed: 9);
        var expectedF = new float[3 * 4];
        Init.HeUniform().Fill(expectedF, [3, 4], new RandomSource(9).Fork(2));
        Assert.Equal(expectedF.Select(v => v * 0.25f), wf);

        Assert.Equal("layer",
            Assert.Throws<ArgumentOutOfRangeException>(() => net.FillWeights<double>(0, w, 9)).ParamName);
        Assert.Equal("layer",
            Assert.Throws<ArgumentOutOfRangeException>(() => net.FillBiases<double>(3, b, 9)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => net.FillWeights<double>(1, w, 9)).ParamName);
        Assert.Equal("biases", Assert.Throws<ArgumentException>(() => net.FillBiases<double>(1, b, 9)).ParamName);
    }

    [Fact]
    public void VariancesAreReadFromTheInitializersAndTheScales()
    {
        var he = DeepNetwork.Stack([30, 20, 10], Activation.ReLU, Init.HeNormal(), Init.Normal(0, 0.2));
        Assert.Equal(2.0, he.WeightVariance(1)!.Value, 1e-15);
        Assert.Equal(2.0, he.WeightVariance(2)!.Value, 1e-15);
        Assert.Equal(0.04, he.BiasVariance(2)!.Value, 1e-17);
        // Xavier: Var = 2 / (fan_in + fan_out), so sigma_w^2 = 2 n_in / (n_in + n_out) changes with the widths.
        var xavier = DeepNetwork.Stack([30, 20, 10], Activation.Tanh, Init.XavierNormal());
        Assert.Equal(2.0 * 30 / 50, xavier.WeightVariance(1)!.Value, 1e-15);
        Assert.Equal(2.0 * 20 / 30, xavier.WeightVariance(2)!.Value, 1e-15);
        Assert.Equal(0.0, xavier.BiasVariance(1));
        Assert.Equal(2.0 * 9, he.WithWeightScales([1, 3]).WeightVariance(2)!.Value, 1e-14);
        Assert.Equal(1.7,
            DeepNetwork.Stack(2, 16, Activation.Tanh, Init.Orthogonal(Math.Sqrt(1.7))).WeightVariance(2)!.Value, 1e-14);
        Assert.Null(DeepNetwork.Stack(2, 4, Activation.Tanh, Init.Eye()).WeightVariance(1));
        Assert.Null(DeepNetwork.Stack(2, 4, Activation.Tanh, Init.HeNormal(), Init.Constant(0.1)).BiasVariance(1));
        Assert.Equal("layer", Assert.Throws<ArgumentOutOfRangeException>(() => he.WeightVariance(3)).ParamName);
        Assert.Equal("layer", Assert.Throws<ArgumentOutOfRangeException>(() => he.BiasVariance(0)).ParamName);
    }

    /// <summary>The network every consumer draws below: changing widths, scaled layers, random biases.</summary>
    private static readonly DeepNetwork Shared = DeepNetwork.Classifier([7, 9, 6, 5], Activation.Tanh,
        Init.Orthogonal(1.2), Init.Normal(0, 0.3))
        .WithWeightScales([1.5, 0.5, 2]);

    private const ulong Seed = 77;

    private static double[] Drawn(int layer)
    {
        var w = new double[Shared.Widths[layer] * Shared.Widths[layer - 1]];
        Shared.FillWeights<double>(layer, w, Seed);
        return w;
    }

    [Fact]
    public void TheSimulatorRunsTheDescriptionsWeightsInDoubleAndFloat()
    {
        var kept = DeepNetworkSimulator.Run(Shared,
            new SimulationOptions { BatchSize = 3, Seed = Seed, KeepWeights = true });
        var keptF = DeepNetworkSimulator.Run(Shared,
            new SimulationOptions { BatchSize = 3, Seed = Seed, KeepWeights = true,
                Precision = FloatPrecision.Single });
        for (int l = 1; l <= Shared.Depth; l++)
        {
            Assert.Equal(Drawn(l), kept.Weights![l - 1]);
            var wf = new float[Drawn(l).Length];
            Shared.FillWeights<float>(l, wf, Seed);
            Assert.Equal(wf.Select(v => (double)v), keptF.Weights![l - 1]);
        }
    }

    [Fact]
    public void TheTrainersFactoryBuildsTheDescriptionsWeightsAndBiases()
    {
        foreach (var normalization in Enum.GetValues<Normalization>())
        {
            var network = Network.Create(Shared, seed: Seed, normalization);
            Assert.Equal(Shared.Depth, network.DenseLayers.Count);
            for (int l = 1; l <= Shared.Depth; l++)
            {
                var dense = network.DenseLayers[l - 1];
                Assert.Equal(Drawn(l), dense.Weights.ToArray());
                var b = new double[Shared.Widths[l]];
                Shared.FillBiases<double>(l, b, Seed);
                Assert.Equal(b, dense.Biases.ToArray());
            }
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameFunctionInTheSimulatorAndTheTrainer()
    {
        // A classifier: tanh hidden layers, a linear last layer, in both.
        var options = new SimulationOptions { BatchSize = 4, Seed = Seed };
        var input = options.InputBatch(Shared);
        var simulated = DeepNetworkSimulator.Run(Shared, options);
        var outputs = new double[4 * 5];
        Network.Create(Shared, seed: Seed).Forward(input, 4, outputs);
        for (int i = 0; i < outputs.Length; i++) Assert.Equal(outputs[i], simulated.Output[i], 1e-12);
    }

    [Fact]
    public void NormalizedNetworksPutLinearDenseNormAndActivationInEveryHiddenLayer()
    {
        var network = Network.Create(Shared, seed: Seed, Normalization.BatchNorm);
        Assert.Equal(3 * 2 + 1, network.Layers.Count);
        for (int l = 0; l < 2; l++)
        {
            Assert.Same(Activation.Identity, ((DenseLayer)network.Layers[3 * l]).Activation);
            Assert.IsType<BatchNormLayer>(network.Layers[3 * l + 1]);
            Assert.Same(Activation.Tanh, ((ActivationLayer)network.Layers[3 * l + 2]).Activation);
        }
        Assert.Same(Activation.Identity, ((DenseLayer)network.Layers[^1]).Activation);
        Assert.IsType<LayerNormLayer>(Network.Create(Shared, seed: Seed, Normalization.LayerNorm).Layers[1]);
        var plain = Network.Create(Shared, seed: Seed);
        Assert.All(plain.Layers, l => Assert.IsType<DenseLayer>(l));
        Assert.Same(Activation.Tanh, plain.DenseLayers[0].Activation);
        Assert.Equal("normalization",
            Assert.Throws<ArgumentOutOfRangeException>(()
                => Network.Create(Shared, seed: Seed, (Normalization)9)).ParamName);
        Assert.Throws<ArgumentNullException>("network", () => Network.Create(null!, seed: Seed));
    }

    [Fact]
    public void LsuvNormalizesTheDescriptionsWeights()
    {
        // LSUV's first measurement of layer 1 is the variance of x W_1^T + b_1 with W_1, b_1 the network's own draw.
        var batch = new double[20 * 7];
        new RandomSource(5).FillNormal(batch, 0, 1);
        var result = WeightInit.Theory.Lsuv.Initialize(Shared, Seed, batch, 20);
        var z = new double[20 * 9];
        var b = new double[9];
        Shared.FillBiases<double>(1, b, Seed);
        var w = Drawn(1);
        for (int r = 0; r < 20; r++)
            for (int j = 0; j < 9; j++)
            {
                double s = b[j];
                for (int k = 0; k < 7; k++) s += batch[r * 7 + k] * w[j * 7 + k];
                z[r * 9 + j] = s;
            }
        double mean = z.Average();
        Assert.Equal(z.Sum(v => (v - mean) * (v - mean)) / z.Length, result.VariancesBefore[0], 1e-12);
        // The new description carries the old scales times the found ones.
        for (int l = 0; l < 3; l++) Assert.Equal(Shared.WeightScales![l] * result.Scales[l],
            result.Network.WeightScales![l], 1e-15);
    }
}
