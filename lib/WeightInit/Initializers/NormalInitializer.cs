using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// W ~ N(mean, std^2) (PyTorch's <c>normal_(mean, std)</c>, Keras's RandomNormal).
/// </summary>
/// <remarks>
/// With mean 0 and std 1 this is the article's first experiment: in a deep linear network each layer
/// multiplies the activations' standard deviation by about sqrt(fan_in), so they explode; with std 0.01
/// they vanish (the failure Glorot &amp; Bengio 2010, "Understanding the difficulty of training deep feedforward neural
/// networks", and He et al. 2015, "Delving Deep into Rectifiers", analyse). The shape needs at least one dimension.
/// </remarks>
internal sealed class NormalInitializer : IWeightInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="mean">The mean; finite.</param>
    /// <param name="std">The standard deviation; finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">mean is not finite, or std is negative or not finite.</exception>
    public NormalInitializer(double mean = 0.0, double std = 1.0)
    {
        Guard.Finite(mean);
        Guard.FiniteNonNegative(std);
        Mean = mean;
        Std = std;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double Std { get; }

    /// <inheritdoc/>
    public string Name => $"Normal(mean={Mean:R}, std={Std:R})";

    /// <summary>std^2 when the mean is 0; null otherwise.</summary>
    /// <param name="shape">At least one dimension, all positive.</param>
    /// <returns>std^2 or null.</returns>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        WeightShape.Check(shape, 1, Name);
        return Mean == 0 ? Std * Std : null;
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        WeightShape.CheckDraw<T>(weights.Length, shape, 1, Name, random);
        random.FillNormal(weights, Mean, Std);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
