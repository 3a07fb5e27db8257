using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>A fan-scaled initializer that draws from N(0, Std(fan_in, fan_out)^2).</summary>
public abstract class FanScaledNormalInitializer : FanScaledInitializer
{
    /// <inheritdoc/>
    protected override void Draw<T>(Span<T> weights, FanPair fans, RandomSource random) =>
        random.FillNormal(weights, 0.0, StdOf(fans.FanIn, fans.FanOut));
}
