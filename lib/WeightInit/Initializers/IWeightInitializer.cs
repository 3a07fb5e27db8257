using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Fills a weight tensor, stored row-major in a span, with its initial values.
/// </summary>
/// <remarks>
/// Shapes follow PyTorch's convention: a dense layer's weight is (fan_out, fan_in), i.e. (outputs,
/// inputs), and a convolution's weight is (out_channels, in_channels, k1, k2, ...).
/// <see cref="Fill{T}"/> is generic over the element type, <see cref="float"/> or <see cref="double"/>
/// (inferred from the span or array), like the rest of the library's numeric API; random values are computed
/// in double and rounded once to T. <see cref="WeightInitializerExtensions.Sample{T}(IWeightInitializer, ReadOnlySpan{int}, ulong)"/>
/// returns a new tensor with its shape in one call.
/// </remarks>
public interface IWeightInitializer
{
    /// <summary>A short description, e.g. "XavierNormal(gain=1)".</summary>
    string Name { get; }

    /// <summary>Fills <paramref name="weights"/> (row-major, of the given shape) with initial values.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="weights">The weights; their length must be the product of <paramref name="shape"/>.</param>
    /// <param name="shape">The weight tensor's shape, e.g. (outputs, inputs).</param>
    /// <param name="random">The source of every random draw.</param>
    /// <exception cref="ArgumentException">The shape does not suit the initializer, or the length of
    /// <paramref name="weights"/> is not the product of <paramref name="shape"/>.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random) where T : unmanaged, IFloatingPointIeee754<T>;
}
