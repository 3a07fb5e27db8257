using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Fills a weight tensor, stored row-major in a span, with its initial values.
/// </summary>
/// <remarks>
/// Shapes follow PyTorch's convention: a dense layer's weight is (fan_out, fan_in), i.e. (outputs,
/// inputs), and a convolution's weight is (out_channels, in_channels, k1, k2, ...).
/// </remarks>
public interface IWeightInitializer
{
    /// <summary>A short description, e.g. "XavierNormal(gain=1)".</summary>
    string Name { get; }

    /// <summary>Fills <paramref name="weights"/> (row-major, of the given shape) with initial values.</summary>
    /// <param name="weights">The weights; their length must be the product of <paramref name="shape"/>.</param>
    /// <param name="shape">The weight tensor's shape, e.g. (outputs, inputs).</param>
    /// <param name="random">The source of every random draw.</param>
    void Fill(Span<double> weights, ReadOnlySpan<int> shape, RandomSource random);

    /// <inheritdoc cref="Fill(Span{double}, ReadOnlySpan{int}, RandomSource)"/>
    void Fill(Span<float> weights, ReadOnlySpan<int> shape, RandomSource random);
}
