namespace WeightInit.Training;

/// <summary>
/// Softmax cross-entropy: for logits z (K values) and label y, p_j = exp(z_j) / sum_i exp(z_i) and
/// loss = -log p_y = logsumexp(z) - z_y, computed as m + log(sum exp(z_i - m)) with m = max z so
/// that no exponential overflows. The gradient of the mean over a batch of B rows is
/// (p_j - [j = y]) / B.
/// </summary>
internal sealed class SoftmaxCrossEntropyLoss : Loss
{
    internal SoftmaxCrossEntropyLoss() { }

    /// <inheritdoc/>
    public override string Name => "SoftmaxCrossEntropy";

    /// <inheritdoc/>
    public override int OutputWidth(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        return classCount;
    }

    /// <inheritdoc/>
    public override int ClassCount(int outputWidth)
    {
        CheckWidth(outputWidth);
        return outputWidth;
    }

    /// <inheritdoc/>
    public override void CheckWidth(int width)
    {
        if (width < 2)
            throw new ArgumentOutOfRangeException(nameof(width), width,
                $"Softmax cross-entropy needs at least 2 outputs (one per class), but the width is {width}.");
    }

    /// <inheritdoc/>
    public override int PredictClass(ReadOnlySpan<double> output)
    {
        int best = -1;
        double bestValue = double.NegativeInfinity;
        for (int j = 0; j < output.Length; j++)
        {
            if (!double.IsFinite(output[j])) return -1;
            if (best < 0 || output[j] > bestValue) { best = j; bestValue = output[j]; }
        }
        return best;
    }

    /// <inheritdoc/>
    protected override double ComputeCore(ReadOnlySpan<double> outputs, ReadOnlySpan<int> labels, int count, int width,
        Span<double> gradient)
    {
        double total = 0;
        double scale = 1.0 / count;
        for (int r = 0; r < count; r++)
        {
            var z = outputs.Slice(r * width, width);
            double max = double.NegativeInfinity;
            foreach (double v in z) max = Math.Max(max, v);
            double sum = 0;
            foreach (double v in z) sum += Math.Exp(v - max);
            double logSum = max + Math.Log(sum);
            total += logSum - z[labels[r]];
            if (!gradient.IsEmpty)
            {
                var g = gradient.Slice(r * width, width);
                for (int j = 0; j < width; j++) g[j] = Math.Exp(z[j] - logSum) * scale;
                g[labels[r]] -= scale;
            }
        }
        return total / count;
    }

    /// <inheritdoc/>
    protected override void ProbabilitiesCore(ReadOnlySpan<double> outputs, int count, int width,
        Span<double> probabilities)
    {
        for (int r = 0; r < count; r++)
        {
            var z = outputs.Slice(r * width, width);
            var p = probabilities.Slice(r * width, width);
            double max = double.NegativeInfinity;
            foreach (double v in z) max = Math.Max(max, v);
            double sum = 0;
            for (int j = 0; j < width; j++) { p[j] = Math.Exp(z[j] - max); sum += p[j]; }
            for (int j = 0; j < width; j++) p[j] /= sum;
        }
    }
}
