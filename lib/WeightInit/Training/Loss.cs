namespace WeightInit.Training;

/// <summary>
/// A classification loss on the network's raw outputs (logits). The output layer of a network is
/// linear; the loss applies the softmax or the sigmoid itself, in a numerically stable form, and
/// returns the mean loss over the batch together with its gradient with respect to the outputs.
/// </summary>
public abstract class Loss
{
    /// <summary>A short name, e.g. "SoftmaxCrossEntropy".</summary>
    public abstract string Name { get; }

    /// <summary>The network output width this loss needs for <paramref name="classCount"/> classes.</summary>
    /// <param name="classCount">The number of classes.</param>
    /// <returns>The output width.</returns>
    public abstract int OutputWidth(int classCount);

    /// <summary>The number of classes a network of output width <paramref name="outputWidth"/> predicts.</summary>
    /// <param name="outputWidth">The network's output width.</param>
    /// <returns>The number of classes.</returns>
    public abstract int ClassCount(int outputWidth);

    /// <summary>
    /// The mean loss over <paramref name="count"/> rows of outputs and, if
    /// <paramref name="gradient"/> is not empty, its gradient with respect to every output.
    /// </summary>
    /// <param name="outputs">count x width logits, row-major.</param>
    /// <param name="labels">count labels, each in [0, ClassCount(width)).</param>
    /// <param name="count">Rows; at least 1.</param>
    /// <param name="width">Outputs per row.</param>
    /// <param name="gradient">Empty, or count x width values to overwrite with d(mean loss)/d(output).</param>
    /// <returns>The mean loss.</returns>
    public double Compute(ReadOnlySpan<double> outputs, ReadOnlySpan<int> labels, int count, int width,
        Span<double> gradient)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        CheckWidth(width);
        Guard.Length(outputs.Length, count * width, nameof(outputs), $"{count} rows x {width} outputs");
        Guard.Length(labels.Length, count, nameof(labels), "one label per row");
        if (!gradient.IsEmpty) Guard.Length(gradient.Length, count * width, nameof(gradient),
            $"{count} rows x {width} outputs");
        CheckLabels(labels, ClassCount(width));
        return ComputeCore(outputs, labels, count, width, gradient);
    }

    /// <summary>
    /// Class probabilities for each row of outputs: count x ClassCount(width) values, row-major.
    /// </summary>
    /// <param name="outputs">count x width logits.</param>
    /// <param name="count">Rows; at least 1.</param>
    /// <param name="width">Outputs per row.</param>
    /// <param name="probabilities">count x ClassCount(width) values to overwrite.</param>
    public void Probabilities(ReadOnlySpan<double> outputs, int count, int width, Span<double> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        CheckWidth(width);
        Guard.Length(outputs.Length, count * width, nameof(outputs), $"{count} rows x {width} outputs");
        Guard.Length(probabilities.Length, count * ClassCount(width), nameof(probabilities),
            $"{count} rows x {ClassCount(width)} classes");
        ProbabilitiesCore(outputs, count, width, probabilities);
    }

    /// <summary>The predicted class of one row of outputs, or -1 if any output is not finite (counted as
    /// wrong).</summary>
    /// <param name="output">One row of logits.</param>
    /// <returns>The class with the highest probability (the lowest index on ties), or -1.</returns>
    public abstract int PredictClass(ReadOnlySpan<double> output);

    /// <summary>The loss and gradient for validated arguments.</summary>
    /// <param name="outputs">count x width logits.</param>
    /// <param name="labels">count labels.</param>
    /// <param name="count">Rows.</param>
    /// <param name="width">Outputs per row.</param>
    /// <param name="gradient">Empty or count x width.</param>
    /// <returns>The mean loss.</returns>
    protected abstract double ComputeCore(ReadOnlySpan<double> outputs, ReadOnlySpan<int> labels, int count, int width,
        Span<double> gradient);

    /// <summary>The probabilities for validated arguments.</summary>
    /// <param name="outputs">count x width logits.</param>
    /// <param name="count">Rows.</param>
    /// <param name="width">Outputs per row.</param>
    /// <param name="probabilities">count x ClassCount(width).</param>
    protected abstract void ProbabilitiesCore(ReadOnlySpan<double> outputs, int count, int width,
        Span<double> probabilities);

    /// <summary>Throws unless this loss accepts output width <paramref name="width"/>.</summary>
    /// <param name="width">The output width.</param>
    public abstract void CheckWidth(int width);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Softmax followed by cross-entropy, for any number of classes (one output per class).</summary>
    public static Loss SoftmaxCrossEntropy { get; } = new SoftmaxCrossEntropyLoss();

    /// <summary>Sigmoid followed by binary cross-entropy, for two classes (one output, the logit of class 1).</summary>
    public static Loss BinaryCrossEntropy { get; } = new BinaryCrossEntropyLoss();

    private static void CheckLabels(ReadOnlySpan<int> labels, int classCount)
    {
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i],
                    $"Every label must lie in [0, {classCount}), but label {i} is {labels[i]}.");
    }
}
