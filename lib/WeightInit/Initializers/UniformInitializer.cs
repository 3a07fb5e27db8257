using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// W ~ U(low, high): mean (low + high) / 2, variance (high - low)^2 / 12 (PyTorch's <c>uniform_(a, b)</c>,
/// Keras's RandomUniform).
/// </summary>
/// <remarks>A fixed scale, independent of the layer's size: the baseline that Glorot &amp; Bengio (2010),
/// "Understanding the
/// difficulty of training deep feedforward neural networks", replace by a fan-scaled range. The shape needs at least
/// one dimension. For a scale that follows the layer's size use
/// <see cref="XavierInitializer"/>, <see cref="HeInitializer"/> or
/// <see cref="LeCunInitializer"/> (their uniform forms).</remarks>
internal sealed class UniformInitializer : IWeightInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="low">The lower bound; finite.</param>
    /// <param name="high">The upper bound; finite and greater than <paramref name="low"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="low"/> is not less than <paramref name="high"/>.</exception>
    public UniformInitializer(double low = 0.0, double high = 1.0)
    {
        Guard.Finite(low);
        Guard.Finite(high);
        if (!(low < high))
            throw new ArgumentException($"low must be less than high, but low = {low} and high = {high}.", nameof(low));
        Low = low;
        High = high;
    }

    /// <summary>The lower bound.</summary>
    public double Low { get; }

    /// <summary>The upper bound.</summary>
    public double High { get; }

    /// <summary>The mean of the drawn weights, (low + high) / 2.</summary>
    public double Mean => (Low + High) / 2.0;

    /// <summary>The standard deviation of the drawn weights, (high - low) / sqrt(12).</summary>
    public double Std => (High - Low) / Math.Sqrt(12.0);

    /// <inheritdoc/>
    public string Name => $"Uniform({Low:R}, {High:R})";

    /// <summary>(high - low)^2 / 12 when the range is symmetric about 0 (low = -high); null otherwise.</summary>
    /// <param name="shape">At least one dimension, all positive.</param>
    /// <returns>The variance or null.</returns>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        WeightShape.Check(shape, 1, Name);
        return Low == -High ? (High - Low) * (High - Low) / 12.0 : null;
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        WeightShape.CheckDraw<T>(weights.Length, shape, 1, Name, random);
        random.FillUniform(weights, Low, High);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
