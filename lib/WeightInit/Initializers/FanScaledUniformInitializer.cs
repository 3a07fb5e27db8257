using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// A fan-scaled initializer that draws from U(-b, b) with b = Bound(fan_in, fan_out); its standard
/// deviation is b / sqrt(3), since U(-b, b) has variance b^2 / 3.
/// </summary>
public abstract class FanScaledUniformInitializer : FanScaledInitializer
{
    /// <summary>The bound b of U(-b, b) for a layer with the given fans.</summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>b, the largest magnitude a weight can take.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fan is not positive.</exception>
    public double Bound(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return BoundOf(fanIn, fanOut);
    }

    /// <inheritdoc cref="Bound(int, int)"/>
    /// <param name="fans">The layer's fans.</param>
    public double Bound(FanPair fans) => Bound(fans.FanIn, fans.FanOut);

    /// <summary>Computes the bound for valid (positive) fans.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The bound b.</returns>
    protected abstract double BoundOf(int fanIn, int fanOut);

    /// <inheritdoc/>
    protected sealed override double StdOf(int fanIn, int fanOut) => BoundOf(fanIn, fanOut) / Math.Sqrt(3.0);

    /// <inheritdoc/>
    protected override void Draw<T>(Span<T> weights, FanPair fans, RandomSource random)
    {
        double b = BoundOf(fans.FanIn, fans.FanOut);
        random.FillUniform(weights, -b, b);
    }
}
