namespace WeightInit.Tests.Convolution;

/// <summary>
/// The small-patch kernels of <see cref="Conv1dLayer"/> (C_in k at most 8: a first layer on a one-channel signal)
/// give the bits of the general path (unfold, matrix product, rearrangement): output, weight, bias and input
/// gradients, for strides 1 and 2, one and two input channels, zero and circular padding of 0, 1, 2 and "same".
/// </summary>
public sealed class SmallPatchKernelTests
{
    /// <summary>(in channels, length, out channels, kernel, stride, padding or -1 for "same", circular).</summary>
    public static TheoryData<int, int, int, int, int, int, bool> Geometries => new()
    {
        { 1, 40, 25, 5, 2, 1, false }, // MNIST-1D's first CNN layer
        { 1, 40, 25, 5, 2, 1, true },
        { 1, 40, 9, 5, 2, 0, false },
        { 1, 41, 3, 5, 2, 2, true },
        { 1, 33, 17, 3, 1, -1, false },
        { 1, 33, 8, 4, 1, -1, true },  // even kernel: 1 padded position on the left, 2 on the right
        { 1, 30, 4, 8, 3, 1, false },  // a patch of a full register
        { 2, 30, 11, 3, 2, 1, false }, // two channels: the transposed unfolded input
        { 2, 20, 6, 4, 1, -1, true },
        { 1, 17, 5, 1, 1, 0, false },  // one tap
        { 1, 16, 300, 3, 1, -1, false }, // more channels than the padded weights' stack buffer takes
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void SmallPatchPathGivesTheBitsOfTheGeneralPath(int cin, int length, int cout, int k, int stride,
        int padding, bool circular)
    {
        foreach (var activation in new[] { Activation.Identity, Activation.Tanh })
            foreach (int count in new[] { 1, 7, 100 })
            {
                var layer = new Conv1dLayer(cin, cout, k, length, activation,
                    circular ? PaddingMode.Circular : PaddingMode.Zeros, stride, padding < 0 ? null : padding);
                Assert.True(layer.UsesSmallPatchKernels, layer.ToString());
                var random = new RandomSource((ulong)(20261206 + count));
                random.FillNormal(layer.Weights, 0, 0.5);
                random.FillNormal(layer.Biases, 0, 0.5);
                var x = new double[count * layer.InputWidth];
                var g = new double[count * layer.OutputWidth];
                random.FillNormal(x, 0, 1);
                random.FillNormal(g, 0, 1);
                var small = Pass(layer, x, g, count);
                layer.UsesSmallPatchKernels = false;
                var general = Pass(layer, x, g, count);
                for (int i = 0; i < small.Length; i++)
                    Assert.True(Bits(general[i]).SequenceEqual(Bits(small[i])),
                        $"{layer}, {count} samples: result {i} differs");
            }
    }

    [Fact]
    public void OutputShorterThanARegisterTakesTheGeneralPath()
    {
        // L_out = 1 is shorter than any register but the scalar one's.
        var layer = new Conv1dLayer(1, 4, 5, 5, Activation.Identity, padding: 0);
        Assert.Equal(1, layer.OutputLength);
        Assert.Equal(SmallPatchKernels.Lanes == 1, layer.UsesSmallPatchKernels);
        Assert.False(new Conv1dLayer(3, 4, 3, 40, Activation.Identity).UsesSmallPatchKernels);
    }

    private static double[][] Pass(Conv1dLayer layer, double[] x, double[] g, int count)
    {
        var y = new double[count * layer.OutputWidth];
        var dx = new double[x.Length];
        double[][] gradients = [new double[layer.Weights.Length], new double[layer.Biases.Length]];
        layer.ForwardCore(x, count, y, PassContext.Training);
        layer.BackwardCore(x, (double[])g.Clone(), count, dx, gradients, PassContext.Training);
        // The input gradient's absence changes nothing else.
        double[][] withoutInput = [new double[layer.Weights.Length], new double[layer.Biases.Length]];
        layer.ForwardCore(x, count, new double[y.Length], PassContext.Training);
        layer.BackwardCore(x, (double[])g.Clone(), count, default, withoutInput, PassContext.Training);
        Assert.Equal(gradients[0], withoutInput[0]);
        Assert.Equal(gradients[1], withoutInput[1]);
        return [y, gradients[0], gradients[1], dx];
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
