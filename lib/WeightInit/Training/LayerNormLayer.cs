namespace WeightInit.Training;

/// <summary>
/// Layer normalization (Ba, Kiros &amp; Hinton 2016, "Layer Normalization"): each sample is normalized
/// over its own features and then scaled and shifted per feature,
/// y_j = gamma_j (x_j - mu) / sqrt(sigma^2 + epsilon) + beta_j,
/// with mu and sigma^2 the mean and (biased, 1/n) variance of the sample's n features. Unlike batch
/// normalization it does not depend on the other samples, so training and inference are the same map.
/// </summary>
/// <remarks>
/// Backward, per sample, with x^ = (x - mu)/sqrt(sigma^2 + epsilon), G = dLoss/dy and g = G gamma:
/// dLoss/dx = (n g - sum(g) - x^ sum(g x^)) / (n sqrt(sigma^2 + epsilon)); dgamma = sum over the
/// batch of G x^ and dbeta = the sum of G.
/// </remarks>
public sealed class LayerNormLayer : NormalizationLayer
{
    private double[] _normalized = [], _inverseStd = [], _scaledGradient = [];

    /// <summary>Creates a layer normalization with gamma = 1 and beta = 0.</summary>
    /// <param name="width">Features per sample; at least 1.</param>
    /// <param name="epsilon">Added to the variance before the square root; finite and positive.</param>
    public LayerNormLayer(int width, double epsilon = DefaultEpsilon) : base(Widths.Check(width), epsilon)
    {
    }

    /// <inheritdoc/>
    public override LayerNormLayer Clone() => WithAffineOf(new LayerNormLayer(Width, Epsilon));

    /// <inheritdoc/>
    public override string ToString() => $"LayerNorm({Width})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        int n = Width;
        var normalized = Buffer(ref _normalized, count * n);
        var inverseStd = Buffer(ref _inverseStd, count);
        for (int r = 0; r < count; r++)
        {
            var x = input.Slice(r * n, n);
            double mean = VectorKernels.Sum(x, x, x, new FirstOperand()) / n;
            double variance = VectorKernels.Sum(x, x, x, new SquaredDeviation(mean)) / n;
            inverseStd[r] = 1 / Math.Sqrt(variance + Epsilon);
            var xhat = normalized.Slice(r * n, n);
            VectorKernels.Map(x, x, x, xhat, new ShiftThenScale(mean, inverseStd[r]));
            VectorKernels.Map(xhat, _scale, _shift, output.Slice(r * n, n), new MultiplyAdd());
        }
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int n = Width;
        Span<double> scaleGradient = parameterGradients[0], shiftGradient = parameterGradients[1];
        SpanMath.SumRows(outputGradient, count, shiftGradient);
        scaleGradient.Clear();
        var g = Buffer(ref _scaledGradient, n);
        for (int r = 0; r < count; r++)
        {
            var dy = outputGradient.Slice(r * n, n);
            var xhat = _normalized.AsSpan(r * n, n);
            VectorKernels.Map(dy, xhat, scaleGradient, scaleGradient, new MultiplyAdd());
            if (inputGradient.IsEmpty) continue;
            VectorKernels.Map(dy, _scale, dy, g, new Product());
            double sum = VectorKernels.Sum(g, g, g, new FirstOperand());
            double sumWithXhat = VectorKernels.Sum(g, xhat, g, new Product());
            double s = _inverseStd[r];
            // dx = s g - (s sum / n) - (s sumWithXhat / n) x^
            VectorKernels.Map(g, xhat, g, inputGradient.Slice(r * n, n), new LinearCombination(s, -s * sum / n, -s * sumWithXhat / n));
        }
    }
}
