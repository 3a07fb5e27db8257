namespace WeightInit.Tests.Convolution;

/// <summary>The reference MNIST-1D networks' shapes, starts, streams and arguments (their training:
/// <see cref="Mnist1dBaselineTests"/>).</summary>
public sealed class Mnist1dNetworksTests
{
    [Fact]
    public void CnnHasTheAuthorsShapes()
    {
        var cnn = Mnist1dNetworks.Cnn(Init.PyTorchLinearDefault(), 1);
        Assert.Equal(5210, cnn.ParameterCount);
        var convs = cnn.Layers.OfType<Conv1dLayer>().ToArray();
        Assert.Equal([19, 10, 5], convs.Select(c => c.OutputLength));
        Assert.Equal(125, cnn.Layers[^1].InputWidth);
        Assert.Equal((40, 10), (cnn.InputWidth, cnn.OutputWidth));
        Assert.All(convs, c => Assert.Same(Activation.ReLU, c.Activation));
        // PyTorch's default start: every weight and bias inside +-1/sqrt(fan_in).
        foreach (var conv in convs)
        {
            double bound = 1 / Math.Sqrt(conv.InputChannels * conv.KernelSize);
            Assert.All(conv.Weights.ToArray(), w => Assert.InRange(Math.Abs(w), 0, bound));
            Assert.All(conv.Biases.ToArray(), b => Assert.InRange(Math.Abs(b), 0, bound));
            Assert.Contains(conv.Biases.ToArray(), b => b != 0);
        }
    }

    [Fact]
    public void MlpHasTheAuthorsShapes()
    {
        var mlp = Mnist1dNetworks.Mlp(Init.HeNormal(), 1, Activation.Tanh);
        Assert.Equal(15210, mlp.ParameterCount);
        Assert.IsType<ResidualBlock>(mlp.Layers[1]);
        Assert.Equal([Activation.Tanh, Activation.Tanh, Activation.Identity],
            mlp.DenseLayers.Select(d => d.Activation));
    }

    [Fact]
    public void SameSeedSameNetwork()
    {
        var a = Mnist1dNetworks.Cnn(Init.HeNormal(), 4);
        var b = Mnist1dNetworks.Cnn(Init.HeNormal(), 4);
        Assert.Equal(0, NetworkComparison.ParameterDistance(a, b));
        Assert.NotEqual(0, NetworkComparison.ParameterDistance(a, Mnist1dNetworks.Cnn(Init.HeNormal(), 5)));
    }

    [Fact]
    public void WeightsAndBiasesComeFromTheSeedsStreamsLayerByLayer()
    {
        // Layer l's weights from stream l of the seed, its biases (PyTorch's U(+-1/sqrt(fan_in))) from 2^32 + l.
        var cnn = Mnist1dNetworks.Cnn(Init.HeNormal(), 7);
        var root = new RandomSource(7);
        var withWeights = cnn.Layers.Where(l => l.Parameters.Count == 2).ToArray();
        Assert.Equal(4, withWeights.Length);
        for (int l = 1; l <= withWeights.Length; l++)
        {
            var (weights, biases) = (withWeights[l - 1].Parameters[0], withWeights[l - 1].Parameters[1]);
            var expected = new double[weights.Length];
            Init.HeNormal().Fill(expected, [.. weights.Shape], root.Fork((ulong)l));
            Assert.Equal(expected, weights.Values.ToArray());
            double bound = 1 / Math.Sqrt(Fans.FromShape([.. weights.Shape]).FanIn);
            var expectedBiases = new double[biases.Length];
            root.Fork((1UL << 32) + (ulong)l).FillUniform(expectedBiases, -bound, bound);
            Assert.Equal(expectedBiases, biases.Values.ToArray());
        }
    }

    [Fact]
    public void VanillaCnnIsDepthConvolutionsAPoolAndAHead()
    {
        var net = Mnist1dNetworks.VanillaCnn(5, 8, Init.DeltaOrthogonal(1.0), Activation.Tanh, 2);
        var convs = net.Layers.OfType<Conv1dLayer>().ToArray();
        Assert.Equal(5, convs.Length);
        Assert.All(convs, c =>
            Assert.Equal((3, 40, PaddingMode.Circular), (c.KernelSize, c.OutputLength, c.PaddingMode)));
        Assert.Equal((1, 8), (convs[0].InputChannels, convs[0].OutputChannels));
        Assert.IsType<GlobalAveragePoolLayer>(net.Layers[5]);
        Assert.Equal((40, 10), (net.InputWidth, net.OutputWidth));
        Assert.All(convs, c => Assert.All(c.Biases.ToArray(), b => Assert.Equal(0.0, b)));
        // Delta-orthogonal kernels, and an orthogonal head (10 x 8: orthonormal rows).
        var head = (DenseLayer)net.Layers[^1];
        for (int a = 0; a < 8; a++)
            for (int b = 0; b < 8; b++)
            {
                double dot = 0;
                for (int r = 0; r < 10; r++) dot += head.Weights[r * 8 + a] * head.Weights[r * 8 + b];
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 1e-12);
            }
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Mnist1dNetworks.VanillaCnn(0, 8, Init.HeNormal(), Activation.Tanh, 1)).ParamName);
        Assert.Equal("channels", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Mnist1dNetworks.VanillaCnn(2, 0, Init.HeNormal(), Activation.Tanh, 1)).ParamName);
    }

    [Fact]
    public void VanillaCnnDrawsEveryBiasFromItsStreamWhenGiven()
    {
        var biases = Init.Normal(0, 0.5);
        var net = Mnist1dNetworks.VanillaCnn(3, 4, Init.HeNormal(), Activation.Tanh, 7, biases: biases);
        var withoutBiases = Mnist1dNetworks.VanillaCnn(3, 4, Init.HeNormal(), Activation.Tanh, 7);
        Layer[] drawn = [.. net.Layers.Where(l => l is Conv1dLayer or DenseLayer)];
        Layer[] zero = [.. withoutBiases.Layers.Where(l => l is Conv1dLayer or DenseLayer)];
        var root = new RandomSource(7);
        for (int l = 1; l <= drawn.Length; l++)
        {
            var values = drawn[l - 1].Parameters[1].Values.ToArray();
            var expected = new double[values.Length];
            biases.Fill<double>(expected, [expected.Length], root.Fork((1UL << 32) + (ulong)l));
            Assert.Equal(expected, values);
            Assert.Contains(values, v => v != 0);
            Assert.All(zero[l - 1].Parameters[1].Values.ToArray(), b => Assert.Equal(0.0, b));
            // The kernels do not depend on the biases.
            Assert.Equal(zero[l - 1].Parameters[0].Values.ToArray(), drawn[l - 1].Parameters[0].Values.ToArray());
        }
    }

    [Fact]
    public void NullArgumentsAreRefused()
    {
        Assert.Equal("weights", Assert.Throws<ArgumentNullException>(() => Mnist1dNetworks.Cnn(null!, 1)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentNullException>(() => Mnist1dNetworks.Mlp(null!, 1)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentNullException>(() =>
            Mnist1dNetworks.VanillaCnn(2, 4, null!, Activation.Tanh, 1)).ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentNullException>(() =>
            Mnist1dNetworks.VanillaCnn(2, 4, Init.HeNormal(), null!, 1)).ParamName);
    }
}
