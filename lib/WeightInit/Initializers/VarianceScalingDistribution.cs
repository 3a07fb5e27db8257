namespace WeightInit.Initializers;

/// <summary>The distribution a <see cref="VarianceScalingInitializer"/> draws from; all have variance scale /
/// n.</summary>
public enum VarianceScalingDistribution
{
    /// <summary>
    /// Keras's "truncated_normal": N(0, s^2) truncated to [-2s, 2s] with s = sqrt(scale / n) / 0.87962566103423978,
    /// the divisor being the standard deviation of N(0, 1) truncated to (-2, 2), so the weights' variance is scale / n.
    /// </summary>
    TruncatedNormal,

    /// <summary>N(0, scale / n), untruncated (Keras's "untruncated_normal").</summary>
    UntruncatedNormal,

    /// <summary>U(-b, b) with b = sqrt(3 scale / n) (Keras's "uniform").</summary>
    Uniform,
}
