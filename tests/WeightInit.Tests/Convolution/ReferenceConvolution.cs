using WeightInit.Tests.Training;

namespace WeightInit.Tests.Convolution;

/// <summary>
/// An independent, scalar, textbook forward pass of the convolution layers, straight from the definition
/// z[o, t] = b[o] + sum over i, j of W[o, i, j] x[i, t stride + j - left] (padding read as zeros or wrapped), no
/// unfolding and no matrix product; other layers go to <see cref="ReferenceLayers"/>.
/// </summary>
internal static class ReferenceConvolution
{
    public static double[] Forward(IReadOnlyList<Layer> layers, double[] input, int count)
    {
        var x = input;
        foreach (var layer in layers) x = Forward(layer, x, count);
        return x;
    }

    public static double[] Forward(Layer layer, double[] x, int count) => layer switch
    {
        Conv1dLayer c => Conv(c, x, count),
        GlobalAveragePoolLayer p => Pool(p, x, count),
        _ => ReferenceLayers.Forward(layer, x, count, training: true),
    };

    public static double Read(Conv1dLayer layer, double[] x, int sample, int channel, int position)
    {
        int length = layer.InputLength;
        if (position < 0 || position >= length)
        {
            if (layer.PaddingMode == PaddingMode.Zeros) return 0;
            position = ((position % length) + length) % length;
        }
        return x[sample * layer.InputWidth + channel * length + position];
    }

    private static double[] Conv(Conv1dLayer layer, double[] x, int count)
    {
        int cin = layer.InputChannels, cout = layer.OutputChannels, k = layer.KernelSize, lout = layer.OutputLength;
        var y = new double[count * layer.OutputWidth];
        for (int b = 0; b < count; b++)
            for (int o = 0; o < cout; o++)
                for (int t = 0; t < lout; t++)
                {
                    double z = layer.Biases[o];
                    for (int i = 0; i < cin; i++)
                        for (int j = 0; j < k; j++)
                            z += layer.Weights[(o * cin + i) * k + j] *
                                Read(layer, x, b, i, t * layer.Stride + j - layer.PaddingLeft);
                    y[b * layer.OutputWidth + o * lout + t] = layer.Activation.Apply(z);
                }
        return y;
    }

    private static double[] Pool(GlobalAveragePoolLayer layer, double[] x, int count)
    {
        var y = new double[count * layer.Channels];
        for (int r = 0; r < y.Length; r++)
        {
            double sum = 0;
            for (int t = 0; t < layer.Length; t++) sum += x[r * layer.Length + t];
            y[r] = sum / layer.Length;
        }
        return y;
    }
}
