using WeightInit.Tests.Support;
using WeightInit.Tests.Training;
using Xunit.Abstractions;

namespace WeightInit.Tests.Convolution;

/// <summary>
/// The 1-D convolution and the global average pool: forward passes against the scalar definition
/// (<see cref="ReferenceConvolution"/>), backpropagation against central finite differences under
/// <see cref="FiniteDifference"/>'s rule (the dense layers' one), PyTorch's output lengths, the fans of the
/// (out, in, k) weights, and one test per argument rule.
/// </summary>
public sealed class ConvolutionLayerTests(ITestOutputHelper output)
{
    private const int Count = 3, Classes = 3;

    /// <summary>(in channels, length, out channels, kernel, stride, padding or -1 for "same", circular).</summary>
    public static TheoryData<int, int, int, int, int, int, bool> Geometries => new()
    {
        { 2, 7, 3, 3, 1, -1, false },
        { 2, 7, 3, 3, 1, -1, true },
        { 1, 6, 2, 4, 1, -1, false },  // even kernel: 1 padded position on the left, 2 on the right
        { 2, 6, 2, 4, 1, -1, true },
        { 3, 5, 2, 1, 1, -1, false },  // a 1-tap kernel: a dense layer per position
        { 1, 9, 2, 5, 2, 1, false },   // stride 2, padding 1: MNIST-1D's first CNN layer
        { 2, 8, 2, 3, 3, 2, true },
        { 2, 4, 2, 4, 1, 4, true },    // circular padding of the whole length
        { 1, 3, 2, 5, 1, 2, false },   // a kernel longer than the signal
        // The small-patch kernels (C_in k <= 8, L_out at least a register): one input channel, stride 2, zero and
        // circular padding of 0, 1 and 2; two channels; "same".
        { 1, 40, 3, 5, 2, 1, false },
        { 1, 40, 3, 5, 2, 1, true },
        { 1, 40, 2, 5, 2, 0, false },
        { 1, 42, 2, 5, 2, 2, true },
        { 1, 36, 2, 5, 2, 2, false },
        { 2, 40, 3, 3, 2, 1, false },
        { 1, 24, 3, 3, 1, -1, true },
    };

    private static Conv1dLayer Conv(int cin, int length, int cout, int k, int stride, int padding, bool circular,
        Activation activation) =>
        new(cin, cout, k, length, activation, circular ? PaddingMode.Circular : PaddingMode.Zeros, stride,
            padding < 0 ? null : padding);

    private static T Randomize<T>(T layer, RandomSource random) where T : Layer
    {
        foreach (var p in layer.Parameters) random.FillNormal(p.Values, 0, 0.5);
        return layer;
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardMatchesTheDefinition(int cin, int length, int cout, int k, int stride, int padding,
        bool circular)
    {
        var random = new RandomSource(7);
        var layer = Randomize(Conv(cin, length, cout, k, stride, padding, circular, Activation.Tanh), random);
        var x = new double[5 * layer.InputWidth];
        random.FillNormal(x, 0, 1);
        var y = new double[5 * layer.OutputWidth];
        layer.Forward(x, 5, y);
        var expected = ReferenceConvolution.Forward(layer, x, 5);
        for (int i = 0; i < y.Length; i++) Assert.Equal(expected[i], y[i], 1e-12);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void BackpropagationMatchesCentralDifferences(int cin, int length, int cout, int k, int stride, int padding,
        bool circular)
    {
        // Two convolutions of this geometry in a row, so that the second one's input gradient (the fold) feeds the
        // first one's parameters; then a pool or a flatten, and a dense classifier.
        var random = new RandomSource(20261206);
        var first = Randomize(Conv(cin, length, cin, k, stride, padding, circular, Activation.Tanh), random);
        var second = Randomize(Conv(cin, first.OutputLength, cout, k, stride, padding, circular, Activation.Gelu),
            random);
        Layer[] layers = stride == 1
            ? [first, second, new GlobalAveragePoolLayer(cout, second.OutputLength),
                Randomize(new DenseLayer(cout, Classes, Activation.Identity), random)]
            : [first, second, Randomize(new DenseLayer(second.OutputWidth, Classes, Activation.Identity), random)];
        var network = new Network(layers);
        var inputs = new double[Count * network.InputWidth];
        random.FillNormal(inputs, 0, 1);
        int[] labels = [0, 2, 1];
        double Reference() => ReferenceLayers.SoftmaxLoss(ReferenceConvolution.Forward(network.Layers, inputs, Count),
            labels, Count, Classes);

        var (checkedCount, worst) = FiniteDifference.AssertBackpropagationMatches(network, inputs, labels, Count,
            Loss.SoftmaxCrossEntropy, Reference, first.ToString());
        output.WriteLine($"{second}: {checkedCount} parameters, worst relative error {worst:E2}");
    }

    [Fact]
    public void InputGradientIsTheAdjointOfTheForwardMap()
    {
        // For a linear convolution without bias, <y', conv(x)> = <conv^T(y'), x> for any x and y'.
        var random = new RandomSource(3);
        foreach (var circular in new[] { false, true })
        {
            var layer = Randomize(Conv(3, 10, 4, 3, 2, 1, circular, Activation.Identity), random);
            layer.Biases.Clear();
            var network = new Network([layer]);
            var x = new double[2 * layer.InputWidth];
            random.FillNormal(x, 0, 1);
            var y = new double[2 * layer.OutputWidth];
            network.Forward(x, 2, y);
            // Backward through the layer directly: d/dx of sum(y' * conv(x)) is conv^T(y').
            var weightsOfOutputs = new double[y.Length];
            random.FillNormal(weightsOfOutputs, 0, 1);
            layer.ForwardCore(x, 2, y, PassContext.Training);
            var g = (double[])weightsOfOutputs.Clone();
            var dx = new double[x.Length];
            layer.BackwardCore(x, g, 2, dx, [new double[layer.Weights.Length], new double[layer.Biases.Length]],
                PassContext.Training);
            double left = 0, right = 0;
            for (int i = 0; i < y.Length; i++) left += weightsOfOutputs[i] * y[i];
            for (int i = 0; i < x.Length; i++) right += dx[i] * x[i];
            Assert.Equal(left, right, 1e-12);
        }
    }

    [Theory]
    [InlineData(1, -1, false)]
    [InlineData(1, -1, true)]
    [InlineData(2, 1, false)]
    public void LargeBatchGivesEachSampleTheBitsOfItsOwnPass(int stride, int padding, bool circular)
    {
        // 300 samples move more than 2^16 values, so the unfold, fold and rearrangement run in parallel pieces; each
        // sample's output and input gradient must be the bits of a pass over that sample alone (on the calling thread).
        var random = new RandomSource(8);
        var layer = Randomize(Conv(8, 40, 6, 3, stride, padding, circular, Activation.Tanh), random);
        const int count = 300;
        var x = new double[count * layer.InputWidth];
        var g = new double[count * layer.OutputWidth];
        random.FillNormal(x, 0, 1);
        random.FillNormal(g, 0, 1);
        var (y, dx) = Pass(layer, x, g, count);
        for (int b = 0; b < count; b += 37)
        {
            var (yb, dxb) = Pass(layer, x.AsSpan(b * layer.InputWidth, layer.InputWidth).ToArray(),
                g.AsSpan(b * layer.OutputWidth, layer.OutputWidth).ToArray(), 1);
            Assert.Equal(yb, y.AsSpan(b * layer.OutputWidth, layer.OutputWidth).ToArray());
            Assert.Equal(dxb, dx.AsSpan(b * layer.InputWidth, layer.InputWidth).ToArray());
        }
    }

    private static (double[] Output, double[] InputGradient) Pass(Conv1dLayer layer, double[] x, double[] g, int count)
    {
        var y = new double[count * layer.OutputWidth];
        var dx = new double[x.Length];
        layer.ForwardCore(x, count, y, PassContext.Training);
        double[][] gradients = [new double[layer.Weights.Length], new double[layer.Biases.Length]];
        layer.BackwardCore(x, (double[])g.Clone(), count, dx, gradients, PassContext.Training);
        return (y, dx);
    }

    [Theory]
    // MNIST-1D's CNN: 40 -> 19 -> 10 -> 5, so 25 channels x 5 = 125 inputs to its linear layer.
    [InlineData(40, 5, 2, 1, 19)]
    [InlineData(19, 3, 2, 1, 10)]
    [InlineData(10, 3, 2, 1, 5)]
    [InlineData(32, 3, 1, 0, 30)]
    [InlineData(7, 7, 1, 0, 1)]
    [InlineData(3, 7, 1, 2, 1)]
    public void OutputLengthFollowsPyTorch(int length, int k, int stride, int padding, int expected) =>
        Assert.Equal(expected, new Conv1dLayer(1, 1, k, length, Activation.Identity, stride: stride,
            padding: padding).OutputLength);

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 0, 1)]
    [InlineData(3, 1, 1)]
    [InlineData(4, 1, 2)]
    [InlineData(5, 2, 2)]
    public void SamePaddingKeepsTheLengthAndSplitsAsPyTorch(int k, int left, int right)
    {
        var layer = new Conv1dLayer(2, 3, k, 9, Activation.ReLU);
        Assert.Equal((9, left, right), (layer.OutputLength, layer.PaddingLeft, layer.PaddingRight));
    }

    [Fact]
    public void WeightShapeGivesTheReceptiveFieldToTheFans()
    {
        // He for a 3-tap kernel over C = 16 channels: fan_in = 3 C = 48, Var(W) = 2 / 48.
        var layer = new Conv1dLayer(16, 32, 3, 20, Activation.ReLU);
        Assert.Equal([32, 16, 3], layer.WeightShape);
        Assert.Equal(new FanPair(48, 96), Fans.FromShape(layer.WeightShape));
        Assert.Equal(Math.Sqrt(2.0 / 48), Init.HeNormal().Std(48, 96), 1e-15);
        Assert.Equal([32, 16, 3], layer.Parameters[0].Shape);
        Assert.True(layer.Parameters[0].IsDecayed);
        Assert.False(layer.Parameters[1].IsDecayed);

        var big = new Conv1dLayer(64, 64, 3, 8, Activation.ReLU);
        big.Initialize(Init.HeNormal(), new RandomSource(11), bias: 0.25);
        StatisticalAssert.MeanWithin(big.Weights, 0, Math.Sqrt(2.0 / 192));
        StatisticalAssert.VarianceWithin(big.Weights, 2.0 / 192, kurtosis: 3);
        Assert.All(big.Biases.ToArray(), b => Assert.Equal(0.25, b));
    }

    [Fact]
    public void CloneIsIndependent()
    {
        var layer = Randomize(new Conv1dLayer(2, 2, 3, 5, Activation.Tanh, PaddingMode.Circular), new RandomSource(1));
        var copy = layer.Clone();
        Assert.Equal(layer.Weights.ToArray(), copy.Weights.ToArray());
        Assert.Equal(layer.ToString(), copy.ToString());
        copy.Weights[0] += 1;
        Assert.NotEqual(layer.Weights[0], copy.Weights[0]);
    }

    [Fact]
    public void TrainingReducesTheLossOfASmallCnn()
    {
        // A sanity check on a learnable task: the sign of a bump's position (left or right half of the signal).
        var random = new RandomSource(5);
        const int length = 16, samples = 64;
        var features = new double[samples * length];
        var labels = new int[samples];
        for (int s = 0; s < samples; s++)
        {
            int centre = 2 + random.NextInt(length - 4);
            labels[s] = centre < length / 2 ? 0 : 1;
            for (int t = 0; t < length; t++)
                features[s * length + t] =
                    Math.Exp(-0.5 * (t - centre) * (t - centre)) + 0.05 * random.NextStandardNormal();
        }
        var data = new LabeledDataset(features, labels, length, 2);
        var conv = new Conv1dLayer(1, 4, 3, length, Activation.Tanh);
        conv.Initialize(Init.HeNormal(), random);
        var head = new DenseLayer(4 * length, 2, Activation.Identity);
        head.Initialize(Init.XavierNormal(), random);
        var network = new Network([conv, head]);
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
            new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 16, Seed = 1 });
        var history = trainer.Fit(data, null, 60);
        Assert.True(history.Epochs[^1].TrainLoss < 0.25 * history.Initial.TrainLoss,
            $"loss {history.Initial.TrainLoss} -> {history.Epochs[^1].TrainLoss}");
        Assert.True(history.Epochs[^1].TrainAccuracy >= 0.95, $"accuracy {history.Epochs[^1].TrainAccuracy}");
    }
}
