using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>A fan-scaled initializer that draws from N(0, Std(fan_in, fan_out)^2).</summary>
internal abstract class FanScaledNormalInitializer : FanScaledInitializer
{
    /// <inheritdoc/>
    private protected override void Draw<T>(Span<T> weights, FanPair fans, RandomSource random) =>
        random.FillNormal(weights, 0.0, StdOf(fans.FanIn, fans.FanOut));
}
