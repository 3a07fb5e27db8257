using WeightInit.Activations;
using WeightInit.Convolution;
using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Tests.Convolution;

/// <summary>The reference MNIST-1D networks' shapes, starts and arguments (their training: <see cref="Mnist1dBaselineTests"/>).</summary>
public sealed class Mnist1dNetworksTests
{
    [Fact]
    public void Cnn_HasTheAuthorsShapes()
    {
        var cnn = Mnist1dNetworks.Cnn(Init.PyTorchLinearDefault, new RandomSource(1));
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
    public void Mlp_HasTheAuthorsShapes()
    {
        var mlp = Mnist1dNetworks.Mlp(Init.HeNormal(), new RandomSource(1), Activation.Tanh);
        Assert.Equal(15210, mlp.ParameterCount);
        Assert.IsType<ResidualBlock>(mlp.Layers[1]);
        Assert.Equal([Activation.Tanh, Activation.Tanh, Activation.Identity], mlp.DenseLayers.Select(d => d.Activation));
    }

    [Fact]
    public void SameSeed_SameNetwork()
    {
        var a = Mnist1dNetworks.Cnn(Init.HeNormal(), new RandomSource(4));
        var b = Mnist1dNetworks.Cnn(Init.HeNormal(), new RandomSource(4));
        Assert.Equal(0, NetworkComparison.ParameterDistance(a, b));
        Assert.NotEqual(0, NetworkComparison.ParameterDistance(a, Mnist1dNetworks.Cnn(Init.HeNormal(), new RandomSource(5))));
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        Assert.Equal("initializer", Assert.Throws<ArgumentNullException>(() => Mnist1dNetworks.Cnn(null!, new RandomSource(1))).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => Mnist1dNetworks.Mlp(Init.HeNormal(), null!)).ParamName);
    }
}
