using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Delta-orthogonal initialization of a convolution weight (out, in, k1, k2, ...): every tap is zero except the
/// kernel's centre (k1/2, k2/2, ...), which holds gain * Q for a random (semi-)orthogonal out x in matrix Q drawn as
/// <see cref="OrthogonalInitializer"/> draws it (Haar measure). For out &gt;= in the columns are orthonormal,
/// Q^T Q = I; for out &lt; in the rows are, Q Q^T = I.
/// </summary>
/// <remarks>
/// <para>Xiao, Bahri, Sohl-Dickstein, Schoenholz &amp; Pennington (2018), "Dynamical Isometry and a Mean Field
/// Theory of CNNs: How to Train 10,000-Layer Vanilla Convolutional Neural Networks" (arXiv 1806.05393),
/// Algorithm 2: with circular ("same") padding the convolution is then an orthogonal map of the whole signal
/// times gain, so a deep tanh CNN at criticality keeps its input-output Jacobian's singular values near 1 (dynamical
/// isometry) as orthogonal weights do for dense networks. With gain 1 and Q = I it is PyTorch's <c>dirac_</c>
/// (<see cref="DiracInitializer"/>).</para>
/// <para>Every kernel dimension must be odd: an even one has no centre tap, and the tap k/2 that <c>dirac_</c> uses
/// for an even size is not the one "same" padding aligns with the output ((k - 1)/2 for PyTorch's split), so the
/// kernel would shift the signal by one position per layer instead of preserving it. TensorFlow's
/// <c>ConvolutionDeltaOrthogonal</c> refuses in &gt; out; this follows <c>orthogonal_</c> there and makes the rows of
/// Q orthonormal.</para>
/// <para>Random streams: the same draws as <c>Init.Orthogonal(gain).Fill(q, [out, in], random)</c>, so the centre
/// tap equals that matrix bit for bit.</para>
/// <para>Variance: the centre tap's entries have variance gain^2 / max(out, in) and the other taps are 0, so the
/// entries do not share one variance; <see cref="EntryVariance"/> is their average over the tensor,
/// gain^2 min(out, in) / (out in k1 k2 ...) (the squared Frobenius norm gain^2 min(out, in) of gain Q over the
/// number of entries, the same for every draw). Times fan_in = in k1 k2 ... it is the mean squared norm of a row of
/// the kernel, gain^2 min(out, in) / out: the sigma_w^2 of Xiao et al.'s mean-field theory of CNNs (gain^2 for
/// out &lt;= in).</para>
/// </remarks>
internal sealed class DeltaOrthogonalInitializer : IWeightInitializer
{
    private readonly OrthogonalInitializer _centre;

    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The factor applied to Q; finite and non-negative (e.g. sqrt(sigma_w^2) at
    /// criticality).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, NaN or infinite.</exception>
    public DeltaOrthogonalInitializer(double gain = 1.0)
    {
        Guard.FiniteNonNegative(gain);
        Gain = gain;
        _centre = new OrthogonalInitializer(gain);
    }

    /// <summary>The factor applied to the centre tap's orthogonal matrix.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    public string Name => $"DeltaOrthogonal(gain={Gain:R})";

    /// <summary>
    /// gain^2 min(out, in) / (out in k1 k2 ...): the variance of the entries averaged over the tensor (the centre
    /// tap's gain^2 / max(out, in) and the other taps' 0), see the remarks.
    /// </summary>
    /// <param name="shape">(out, in, k1, ...): at least three positive dimensions, every kernel size odd.</param>
    /// <returns>The average variance of one entry.</returns>
    /// <exception cref="ArgumentException">The shape has fewer than 3 dimensions or an even kernel dimension.
    /// </exception>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        int count = CheckShape(shape);
        return Gain * Gain * Math.Min(shape[0], shape[1]) / count;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The shape has fewer than 3 dimensions or an even kernel dimension.
    /// </exception>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        WeightShape.CheckDraw<T>(weights.Length, shape, 3, Name, random);
        CheckShape(shape);
        int centre = 0;
        for (int d = 2; d < shape.Length; d++) centre = centre * shape[d] + shape[d] / 2;
        int outputs = shape[0], inputs = shape[1], receptive = weights.Length / (outputs * inputs);
        var q = new double[outputs * inputs];
        _centre.Fill<double>(q, [outputs, inputs], random);
        weights.Clear();
        for (int m = 0; m < q.Length; m++) weights[m * receptive + centre] = T.CreateTruncating(q[m]);
    }

    /// <summary>Checks a convolution shape with odd kernel sizes; returns the number of entries.</summary>
    private int CheckShape(ReadOnlySpan<int> shape)
    {
        int count = WeightShape.Check(shape, 3, Name);
        for (int d = 2; d < shape.Length; d++)
        {
            if (shape[d] % 2 == 0)
                throw new ArgumentException(
                    $"{Name} needs odd kernel sizes (a centre tap), but shape[{d}] is {shape[d]}.", nameof(shape));
        }
        return count;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
