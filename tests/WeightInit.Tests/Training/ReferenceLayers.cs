namespace WeightInit.Tests.Training;

/// <summary>
/// An independent, scalar, textbook forward pass of every layer kind, in training mode (batch
/// normalization with the batch's statistics) or inference mode (running statistics), and the mean
/// loss on top of it. The gradient checks take finite differences of this loss, so the library's
/// forward pass is checked along with its backward pass.
/// </summary>
internal static class ReferenceLayers
{
    public static double[] Forward(IReadOnlyList<Layer> layers, double[] input, int count, bool training)
    {
        var x = input;
        foreach (var layer in layers) x = Forward(layer, x, count, training);
        return x;
    }

    public static double[] Forward(Layer layer, double[] x, int count, bool training) => layer switch
    {
        DenseLayer d => Dense(d, x, count),
        ActivationLayer a => x.Select(a.Activation.Apply).ToArray(),
        BatchNormLayer b => BatchNorm(b, x, count, training),
        LayerNormLayer n => LayerNorm(n, x, count),
        ResidualBlock r => Residual(r, x, count, training),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "no reference for this layer"),
    };

    private static double[] Dense(DenseLayer layer, double[] x, int count)
    {
        int k = layer.InputWidth, n = layer.OutputWidth;
        var y = new double[count * n];
        for (int b = 0; b < count; b++)
            for (int j = 0; j < n; j++)
            {
                double z = layer.Biases[j];
                for (int i = 0; i < k; i++) z += layer.Weights[j * k + i] * x[b * k + i];
                y[b * n + j] = layer.Activation.Apply(z);
            }
        return y;
    }

    private static double[] BatchNorm(BatchNormLayer layer, double[] x, int count, bool training)
    {
        int n = layer.Width;
        var y = new double[count * n];
        for (int j = 0; j < n; j++)
        {
            double mean, variance;
            if (training)
            {
                mean = 0;
                for (int b = 0; b < count; b++) mean += x[b * n + j];
                mean /= count;
                variance = 0;
                for (int b = 0; b < count; b++) variance += (x[b * n + j] - mean) * (x[b * n + j] - mean);
                variance /= count;
            }
            else
            {
                mean = layer.RunningMean[j];
                variance = layer.RunningVariance[j];
            }
            for (int b = 0; b < count; b++)
                y[b * n + j] =
                    layer.Scale[j] * (x[b * n + j] - mean) / Math.Sqrt(variance + layer.Epsilon) + layer.Shift[j];
        }
        return y;
    }

    private static double[] LayerNorm(LayerNormLayer layer, double[] x, int count)
    {
        int n = layer.Width;
        var y = new double[count * n];
        for (int b = 0; b < count; b++)
        {
            double mean = 0, variance = 0;
            for (int j = 0; j < n; j++) mean += x[b * n + j];
            mean /= n;
            for (int j = 0; j < n; j++) variance += (x[b * n + j] - mean) * (x[b * n + j] - mean);
            variance /= n;
            for (int j = 0; j < n; j++)
                y[b * n + j] =
                    layer.Scale[j] * (x[b * n + j] - mean) / Math.Sqrt(variance + layer.Epsilon) + layer.Shift[j];
        }
        return y;
    }

    private static double[] Residual(ResidualBlock block, double[] x, int count, bool training)
    {
        var f = Forward(block.Branch, x, count, training);
        var shortcut = block.Projection is null ? x : Dense(block.Projection, x, count);
        return [.. shortcut.Select((s, i) => s + block.Alpha * f[i])];
    }

    /// <summary>The mean softmax cross-entropy of the logits (textbook formula; the logits here are small).</summary>
    public static double SoftmaxLoss(double[] logits, int[] labels, int count, int width)
    {
        double total = 0;
        for (int b = 0; b < count; b++)
        {
            double sum = 0;
            for (int j = 0; j < width; j++) sum += Math.Exp(logits[b * width + j]);
            total -= Math.Log(Math.Exp(logits[b * width + labels[b]]) / sum);
        }
        return total / count;
    }
}
