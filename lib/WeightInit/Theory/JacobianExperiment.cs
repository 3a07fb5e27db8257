using WeightInit.Activations;

namespace WeightInit.Theory;

/// <summary>
/// A deep dense network h_l = W_l x_{l-1} + b_l, x_l = phi(h_l) (l = 1..L, every layer n wide) at
/// one input, whose input-output Jacobian J = D_L W_L ... D_1 W_1, D_l = diag(phi'(h_l)), is computed by
/// <see cref="InputOutputJacobian.Compute"/> (Saxe et al. 2013; Pennington, Schoenholz &amp; Ganguli 2017,
/// "Resurrecting the sigmoid in deep learning through dynamical isometry").
/// </summary>
/// <remarks>
/// Random streams of <see cref="Seed"/>: the input direction from stream 0, W_l from stream l, b_l from
/// stream 2^32 + l (b_l ~ N(0, sigma_b^2)). The input is a random direction scaled so that the first
/// layer's pre-activations have length <see cref="InputLength"/> in expectation:
/// |x_0|^2 / n = (q^1 - sigma_b^2) / sigma_w^2.
/// </remarks>
public sealed record JacobianExperiment
{
    /// <summary>phi. Required.</summary>
    public required Activation Activation { get; init; }

    /// <summary>sigma_w^2, finite and positive. Required.</summary>
    public required double WeightVariance { get; init; }

    /// <summary>sigma_b^2, finite and non-negative (default 0).</summary>
    public double BiasVariance { get; init; }

    /// <summary>Gaussian (default) or scaled orthogonal weights.</summary>
    public WeightDistribution Weights { get; init; } = WeightDistribution.Gaussian;

    /// <summary>n, at least 1 (default 256; the SVD of n = 512 takes about 0.2 s).</summary>
    public int Width { get; init; } = 256;

    /// <summary>L, at least 1. Required.</summary>
    public required int Depth { get; init; }

    /// <summary>
    /// q^1, the length of the first layer's pre-activations, at least sigma_b^2; null (default) for the
    /// mean-field fixed point q* (so that every layer sits at q*), or 1 when q* is 0 or does not exist.
    /// </summary>
    public double? InputLength { get; init; }

    /// <summary>The depths (each in 1..L) at which to compute all singular values of J; null (default) for L only; empty for none.</summary>
    public IReadOnlyList<int>? SpectrumDepths { get; init; }

    /// <summary>The seed of the input, weights and biases.</summary>
    public ulong Seed { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        NetworkRules.Check(Activation, WeightVariance, BiasVariance, Weights, Width, Depth);
        if ((long)Width * Width > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(Width), Width, $"{nameof(Width)} squared must fit in one array.");
        if (InputLength is double q)
        {
            Guard.Finite(q, nameof(InputLength));
            if (q < BiasVariance)
                throw new ArgumentOutOfRangeException(nameof(InputLength), q,
                    $"{nameof(InputLength)} must be at least {nameof(BiasVariance)} ({BiasVariance}): the biases alone give the pre-activations that length, but it is {q}.");
        }
        if (SpectrumDepths is not null)
            for (int i = 0; i < SpectrumDepths.Count; i++)
                if (SpectrumDepths[i] < 1 || SpectrumDepths[i] > Depth)
                    throw new ArgumentOutOfRangeException(nameof(SpectrumDepths), SpectrumDepths[i],
                        $"{nameof(SpectrumDepths)}[{i}] must be a depth in 1..{Depth}, but it is {SpectrumDepths[i]}.");
    }

    /// <summary>q^1 as used: <see cref="InputLength"/>, or q* of <see cref="MeanFieldModel"/>, or 1.</summary>
    /// <returns>The first layer's pre-activation length.</returns>
    public double ResolveInputLength()
    {
        Validate();
        if (InputLength is double q) return q;
        var fixedPoint = new MeanFieldModel(Activation, WeightVariance, BiasVariance).FindLengthFixedPoint();
        return fixedPoint.Exists && fixedPoint.Length > 0 ? fixedPoint.Length : Math.Max(1, BiasVariance);
    }
}
