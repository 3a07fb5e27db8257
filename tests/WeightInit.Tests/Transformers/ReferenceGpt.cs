using WeightInit.Tests.Training;
using WeightInit.Transformers;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// An independent, scalar, textbook forward pass of the transformer layers and of a whole GPT, read from the models'
/// public parameters: attention written as the per-query loops of "Attention Is All You Need" (no products, no
/// gathering into heads, the softmax as exp / sum over the keys j &lt;= i), the residual sums spelled out. The gradient
/// checks take finite differences of these losses, so the library's forward passes are checked with their backward
/// passes. Dense layers and layer normalizations come from <see cref="ReferenceLayers"/>.
/// </summary>
internal static class ReferenceGpt
{
    public static double[] Forward(IReadOnlyList<Layer> layers, double[] input, int count)
    {
        var x = input;
        foreach (var layer in layers) x = Forward(layer, x, count);
        return x;
    }

    public static double[] Forward(Layer layer, double[] x, int count) => layer switch
    {
        CausalSelfAttention a => Attention(a, x, count, a.SequenceLength, logits: null),
        MlpBlock m => Forward(m.OutputProjection, [.. Forward(m.InputLayer, x,
            count).Select(MlpBlock.Activation.Apply)], count),
        TransformerBlock b => Block(b, x, count, b.Attention.SequenceLength),
        _ => ReferenceLayers.Forward(layer, x, count, training: true),
    };

    /// <summary>
    /// Y = (heads of softmax_causal(s Q K^T) V) W_out^T + b_out; the scaled causal logits appended to
    /// <paramref name="logits"/> if given.
    /// </summary>
    public static double[] Attention(CausalSelfAttention layer, double[] x, int count, int t, List<double>? logits)
    {
        int d = layer.InputWidth, heads = layer.Heads, dh = layer.HeadWidth;
        var qkv = Forward(layer.InputProjection, x, count);
        var y = new double[count * d];
        for (int s = 0; s < count / t; s++)
            for (int h = 0; h < heads; h++)
                for (int i = 0; i < t; i++)
                {
                    double Q(int row, int c) => qkv[(s * t + row) * 3 * d + h * dh + c];
                    double K(int row, int c) => qkv[(s * t + row) * 3 * d + d + h * dh + c];
                    double V(int row, int c) => qkv[(s * t + row) * 3 * d + 2 * d + h * dh + c];
                    var scores = new double[i + 1];
                    for (int j = 0; j <= i; j++)
                    {
                        double dot = 0;
                        for (int c = 0; c < dh; c++) dot += Q(i, c) * K(j, c);
                        scores[j] = layer.LogitScale * dot;
                    }
                    logits?.AddRange(scores);
                    double sum = scores.Sum(Math.Exp);
                    for (int c = 0; c < dh; c++)
                    {
                        double value = 0;
                        for (int j = 0; j <= i; j++) value += Math.Exp(scores[j]) / sum * V(j, c);
                        y[(s * t + i) * d + h * dh + c] = value;
                    }
                }
        return Forward(layer.OutputProjection, y, count);
    }

    /// <summary>H = X + Attention(LN_1(X)); Y = H + Mlp(LN_2(H)).</summary>
    public static double[] Block(TransformerBlock block, double[] x, int count, int t)
    {
        var attention = Attention(block.Attention, Forward(block.FirstNorm, x, count), count, t, logits: null);
        var h = x.Zip(attention, (a, b) => a + b).ToArray();
        var mlp = Forward(block.Mlp, Forward(block.SecondNorm, h, count), count);
        return [.. h.Zip(mlp, (a, b) => a + b)];
    }

    /// <summary>The logits c LN(X_L) W^T of every position.</summary>
    public static double[] Logits(GptModel model, int[] inputs, int t)
    {
        int d = model.Config.ModelWidth, v = model.Config.VocabularySize, count = inputs.Length;
        var x = new double[count * d];
        for (int r = 0; r < count; r++)
            for (int c = 0; c < d; c++)
                x[r * d + c] = model.Embedding.TokenTable[inputs[r] * d + c]
                    + model.Embedding.PositionTable[r % t * d + c];
        foreach (var block in model.Blocks) x = Block(block, x, count, t);
        var f = Forward(model.FinalNorm, x, count);
        var logits = new double[count * v];
        for (int r = 0; r < count; r++)
            for (int j = 0; j < v; j++)
            {
                double z = 0;
                for (int c = 0; c < d; c++) z += f[r * d + c] * model.Readout[j * d + c];
                logits[r * v + j] = model.OutputMultiplier * z;
            }
        return logits;
    }

    /// <summary>The mean next-token cross-entropy.</summary>
    public static double Loss(GptModel model, int[] inputs, int[] targets, int t) =>
        ReferenceLayers.SoftmaxLoss(Logits(model, inputs, t), targets, inputs.Length, model.Config.VocabularySize);
}
