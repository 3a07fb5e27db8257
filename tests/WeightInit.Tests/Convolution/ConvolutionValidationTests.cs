namespace WeightInit.Tests.Convolution;

/// <summary>One test per rule of the convolution layers: each bad value throws an ArgumentException naming its
/// parameter.</summary>
public sealed class ConvolutionValidationTests
{
    private static string? Param(Action action) => Assert.ThrowsAny<ArgumentException>(action).ParamName;

    [Fact]
    public void EverySizeMustBePositive()
    {
        Assert.Equal("inputChannels", Param(() => _ = new Conv1dLayer(0, 1, 3, 8, Activation.Tanh)));
        Assert.Equal("outputChannels", Param(() => _ = new Conv1dLayer(1, -1, 3, 8, Activation.Tanh)));
        Assert.Equal("kernelSize", Param(() => _ = new Conv1dLayer(1, 1, 0, 8, Activation.Tanh)));
        Assert.Equal("inputLength", Param(() => _ = new Conv1dLayer(1, 1, 3, 0, Activation.Tanh)));
        Assert.Equal("stride", Param(() => _ = new Conv1dLayer(1, 1, 3, 8, Activation.Tanh, stride: 0, padding: 1)));
        Assert.Equal("activation", Param(() => _ = new Conv1dLayer(1, 1, 3, 8, null!)));
    }

    [Fact]
    public void PaddingMustBeNonNegativeAndTheModeDefined()
    {
        Assert.Equal("padding", Param(() => _ = new Conv1dLayer(1, 1, 3, 8, Activation.Tanh, padding: -1)));
        Assert.Equal("paddingMode", Param(() => _ = new Conv1dLayer(1, 1, 3, 8, Activation.Tanh, (PaddingMode)7)));
    }

    [Fact]
    public void SamePaddingNeedsStrideOne() =>
        Assert.Equal("padding", Param(() => _ = new Conv1dLayer(1, 1, 3, 8, Activation.Tanh, stride: 2)));

    [Fact]
    public void CircularPaddingMayNotExceedTheLength()
    {
        Assert.Equal("padding", Param(() => _ = new Conv1dLayer(1, 1, 3, 4, Activation.Tanh, PaddingMode.Circular,
            padding: 5)));
        Assert.Equal("padding", Param(() => _ = new Conv1dLayer(1, 1, 9, 3, Activation.Tanh, PaddingMode.Circular)));
        _ = new Conv1dLayer(1, 1, 3, 4, Activation.Tanh, PaddingMode.Circular, padding: 4);
    }

    [Fact]
    public void TheKernelMustFitThePaddedInput()
    {
        Assert.Equal("kernelSize", Param(() => _ = new Conv1dLayer(1, 1, 9, 4, Activation.Tanh, padding: 2)));
        _ = new Conv1dLayer(1, 1, 8, 4, Activation.Tanh, padding: 2);
    }

    [Fact]
    public void InitializeChecksItsArguments()
    {
        var layer = new Conv1dLayer(2, 2, 3, 5, Activation.Tanh);
        Assert.Equal("initializer", Param(() => layer.Initialize(null!, new RandomSource(1))));
        Assert.Equal("random", Param(() => layer.Initialize(Init.HeNormal(), null!)));
        Assert.Equal("bias", Param(() => layer.Initialize(Init.HeNormal(), new RandomSource(1), double.NaN)));
    }

    [Fact]
    public void ForwardChecksTheBatch()
    {
        var layer = new Conv1dLayer(2, 3, 3, 5, Activation.Tanh);
        Assert.Equal("inputs", Param(() => layer.Forward(new double[9], 1, new double[15])));
        Assert.Equal("outputs", Param(() => layer.Forward(new double[10], 1, new double[14])));
        Assert.Equal("count", Param(() => layer.Forward([], 0, [])));
    }

    [Fact]
    public void GlobalAveragePoolSizesMustBePositive()
    {
        Assert.Equal("channels", Param(() => _ = new GlobalAveragePoolLayer(0, 3)));
        Assert.Equal("length", Param(() => _ = new GlobalAveragePoolLayer(3, 0)));
    }

    [Fact]
    public void ANetworkChecksThatAConvolutionFitsItsNeighbours() =>
        Assert.Equal("layers", Param(() => _ = new Network([new Conv1dLayer(1, 4, 3, 10, Activation.Tanh),
            new GlobalAveragePoolLayer(4, 9)])));
}
