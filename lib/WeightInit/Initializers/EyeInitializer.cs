using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// The identity for a 2-D weight: W[i, j] = 1 if i == j, else 0 (PyTorch's <c>eye_</c>, Keras's Identity);
/// for a non-square (out, in) matrix the ones run along the main diagonal.
/// </summary>
/// <remarks>
/// Keeps the inputs' identity in layers with the same number of inputs and outputs, as in identity-initialized
/// recurrent networks (Le, Jaitly &amp; Hinton 2015, "A Simple Way to Initialize Recurrent Networks of Rectified
/// Linear Units"). Draws nothing from <c>random</c>.
/// </remarks>
internal sealed class EyeInitializer : IWeightInitializer
{
    /// <inheritdoc/>
    public string Name => "Eye";

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        if (shape.Length != 2)
            throw new ArgumentException($"Eye needs a 2-D shape (out, in), but shape has {shape.Length} dimensions.",
                nameof(shape));
        WeightShape.Check(weights.Length, shape, 2, Name);
        weights.Clear();
        for (int i = 0; i < Math.Min(shape[0], shape[1]); i++) weights[i * shape[1] + i] = T.One;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
