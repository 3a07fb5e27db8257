using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>One-call sampling for every <see cref="IWeightInitializer"/>: a new tensor of a given shape,
/// initialized.</summary>
public static class WeightInitializerExtensions
{
    /// <summary>
    /// A new tensor of the given shape filled by <paramref name="initializer"/> from a source seeded with
    /// <paramref name="seed"/>: the same values as <see cref="IWeightInitializer.Fill{T}"/> into a new array with
    /// <c>new RandomSource(seed)</c>. Example: <c>Init.HeNormal().Sample&lt;float&gt;([512, 256], seed: 42)</c>.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="initializer">The initializer.</param>
    /// <param name="shape">The tensor's shape, e.g. (outputs, inputs); every dimension positive (copied).</param>
    /// <param name="seed">The seed of the <see cref="RandomSource"/> the values are drawn from.</param>
    /// <returns>The values with their shape.</returns>
    /// <exception cref="ArgumentException">The shape does not suit the initializer (see its documentation).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static WeightTensor<T> Sample<T>(this IWeightInitializer initializer, ReadOnlySpan<int> shape, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Sample<T>(initializer, shape, new RandomSource(seed));

    /// <summary>A new tensor of the given shape filled by <paramref name="initializer"/> from
    /// <paramref name="random"/>.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="initializer">The initializer.</param>
    /// <param name="shape">The tensor's shape, e.g. (outputs, inputs); every dimension positive (copied).</param>
    /// <param name="random">The source of every random draw.</param>
    /// <returns>The values with their shape.</returns>
    /// <exception cref="ArgumentException">The shape does not suit the initializer (see its documentation).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static WeightTensor<T> Sample<T>(this IWeightInitializer initializer, ReadOnlySpan<int> shape,
        RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        Guard.FloatOrDouble<T>();
        WeightShape.CheckDimensions(shape);
        var values = new T[WeightShape.Count(shape)];
        initializer.Fill<T>(values, shape, random);
        return new WeightTensor<T>(values, shape.ToArray());
    }
}
