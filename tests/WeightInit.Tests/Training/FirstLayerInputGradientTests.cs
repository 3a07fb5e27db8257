namespace WeightInit.Tests.Training;

/// <summary>
/// Training never needs d(loss)/d(input) of the network's first layer (the data): <see cref="Network"/> does not
/// compute it, and every parameter's gradient is the bits of a backward pass that does.
/// </summary>
public sealed class FirstLayerInputGradientTests
{
    public static TheoryData<string> FirstLayers => new() { "conv-small-patch", "conv-general", "dense", "batchnorm",
        "layernorm" };

    [Theory]
    [MemberData(nameof(FirstLayers))]
    public void SkippingTheFirstLayersInputGradientLeavesEveryParameterGradientUnchanged(string first)
    {
        const int count = 12, length = 40, classes = 4;
        var random = new RandomSource(22);
        Layer[] layers = first switch
        {
            "conv-small-patch" or "conv-general" =>
            [
                new Conv1dLayer(1, 6, 5, length, Activation.ReLU, stride: 2, padding: 1)
                {
                    UsesSmallPatchKernels = first == "conv-small-patch",
                },
                new Conv1dLayer(6, 4, 3, 19, Activation.Tanh, stride: 2, padding: 1),
                new DenseLayer(40, classes, Activation.Identity),
            ],
            "dense" => [new DenseLayer(length, 8, Activation.Tanh), new DenseLayer(8, classes, Activation.Identity)],
            "batchnorm" => [new BatchNormLayer(length), new DenseLayer(length, classes, Activation.Identity)],
            _ => [new LayerNormLayer(length), new DenseLayer(length, classes, Activation.Identity)],
        };
        foreach (var p in layers.SelectMany(l => l.Parameters)) random.FillNormal(p.Values, 0.1, 0.4);
        var network = new Network(layers);
        var inputs = new double[count * length];
        random.FillNormal(inputs, 0, 1);
        int[] labels = [.. Enumerable.Range(0, count).Select(i => i % classes)];

        var gradients = network.CreateGradients();
        network.ComputeGradients(inputs, labels, count, Loss.SoftmaxCrossEntropy, gradients);

        // The same pass layer by layer, with the first layer's input gradient computed.
        var outputs = new List<double[]> { inputs };
        foreach (var layer in layers)
        {
            var y = new double[count * layer.OutputWidth];
            layer.ForwardCore(outputs[^1], count, y, PassContext.Training);
            outputs.Add(y);
        }
        var g = new double[count * classes];
        Loss.SoftmaxCrossEntropy.Compute(outputs[^1], labels, count, classes, g);
        var expected = new List<double[][]>();
        for (int l = layers.Length - 1; l >= 0; l--)
        {
            double[][] parameters = [.. layers[l].Parameters.Select(p => new double[p.Length])];
            var dx = new double[count * layers[l].InputWidth];
            layers[l].BackwardCore(outputs[l], g, count, dx, parameters, PassContext.Training);
            Assert.Contains(dx, v => v != 0);
            expected.Insert(0, parameters);
            g = dx;
        }
        var flat = expected.SelectMany(a => a).ToArray();
        Assert.Equal(flat.Length, gradients.ParameterArrayCount);
        for (int i = 0; i < flat.Length; i++)
            Assert.Equal(flat[i].Select(BitConverter.DoubleToInt64Bits),
                gradients.Gradient(i).ToArray().Select(BitConverter.DoubleToInt64Bits));
    }
}
