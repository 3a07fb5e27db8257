namespace WeightInit.Tests.Convolution;

/// <summary>The deep CNN's description: its draws come from the documented streams, its variances from the
/// initializers, and every rule names its parameter.</summary>
public sealed class DeepConvNetworkTests
{
    [Fact]
    public void KernelsAndBiasesComeFromTheSeedsStreams()
    {
        var net = DeepConvNetwork.Stack(3, 4, 10, Activation.Tanh, Init.HeNormal(), Init.Normal(0, 0.2), kernelSize: 5);
        Assert.Equal([4, 4, 5], net.KernelShape);
        Assert.Equal(40, net.Size);
        for (int l = 1; l <= 3; l++)
        {
            var kernel = new double[80];
            net.FillKernel(l, kernel, seed: 9);
            var expected = new double[80];
            Init.HeNormal().Fill(expected, [4, 4, 5], new RandomSource(9).Fork((ulong)l));
            Assert.Equal(expected, kernel);
            var biases = new double[4];
            net.FillBiases(l, biases, seed: 9);
            var expectedBiases = new double[4];
            Init.Normal(0, 0.2).Fill(expectedBiases, [4], new RandomSource(9).Fork((1UL << 32) + (ulong)l));
            Assert.Equal(expectedBiases, biases);
        }
    }

    [Fact]
    public void VariancesAreTheInitializersTimesTheFanIn()
    {
        Assert.Equal(2.0, DeepConvNetwork.Stack(2, 8, 16, Activation.ReLU, Init.HeNormal()).WeightVariance!.Value,
            1e-15);
        var delta = DeepConvNetwork.Stack(2, 8, 16, Activation.Tanh, Init.DeltaOrthogonal(1.3), Init.Normal(0, 0.1));
        Assert.Equal(1.69, delta.WeightVariance!.Value, 1e-14);
        Assert.Equal(0.01, delta.BiasVariance!.Value, 1e-17);
        var dirac = DeepConvNetwork.Stack(2, 8, 16, Activation.Tanh, Init.Dirac());
        Assert.Null(dirac.WeightVariance);
        Assert.Equal(0.0, dirac.BiasVariance);
        Assert.Equal("2 convolutions of 8 channels x 16, k=3, Circular padding, Tanh, kernels Dirac, biases Zeros",
            dirac.ToString());
    }

    [Fact]
    public void EveryRuleIsChecked()
    {
        var f = Activation.Tanh;
        var w = Init.HeNormal();
        string? Param(Action make) => Assert.ThrowsAny<ArgumentException>(make).ParamName;
        Assert.Equal("depth", Param(() => DeepConvNetwork.Stack(0, 4, 8, f, w)));
        Assert.Equal("channels", Param(() => DeepConvNetwork.Stack(1, 0, 8, f, w)));
        Assert.Equal("length", Param(() => DeepConvNetwork.Stack(1, 4, 0, f, w)));
        Assert.Equal("kernelSize", Param(() => DeepConvNetwork.Stack(1, 4, 8, f, w, kernelSize: 0)));
        Assert.Equal("kernelSize", Param(() => DeepConvNetwork.Stack(1, 4, 8, f, w, kernelSize: 19)));
        Assert.Equal("padding", Param(() => DeepConvNetwork.Stack(1, 4, 8, f, w, padding: (PaddingMode)5)));
        Assert.Equal("activation", Param(() => DeepConvNetwork.Stack(1, 4, 8, null!, w)));
        Assert.Equal("weights", Param(() => DeepConvNetwork.Stack(1, 4, 8, f, null!)));
        var even = Assert.Throws<ArgumentException>(() =>
            DeepConvNetwork.Stack(1, 4, 8, f, Init.DeltaOrthogonal(), kernelSize: 4));
        Assert.Equal("weights", even.ParamName);
        Assert.Contains("odd", even.Message, StringComparison.Ordinal);
        Assert.Equal("biases", Param(() => DeepConvNetwork.Stack(1, 4, 8, f, w, Init.Dirac())));
        Assert.Equal("channels", Param(() => DeepConvNetwork.Stack(1, 1 << 16, 8, f, w)));
        var net = DeepConvNetwork.Stack(2, 4, 8, f, w);
        Assert.Equal("layer", Param(() => net.FillKernel(0, new double[48], 1)));
        Assert.Equal("layer", Param(() => net.FillBiases(3, new double[4], 1)));
        Assert.Equal("kernel", Param(() => net.FillKernel(1, new double[47], 1)));
        Assert.Equal("biases", Param(() => net.FillBiases(1, new double[5], 1)));
    }
}
