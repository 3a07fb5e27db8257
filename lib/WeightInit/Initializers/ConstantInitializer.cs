using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Fills every weight with the same value c (PyTorch's <c>constant_</c>, Keras's Constant).
/// </summary>
/// <remarks>
/// Constant weights do not break symmetry: units that see the same inputs get the same gradients and stay
/// equal (Goodfellow, Bengio &amp; Courville 2016, "Deep Learning", section 8.4). Use them for biases, not weights.
/// The shape needs at least one dimension and draws nothing from <c>random</c>.
/// </remarks>
internal class ConstantInitializer : IWeightInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="value">The value of every weight; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public ConstantInitializer(double value)
    {
        Guard.Finite(value);
        Value = value;
    }

    /// <summary>The value written.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public virtual string Name => $"Constant({Value:R})";

    /// <summary>0 for zeros (every entry 0, mean 0, variance 0); null for any other value (its entries do not have mean
    /// 0).</summary>
    /// <param name="shape">At least one dimension, all positive.</param>
    /// <returns>0 or null.</returns>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        WeightShape.Check(shape, 1, Name);
        return Value == 0 ? 0.0 : null;
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        WeightShape.Check(weights.Length, shape, 1, Name);
        weights.Fill(T.CreateTruncating(Value));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
