namespace WeightInit.Training;

/// <summary>
/// Binary cross-entropy on one logit z per row: p = sigmoid(z) is the probability of class 1 and,
/// for label y in {0, 1}, loss = -[y log p + (1 - y) log(1 - p)], computed as
/// max(z, 0) - z y + log(1 + exp(-|z|)) so that it never overflows. The gradient of the mean over a
/// batch of B rows is (sigmoid(z) - y) / B.
/// </summary>
internal sealed class BinaryCrossEntropyLoss : Loss
{
    internal BinaryCrossEntropyLoss() { }

    /// <inheritdoc/>
    public override string Name => "BinaryCrossEntropy";

    /// <inheritdoc/>
    public override int OutputWidth(int classCount)
    {
        if (classCount != 2)
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount,
                $"Binary cross-entropy is for 2 classes, but classCount is {classCount}.");
        return 1;
    }

    /// <inheritdoc/>
    public override int ClassCount(int outputWidth)
    {
        CheckWidth(outputWidth);
        return 2;
    }

    /// <inheritdoc/>
    public override void CheckWidth(int width)
    {
        if (width != 1)
            throw new ArgumentOutOfRangeException(nameof(width), width,
                $"Binary cross-entropy needs exactly 1 output (the logit of class 1), but the width is {width}.");
    }

    /// <inheritdoc/>
    public override int PredictClass(ReadOnlySpan<double> output)
    {
        if (output.Length != 1 || !double.IsFinite(output[0])) return -1;
        return output[0] > 0 ? 1 : 0;
    }

    /// <summary>The logistic sigmoid 1 / (1 + e^-z), evaluated without overflow for either sign of z.</summary>
    /// <param name="z">The logit.</param>
    /// <returns>sigmoid(z).</returns>
    public static double StableSigmoid(double z)
    {
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <inheritdoc/>
    protected override double ComputeCore(ReadOnlySpan<double> outputs, ReadOnlySpan<int> labels, int count, int width,
        Span<double> gradient)
    {
        double total = 0;
        double scale = 1.0 / count;
        for (int r = 0; r < count; r++)
        {
            double z = outputs[r];
            int y = labels[r];
            total += Math.Max(z, 0) - z * y + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));
            if (!gradient.IsEmpty) gradient[r] = (StableSigmoid(z) - y) * scale;
        }
        return total / count;
    }

    /// <inheritdoc/>
    protected override void ProbabilitiesCore(ReadOnlySpan<double> outputs, int count, int width,
        Span<double> probabilities)
    {
        for (int r = 0; r < count; r++)
        {
            double p = StableSigmoid(outputs[r]);
            probabilities[2 * r] = 1 - p;
            probabilities[2 * r + 1] = p;
        }
    }
}
