using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Simulation;
using WeightInit.Theory;
using WeightInit.Training;

namespace WeightInit.Tests.Theory;

public class LsuvTests
{
    private static (MultilayerPerceptron Network, double[] Batch) Setup(Activation activation, ulong seed, double bias = 0)
    {
        var network = MultilayerPerceptron.Create([20, 64, 64, 64, 5], activation, Init.Orthogonal(), new RandomSource(seed));
        if (bias != 0) foreach (var layer in network.Layers) layer.Biases.Fill(bias);
        var batch = new double[50 * 20];
        new RandomSource(seed + 1000).FillNormal(batch, 0.5, 3);
        return (network, batch);
    }

    /// <summary>Each layer's pre-activation and activation variance on the batch, computed independently of LSUV.</summary>
    private static (double[] Pre, double[] Post) LayerVariances(MultilayerPerceptron network, double[] batch, int count)
    {
        var pre = new List<double>();
        var post = new List<double>();
        var x = batch;
        foreach (var layer in network.Layers)
        {
            var z = new double[count * layer.OutputWidth];
            for (int r = 0; r < count; r++)
                for (int j = 0; j < layer.OutputWidth; j++)
                {
                    double sum = layer.Biases[j];
                    for (int k = 0; k < layer.InputWidth; k++) sum += x[r * layer.InputWidth + k] * layer.Weights[j * layer.InputWidth + k];
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
        var result = Lsuv.Initialize(network, batch, 50);
        Assert.True(result.Converged);
        var (pre, _) = LayerVariances(network, batch, 50);
        for (int l = 0; l < pre.Length; l++)
        {
            Assert.True(Math.Abs(pre[l] - 1) < 0.1, $"layer {l + 1}: variance {pre[l]}");
            Assert.Equal(pre[l], result.VariancesAfter[l], 1e-9);
        }
        Assert.Equal(result.Iterations.Sum() + 4, result.ForwardPasses);
    }

    [Fact]
    public void ZeroBiasesNeedOneRescalingPerLayer()
    {
        var (network, batch) = Setup(Activation.Tanh, 3);
        var result = Lsuv.Initialize(network, batch, 50);
        Assert.All(result.Iterations, i => Assert.Equal(1, i));
        Assert.All(result.VariancesAfter, v => Assert.Equal(1, v, 1e-12));
        // The first layer's scale is 1 / sqrt of its initial variance.
        Assert.Equal(1 / Math.Sqrt(result.VariancesBefore[0]), result.Scales[0], 1e-12);
    }

    [Fact]
    public void ActivationTargetNormalizesTheActivations()
    {
        var (network, batch) = Setup(Activation.Selu, 5, bias: 0.1);
        var result = Lsuv.Initialize(network, batch, 50, new LsuvOptions { Target = LsuvTarget.Activation, Tolerance = 0.02 });
        var (_, post) = LayerVariances(network, batch, 50);
        Assert.True(result.Converged);
        Assert.All(post, v => Assert.True(Math.Abs(v - 1) < 0.02, $"variance {v}"));
    }

    [Fact]
    public void UnreachableTargetRunsOutOfIterations()
    {
        // A sigmoid's output variance is at most 1/4: the activation target cannot be met.
        var (network, batch) = Setup(Activation.Sigmoid, 5);
        var result = Lsuv.Initialize(network, batch, 50, new LsuvOptions { Target = LsuvTarget.Activation, MaxIterations = 4 });
        Assert.False(result.Converged);
        Assert.Equal(4, result.Iterations[0]);
    }

    [Fact]
    public void SameSeedSameScales()
    {
        var (a, batchA) = Setup(Activation.Gelu, 11, 0.05);
        var (b, batchB) = Setup(Activation.Gelu, 11, 0.05);
        Assert.Equal(Lsuv.Initialize(a, batchA, 50).Scales, Lsuv.Initialize(b, batchB, 50).Scales);
        for (int l = 0; l < a.Layers.Count; l++) Assert.True(a.Layers[l].Weights.SequenceEqual(b.Layers[l].Weights));
    }

    [Theory]
    [InlineData(FloatPrecision.Double)]
    [InlineData(FloatPrecision.Single)]
    public void SimulatorNetworkEndsWithUnitVariance(FloatPrecision precision)
    {
        var options = new SimulationOptions
        {
            Depth = 30, Width = 128, BatchSize = 64, Activation = Activation.Gelu, WeightInitializer = Init.HeNormal(),
            BiasInitializer = Init.Normal(0, 0.1), Precision = precision, Seed = 9,
        };
        var result = Lsuv.ForSimulation(options);
        Assert.True(result.Converged);
        var variances = new double[30];
        DeepNetworkSimulator.Run(options with
        {
            WeightScales = result.Scales,
            PreActivationObserver = (l, z, width) => variances[l - 1] = Variance(z.ToArray()),
        });
        for (int l = 0; l < 30; l++)
        {
            Assert.True(Math.Abs(variances[l] - 1) < 0.1, $"layer {l + 1}: variance {variances[l]}");
            Assert.Equal(result.VariancesAfter[l], variances[l], precision == FloatPrecision.Double ? 1e-9 : 1e-4);
        }
        // Without LSUV, He weights make GELU's signal fade (notebook 06): the last layer is far from 1.
        DeepNetworkSimulator.Run(options with { PreActivationObserver = (l, z, width) => variances[l - 1] = Variance(z.ToArray()) });
        Assert.True(variances[^1] < 0.5, $"He + GELU: last layer variance {variances[^1]}");
    }

    [Fact]
    public void SimulatorWithScalesAlreadySetIsRejected()
    {
        var options = new SimulationOptions { Depth = 2, Width = 8, BatchSize = 4, WeightInitializer = Init.HeNormal(), WeightScales = [1.0, 1.0] };
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Lsuv.ForSimulation(options)).ParamName);
    }

    [Fact]
    public void SimulatorBatchOfOneIsRejected() =>
        Assert.Equal("options.BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Lsuv.ForSimulation(new SimulationOptions { Depth = 2, Width = 8, BatchSize = 1, WeightInitializer = Init.HeNormal() })).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void ToleranceMustBeInZeroToOne(double tolerance)
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("Tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => Lsuv.Initialize(network, batch, 50, new LsuvOptions { Tolerance = tolerance })).ParamName);
    }

    [Fact]
    public void MaxIterationsMustBePositive()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => Lsuv.Initialize(network, batch, 50, new LsuvOptions { MaxIterations = 0 })).ParamName);
    }

    [Fact]
    public void TargetMustBeKnown()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("Target", Assert.Throws<ArgumentOutOfRangeException>(() => Lsuv.Initialize(network, batch, 50, new LsuvOptions { Target = (LsuvTarget)3 })).ParamName);
    }

    [Fact]
    public void BatchOfOneIsRejected()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Lsuv.Initialize(network, batch.AsSpan(0, 20), 1)).ParamName);
    }

    [Fact]
    public void BatchLengthMustMatch()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => Lsuv.Initialize(network, batch, 49)).ParamName);
    }

    [Fact]
    public void BatchMustBeFinite()
    {
        var (network, batch) = Setup(Activation.Tanh, 1);
        batch[7] = double.NaN;
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => Lsuv.Initialize(network, batch, 50)).ParamName);
    }

    [Fact]
    public void ZeroWeightsCannotBeRescaled()
    {
        var network = MultilayerPerceptron.Create([4, 8, 2], Activation.Tanh, Init.Zeros, new RandomSource(1));
        var batch = new double[3 * 4];
        new RandomSource(2).FillNormal(batch, 0, 1);
        var e = Assert.Throws<ArgumentException>(() => Lsuv.Initialize(network, batch, 3));
        Assert.Equal("network", e.ParamName);
        Assert.Contains("Layer 1", e.Message);
    }
}
