namespace WeightInit.Tests.Theory;

public class LsuvTests
{
    private const ulong Seed = 7;

    private static (DeepNetwork Network, double[] Batch) Setup(Activation activation, ulong seed, double bias = 0)
    {
        var network = DeepNetwork.Classifier([20, 64, 64, 64, 5], activation, Init.Orthogonal(),
            bias != 0 ? Init.Constant(bias) : null);
        var batch = new double[50 * 20];
        new RandomSource(seed + 1000).FillNormal(batch, 0.5, 3);
        return (network, batch);
    }

    /// <summary>
    /// Each layer's pre-activation and activation variance on the batch, computed independently of LSUV, in the
    /// trainable network the description builds for the seed.
    /// </summary>
    private static (double[] Pre, double[] Post) LayerVariances(DeepNetwork description, ulong seed, double[] batch,
        int count)
    {
        var pre = new List<double>();
        var post = new List<double>();
        var x = batch;
        foreach (var layer in Network.Create(description, seed: seed).DenseLayers)
        {
            var z = new double[count * layer.OutputWidth];
            for (int r = 0; r < count; r++)
                for (int j = 0; j < layer.OutputWidth; j++)
                {
                    double sum = layer.Biases[j];
                    for (int k = 0; k < layer.InputWidth; k++) sum += x[r * layer.InputWidth + k]
                        * layer.Weights[j * layer.InputWidth + k];
                    z[r * layer.OutputWidth + j] = sum;
                }
            var a = z.Select(layer.Activation.Apply).ToArray();
            pre.Add(Variance(z));
            post.Add(Variance(a));
            x = a;
        }
        return ([.. pre], [.. post]);
    }

    private static double Variance(double[] v)
    {
        double m = v.Average();
        return v.Sum(x => (x - m) * (x - m)) / v.Length;
    }

    [Theory]
    [InlineData("GELU", 0.0)]
    [InlineData("Swish", 0.0)]
    [InlineData("SELU", 0.0)]
    [InlineData("Tanh", 0.0)]
    [InlineData("ReLU", 0.3)]
    public void EveryLayerEndsWithUnitVarianceOnTheBatch(string activation, double bias)
    {
        var (network, batch) = Setup(Activation.FromName(activation), 7, bias);
        var result = Lsuv.Initialize(network, Seed, batch, 50);
        Assert.True(result.Converged);
        var (pre, _) = LayerVariances(result.Network, Seed, batch, 50);
        for (int l = 0; l < pre.Length; l++)
        {
            Assert.True(Math.Abs(pre[l] - 1) < 0.1, $"layer {l + 1}: variance {pre[l]}");
            Assert.Equal(pre[l], result.VariancesAfter[l], 1e-9);
        }
        Assert.Equal(result.Iterations.Sum() + 4, result.ForwardPasses);
        Assert.Equal(result.Scales, result.Network.WeightScales!);
        Assert.Same(network.WeightInitializer, result.Network.WeightInitializer);
        Assert.Null(network.WeightScales); // the input description is unchanged
    }

    [Fact]
    public void ZeroBiasesNeedOneRescalingPerLayer()
    {
        var (network, batch) = Setup(Activation.Tanh, 3);
        var result = Lsuv.Initialize(network, Seed, batch, 50);
        Assert.All(result.Iterations, i => Assert.Equal(1, i));
        Assert.All(result.VariancesAfter, v => Assert.Equal(1, v, 1e-12));
        // The first layer's scale is 1 / sqrt of its initial variance.
        Assert.Equal(1 / Math.Sqrt(result.VariancesBefore[0]), result.Scales[0], 1e-12);
    }

    [Fact]
    public void ActivationTargetNormalizesTheActivations()
    {
        var (network, batch) = Setup(Activation.Selu, 5, bias: 0.1);
        var result = Lsuv.Initialize(network, Seed, batch, 50,
            new LsuvOptions { Target = LsuvTarget.Activation, Tolerance = 0.02 });
        var (_, post) = LayerVariances(result.Network, Seed, batch, 50);
        Assert.True(result.Converged);
        Assert.All(post, v => Assert.True(Math.Abs(v - 1) < 0.02, $"variance {v}"));
    }

    [Fact]
    public void UnreachableTargetRunsOutOfIterations()
    {
        // A sigmoid's output variance is at most 1/4: the activation target cannot be met.
        var (network, batch) = Setup(Activation.Sigmoid, 5);
        var result = Lsuv.Initialize(network, Seed, batch, 50,
            new LsuvOptions { Target = LsuvTarget.Activation, MaxIterations = 4 });
        Assert.False(result.Converged);
        Assert.Equal(4, result.Iterations[0]);
    }

    [Fact]
    public void SameSeedSameScalesAndAnotherSeedOthers()
    {
        var (network, batch) = Setup(Activation.Gelu, 11, 0.05);
        Assert.Equal(Lsuv.Initialize(network, Seed, batch, 50).Scales,
            Lsuv.Initialize(network, Seed, batch, 50).Scales);
        Assert.NotEqual(Lsuv.Initialize(network, Seed, batch, 50).Scales,
            Lsuv.Initialize(network, Seed + 1, batch, 50).Scales);
    }

    [Fact]
    public void ScalesAlreadySetAreMultipliedByTheOnesFound()
    {
        // LSUV on a network whose layers are already scaled finds the factors that bring those weights to unit
        // variance.
        var (network, batch) = Setup(Activation.Tanh, 3);
        var first = Lsuv.Initialize(network, Seed, batch, 50);
        var scaled = network.WithWeightScales([2, 0.5, 3, 1]);
        var second = Lsuv.Initialize(scaled, Seed, batch, 50);
        for (int l = 0; l < 4; l++)
        {
            Assert.Equal(first.Network.WeightScales![l], second.Network.WeightScales![l], 1e-12);
            Assert.Equal(first.Scales[l] / scaled.WeightScales![l], second.Scales[l], 1e-12);
        }
    }

    [Theory]
    [InlineData(FloatPrecision.Double)]
    [InlineData(FloatPrecision.Single)]
    public void TheReturnedDescriptionHasUnitVarianceInTheSimulator(FloatPrecision precision)
    {
        var network = DeepNetwork.Stack(30, 128, Activation.Gelu, Init.HeNormal(), Init.Normal(0, 0.1));
        var options = new SimulationOptions { BatchSize = 64, Precision = precision, Seed = 9 };
        var result = Lsuv.Initialize(network, options.Seed, options.InputBatch(network), options.BatchSize);
        Assert.True(result.Converged);
        var variances = new double[30];
        var observe = options with { PreActivationObserver = (l, z, width)
            => variances[l - 1] = Variance(z.ToArray()) };
        DeepNetworkSimulator.Run(result.Network, observe);
        for (int l = 0; l < 30; l++)
        {
            Assert.True(Math.Abs(variances[l] - 1) < 0.1, $"layer {l + 1}: variance {variances[l]}");
            Assert.Equal(result.VariancesAfter[l], variances[l], precision == FloatPrecision.Double ? 1e-9 : 1e-4);
        }
        // Without LSUV, He weights make GELU's signal fade (notebook 06): the last layer is far from 1.
        DeepNetworkSimulator.Run(network, observe);
        Assert.True(variances[^1] < 0.5, $"He + GELU: last layer variance {variances[^1]}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void ToleranceMustBeInZeroToOne(double tolerance)
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("Tolerance", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Lsuv.Initialize(network, Seed, batch, 50, new LsuvOptions { Tolerance = tolerance })).ParamName);
    }

    [Fact]
    public void MaxIterationsMustBePositive()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Lsuv.Initialize(network, Seed, batch, 50, new LsuvOptions { MaxIterations = 0 })).ParamName);
    }

    [Fact]
    public void TargetMustBeKnown()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("Target", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Lsuv.Initialize(network, Seed, batch, 50, new LsuvOptions { Target = (LsuvTarget)3 })).ParamName);
    }

    [Fact]
    public void BatchOfOneIsRejected()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("count",
            Assert.Throws<ArgumentOutOfRangeException>(()
            => Lsuv.Initialize(network, Seed, batch.AsSpan(0, 20), 1)).ParamName);
    }

    [Fact]
    public void BatchLengthMustMatch()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("inputs",
            Assert.Throws<ArgumentException>(() => Lsuv.Initialize(network, Seed, batch, 49)).ParamName);
    }

    [Fact]
    public void BatchMustBeFinite()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        batch[7] = double.NaN;
        Assert.Equal("inputs",
            Assert.Throws<ArgumentException>(() => Lsuv.Initialize(network, Seed, batch, 50)).ParamName);
        Assert.Throws<ArgumentNullException>("network", () => Lsuv.Initialize(null!, Seed, batch, 50));
    }

    [Fact]
    public void ZeroWeightsCannotBeRescaled()
    {
        var network = DeepNetwork.Classifier([4, 8, 2], Activation.Tanh, Init.Zeros());
        var batch = new double[3 * 4];
        new RandomSource(2).FillNormal(batch, 0, 1);
        var e = Assert.Throws<ArgumentException>(() => Lsuv.Initialize(network, Seed, batch, 3));
        Assert.Equal("network", e.ParamName);
        Assert.Contains("Layer 1", e.Message);
    }
}
