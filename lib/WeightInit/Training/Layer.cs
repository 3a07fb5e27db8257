namespace WeightInit.Training;

/// <summary>
/// A layer of a <see cref="Network"/>: a map from a batch of InputWidth values per sample to a batch
/// of OutputWidth values per sample (row-major, one row per sample), with its learnable
/// <see cref="Parameters"/> and its own backward pass. The library's layers are
/// <see cref="DenseLayer"/> (Z = X W^T + b, A = f(Z)), <see cref="ActivationLayer"/>,
/// <see cref="BatchNormLayer"/>, <see cref="LayerNormLayer"/> and <see cref="ResidualBlock"/>
/// (y = x + alpha F(x) around a branch of layers), and the convolutional <see cref="Convolution.Conv1dLayer"/> and
/// <see cref="Convolution.GlobalAveragePoolLayer"/>.
/// </summary>
/// <remarks>
/// <para>The set of layer kinds is closed (the constructor is not accessible outside the library), so
/// every layer is covered by the library's finite-difference gradient checks.</para>
/// <para>A layer keeps work buffers between calls (and, in training mode, what its backward pass
/// needs), so a layer is not thread-safe and belongs to one network at a time.</para>
/// </remarks>
public abstract class Layer
{
    private protected Layer(int inputWidth, int outputWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputWidth);
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
    }

    /// <summary>Inputs per sample.</summary>
    public int InputWidth { get; }

    /// <summary>Outputs per sample.</summary>
    public int OutputWidth { get; }

    /// <summary>The learnable parameters of this layer and of the layers inside it, in a fixed order.</summary>
    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The number of learnable values (the sum of the parameters' lengths).</summary>
    public long ParameterCount => Parameters.Sum(p => (long)p.Length);

    /// <summary>An independent copy of the layer (parameters and running statistics; no work buffers).</summary>
    /// <returns>The copy.</returns>
    public abstract Layer Clone();

    /// <summary>
    /// The layer's outputs for <paramref name="count"/> samples in inference mode (a batch
    /// normalization uses its running statistics): the same map a trained network applies.
    /// </summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1.</param>
    /// <param name="outputs">count x OutputWidth values to overwrite.</param>
    public void Forward(ReadOnlySpan<double> inputs, int count, Span<double> outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * InputWidth, nameof(inputs), $"{count} samples x {InputWidth} inputs");
        Guard.Length(outputs.Length, count * OutputWidth, nameof(outputs), $"{count} samples x {OutputWidth} outputs");
        ForwardCore(inputs, count, outputs, PassContext.Inference);
    }

    /// <summary>The layers inside this one (a residual block's branch and projection), in forward order.</summary>
    internal virtual IReadOnlyList<Layer> Sublayers => [];

    /// <summary>The forward pass for validated arguments; in training mode it keeps what <see cref="BackwardCore"/>
    /// needs.</summary>
    internal abstract void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context);

    /// <summary>
    /// The backward pass of the last training-mode forward pass: writes d(loss)/d(parameter) for each
    /// of <see cref="Parameters"/> into <paramref name="parameterGradients"/> (same order, overwritten)
    /// and, unless <paramref name="inputGradient"/> is empty, d(loss)/d(input) into it.
    /// <paramref name="outputGradient"/> (d(loss)/d(output)) may be overwritten.
    /// </summary>
    internal abstract void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context);

    /// <summary>Folds the batch statistics of the last training pass into running statistics (batch
    /// normalization).</summary>
    internal virtual void CommitBatchStatistics()
    {
        foreach (var layer in Sublayers) layer.CommitBatchStatistics();
    }

    /// <summary>A work buffer of at least <paramref name="length"/> values, reallocated only when too small.</summary>
    private protected static Span<double> Buffer(ref double[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new double[length];
        return buffer.AsSpan(0, length);
    }
}
