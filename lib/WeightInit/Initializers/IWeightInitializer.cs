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
/// in double and rounded once to T.
/// <see cref="WeightInitializerExtensions.Sample{T}(IWeightInitializer, ReadOnlySpan{int}, ulong)"/>
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
    void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// The variance Var(W_ij) of every entry of a tensor of the given shape, when the initializer draws entries of mean
    /// zero that share one variance; null when it does not (a nonzero constant, ones, the identity, a nonzero mean).
    /// It is what the mean-field theory of a deep network reads as sigma_w^2 = Var(W_ij) fan_in (Poole et al. 2016,
    /// "Exponential expressivity in deep neural networks through transient chaos"). The library's initializers state it
    /// (e.g. He normal: 2 / fan_in; orthogonal: gain^2 / max(rows, cols); zeros: 0); this default says "none", so an
    /// initializer written elsewhere states a variance only by implementing it.
    /// </summary>
    /// <param name="shape">The weight tensor's shape, as for <see cref="Fill{T}"/>.</param>
    /// <returns>The variance of one entry, or null.</returns>
    /// <exception cref="ArgumentException">The shape does not suit the initializer.</exception>
    double? EntryVariance(ReadOnlySpan<int> shape) => null;
}
