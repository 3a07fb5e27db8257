namespace WeightInit.Theory;

/// <summary>
/// How <see cref="InputOutputJacobian.Compute"/> evaluates a network's Jacobian: at which input length, at which depths
/// the whole spectrum is wanted, and the seed. The network is the <see cref="DeepNetwork"/>.
/// </summary>
/// <remarks>
/// Random streams of <see cref="Seed"/>: the input direction from stream 0; W_l and b_l from the network's own streams
/// (<see cref="DeepNetwork.FillWeights{T}"/>, <see cref="DeepNetwork.FillBiases{T}"/>). The input is a random direction
/// scaled so that the first layer's pre-activations have length <see cref="InputLength"/> in expectation:
/// |x_0|^2 / n = (q^1 - sigma_b^2) / sigma_w^2.
/// </remarks>
public sealed record JacobianOptions
{
    /// <summary>
    /// q^1, the length of the first layer's pre-activations, finite and at least sigma_b^2; null (default) for the
    /// mean-field fixed point q* (so that every layer sits at q*), or 1 (or sigma_b^2 if larger) when q* is 0 or does
    /// not exist.
    /// </summary>
    public double? InputLength { get; init; }

    /// <summary>The depths (each in 1..L) at which to compute all singular values of J; null (default) for L only;
    /// empty for none.</summary>
    public IReadOnlyList<int>? SpectrumDepths { get; init; }

    /// <summary>The seed of the input, weights and biases.</summary>
    public ulong Seed { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that breaks its rule for a network of
    /// these variances and depth.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly",
        Justification = "The exceptions name the option (a property of this record) that breaks its rule, " +
            "as the other option records do.")]
    internal void Validate(double biasVariance, int depth)
    {
        if (InputLength is double q)
        {
            Guard.Finite(q, nameof(InputLength));
            if (q < biasVariance)
                throw new ArgumentOutOfRangeException(nameof(InputLength), q,
                    $"{nameof(InputLength)} must be at least sigma_b^2 ({biasVariance}): the biases alone give the " +
                    $"pre-activations that length, but it is {q}.");
        }
        if (SpectrumDepths is not null)
            for (int i = 0; i < SpectrumDepths.Count; i++)
                if (SpectrumDepths[i] < 1 || SpectrumDepths[i] > depth)
                    throw new ArgumentOutOfRangeException(nameof(SpectrumDepths), SpectrumDepths[i],
                        $"{nameof(SpectrumDepths)}[{i}] must be a depth in 1..{depth}, but it is {SpectrumDepths[i]}.");
    }
}
