using WeightInit.Activations;
using WeightInit.Convolution;
using WeightInit.Initializers;

namespace WeightInit.Theory;

/// <summary>
/// A deep vanilla 1-D CNN at one input: h_l = K_l * x_{l-1} + b_l, x_l = phi(h_l), l = 1..L, every layer a
/// <see cref="Conv1dLayer"/> with C channels in and out, a k-tap kernel, stride 1 and "same" padding on signals of
/// length n, so every layer's input and output hold N = C n values. Its input-output Jacobian
/// J = D_L K_L ... D_1 K_1 (D_l = diag(phi'(h_l)), K_l the convolution as an N x N matrix) is computed by
/// <see cref="ConvolutionalJacobian.Compute"/> (Xiao et al. 2018, "Dynamical Isometry and a Mean Field Theory of CNNs").
/// </summary>
/// <remarks>
/// Random streams of <see cref="Seed"/>: the input from stream 0 (N(0, <see cref="InputVariance"/>) per value),
/// K_l from stream l through <see cref="Initializer"/> (shape (C, C, k)), b_l from stream 2^32 + l
/// (b_l ~ N(0, sigma_b^2), one per channel). With Gaussian weights at variance sigma_w^2 / (C k)
/// (<c>Init.VarianceScaling(sigma_w^2, FanIn, UntruncatedNormal)</c>) the mean-field theory of
/// <see cref="MeanFieldModel"/> applies as for a dense network of fan-in C k; with
/// <c>Init.DeltaOrthogonal(sigma_w)</c> every K_l is sigma_w times an orthogonal matrix.
/// </remarks>
public sealed record ConvolutionalJacobianExperiment
{
    /// <summary>phi. Required.</summary>
    public required Activation Activation { get; init; }

    /// <summary>The initializer of every kernel, shape (C, C, k). Required.</summary>
    public required IWeightInitializer Initializer { get; init; }

    /// <summary>C, channels of every layer; at least 1 (default 16).</summary>
    public int Channels { get; init; } = 16;

    /// <summary>n, positions of every signal; at least 1 (default 32, so N = C n = 512).</summary>
    public int Length { get; init; } = 32;

    /// <summary>k, taps of every kernel; at least 1 (default 3).</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>What "same" padding reads beyond the ends: circular (default, the theory's periodic boundary) or zeros.</summary>
    public PaddingMode Padding { get; init; } = PaddingMode.Circular;

    /// <summary>L, at least 1. Required.</summary>
    public required int Depth { get; init; }

    /// <summary>sigma_b^2, finite and non-negative (default 0).</summary>
    public double BiasVariance { get; init; }

    /// <summary>The variance of every input value, finite and positive (default 1).</summary>
    public double InputVariance { get; init; } = 1;

    /// <summary>The depths (each in 1..L) at which to compute all N singular values of J; null (default) for L only; empty for none.</summary>
    public IReadOnlyList<int>? SpectrumDepths { get; init; }

    /// <summary>The seed of the input, kernels and biases.</summary>
    public ulong Seed { get; init; }

    /// <summary>N = C n, the size of J.</summary>
    public int Size => Channels * Length;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Activation, nameof(Activation));
        ArgumentNullException.ThrowIfNull(Initializer, nameof(Initializer));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Channels, nameof(Channels));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Length, nameof(Length));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KernelSize, nameof(KernelSize));
        Guard.Defined(Padding, nameof(Padding));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Depth, nameof(Depth));
        Guard.FiniteNonNegative(BiasVariance, nameof(BiasVariance));
        Guard.FinitePositive(InputVariance, nameof(InputVariance));
        if ((long)Channels * Length * Channels * Length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(Length), Length, $"N^2 = ({nameof(Channels)} x {nameof(Length)})^2 must fit in one array.");
        if (Padding == PaddingMode.Circular && KernelSize > 2L * Length + 1)
            throw new ArgumentOutOfRangeException(nameof(KernelSize), KernelSize,
                $"Circular 'same' padding wraps at most once: {nameof(KernelSize)} must be at most 2 {nameof(Length)} + 1 ({2L * Length + 1}), but it is {KernelSize}.");
        if (SpectrumDepths is not null)
            for (int i = 0; i < SpectrumDepths.Count; i++)
                if (SpectrumDepths[i] < 1 || SpectrumDepths[i] > Depth)
                    throw new ArgumentOutOfRangeException(nameof(SpectrumDepths), SpectrumDepths[i],
                        $"{nameof(SpectrumDepths)}[{i}] must be a depth in 1..{Depth}, but it is {SpectrumDepths[i]}.");
    }
}
