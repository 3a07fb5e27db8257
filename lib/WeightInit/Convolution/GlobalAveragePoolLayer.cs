using WeightInit.Training;

namespace WeightInit.Convolution;

/// <summary>
/// Global average pooling over positions (PyTorch's <c>AdaptiveAvgPool1d(1)</c> followed by a flatten): for each sample
/// and channel c, y[c] = (1/L) sum over t of x[c, t]. The input rows have the (channel, position) layout of
/// <see cref="Conv1dLayer"/>; the output has one value per channel, ready for a <see cref="DenseLayer"/> classifier.
/// Backward: dLoss/dx[c, t] = dLoss/dy[c] / L. No parameters.
/// </summary>
/// <remarks>Lin, Chen &amp; Yan (2014), "Network In Network", section 3.2.</remarks>
public sealed class GlobalAveragePoolLayer : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="channels">Channels per sample; at least 1.</param>
    /// <param name="length">Positions per channel; at least 1.</param>
    public GlobalAveragePoolLayer(int channels, int length) : base(CheckedWidth(channels, length), channels)
    {
        Channels = channels;
        Length = length;
    }

    /// <summary>Channels per sample (the output width).</summary>
    public int Channels { get; }

    /// <summary>Positions averaged per channel.</summary>
    public int Length { get; }

    /// <summary>None.</summary>
    public override IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public override GlobalAveragePoolLayer Clone() => new(Channels, Length);

    /// <inheritdoc/>
    public override string ToString() => $"GlobalAveragePool({Channels} x {Length} -> {Channels})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        double scale = 1.0 / Length;
        for (int r = 0; r < count * Channels; r++)
        {
            double sum = 0;
            foreach (double v in input.Slice(r * Length, Length)) sum += v;
            output[r] = sum * scale;
        }
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        if (inputGradient.IsEmpty) return;
        double scale = 1.0 / Length;
        for (int r = 0; r < count * Channels; r++)
            inputGradient.Slice(r * Length, Length).Fill(outputGradient[r] * scale);
    }

    private static int CheckedWidth(int channels, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if ((long)channels * length > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(length), "channels x length exceeds int.MaxValue.");
        return channels * length;
    }
}
