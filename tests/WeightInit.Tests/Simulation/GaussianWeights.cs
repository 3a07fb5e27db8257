using System.Numerics;

namespace WeightInit.Tests.Simulation;

/// <summary>
/// A test initializer: N(0, std^2) with std a function of (fan_in, fan_out) taken from the dense
/// shape (out, in). Xavier normal (Glorot &amp; Bengio 2010) is std = sqrt(2 / (fan_in + fan_out)),
/// He normal (He et al. 2015) std = sqrt(2 / fan_in). Kept local so the simulator's tests do not
/// depend on the initializer library.
/// </summary>
internal sealed class GaussianWeights(string name, Func<int, int, double> std) : IWeightInitializer
{
    public string Name => name;

    public static GaussianWeights Constant(double std) => new($"N(0, {std}^2)", (_, _) => std);

    public static GaussianWeights XavierNormal { get; } =
        new("XavierNormal", (fanIn, fanOut) => Math.Sqrt(2.0 / (fanIn + fanOut)));

    public static GaussianWeights HeNormal { get; } = new("HeNormal", (fanIn, _) => Math.Sqrt(2.0 / fanIn));

    private static (int FanIn, int FanOut) Fans(ReadOnlySpan<int> shape) =>
        shape.Length == 1 ? (shape[0], shape[0]) : (shape[1], shape[0]);

    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (fanIn, fanOut) = Fans(shape);
        random.FillNormal(weights, 0.0, std(fanIn, fanOut));
    }
}
