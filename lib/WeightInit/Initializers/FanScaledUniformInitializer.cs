using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// A fan-scaled initializer that draws from U(-b, b) with b = Bound(fan_in, fan_out); its standard
/// deviation is b / sqrt(3), since U(-b, b) has variance b^2 / 3.
/// </summary>
internal abstract class FanScaledUniformInitializer : FanScaledInitializer
{
    /// <summary>Computes the bound b of U(-b, b) for valid (positive) fans.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The bound b.</returns>
    private protected abstract override double BoundOf(int fanIn, int fanOut);

    /// <inheritdoc/>
    private protected sealed override double StdOf(int fanIn, int fanOut) => BoundOf(fanIn, fanOut) / Math.Sqrt(3.0);

    /// <inheritdoc/>
    private protected override void Draw<T>(Span<T> weights, FanPair fans, RandomSource random)
    {
        double b = BoundOf(fans.FanIn, fans.FanOut);
        random.FillUniform(weights, -b, b);
    }
}
