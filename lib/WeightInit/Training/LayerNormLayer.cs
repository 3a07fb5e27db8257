using System.Runtime.CompilerServices;
using WeightInit.Kernels;

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
            double mean = SimdReduce.Sum(new IdentityOperator(), x, default, default) / n;
            double variance = SimdReduce.Sum(new SquaredDeviationOperator(mean), x, default, default) / n;
            inverseStd[r] = 1 / Math.Sqrt(variance + Epsilon);
            var xhat = normalized.Slice(r * n, n);
            SimdMap.Run(new ShiftThenScale(mean, inverseStd[r]), x, default, default, xhat);
            SimdMap.Run(new MultiplyAddOperator(), xhat, _scale, _shift, output.Slice(r * n, n));
        }
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int n = Width;
        Span<double> scaleGradient = parameterGradients[0], shiftGradient = parameterGradients[1];
        SimdReduce.SumRows(outputGradient, count, shiftGradient);
        scaleGradient.Clear();
        var g = Buffer(ref _scaledGradient, n);
        for (int r = 0; r < count; r++)
        {
            var dy = outputGradient.Slice(r * n, n);
            var xhat = _normalized.AsSpan(r * n, n);
            SimdMap.Run(new MultiplyAddOperator(), dy, xhat, scaleGradient, scaleGradient);
            if (inputGradient.IsEmpty) continue;
            SimdMap.Run(new MultiplyOperator(), dy, _scale, default, g);
            double sum = SimdReduce.Sum(new IdentityOperator(), g, default, default);
            double sumWithXhat = SimdReduce.Sum(new MultiplyOperator(), g, xhat, default);
            double s = _inverseStd[r];
            // dx = s g - (s sum / n) - (s sumWithXhat / n) x^
            var dx = new LinearCombination(s, -s * sum / n, -s * sumWithXhat / n);
            SimdMap.Run(dx, g, xhat, default, inputGradient.Slice(r * n, n));
        }
    }

    /// <summary>(a - m) * s for scalars m and s: the normalized x^ from a = x, the mean m, the inverse std s.</summary>
    internal readonly struct ShiftThenScale(double m, double s) : IMapOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            (a - TV.Create(m)) * TV.Create(s);
    }

    /// <summary>p * a + q + r * b for scalars p, q, r (left to right, not fused): the input gradient.</summary>
    internal readonly struct LinearCombination(double p, double q, double r) : IMapOperator
    {
        public static int Inputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            TV.Create(p) * a + TV.Create(q) + TV.Create(r) * b;
    }
}
