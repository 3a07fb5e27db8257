using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Tests.Training;

/// <summary>
/// Test-local initializers (stand-ins until the library's initializers land on main; each is a
/// one-line formula, so the tests do not depend on the code they would test elsewhere).
/// </summary>
internal sealed class ConstantTestInitializer(double value) : IWeightInitializer
{
    public string Name => $"Constant({value})";
    public void Fill(Span<double> weights, ReadOnlySpan<int> shape, RandomSource random) => weights.Fill(value);
    public void Fill(Span<float> weights, ReadOnlySpan<int> shape, RandomSource random) => weights.Fill((float)value);
}

/// <summary>N(0, std^2) with std = gain / sqrt(fan_in), fan_in = shape[1] (He et al., 2015 with gain sqrt 2).</summary>
internal sealed class ScaledNormalTestInitializer(double gain) : IWeightInitializer
{
    public string Name => $"Normal(gain={gain}/sqrt(fan_in))";
    public void Fill(Span<double> weights, ReadOnlySpan<int> shape, RandomSource random) =>
        random.FillNormal(weights, 0, gain / Math.Sqrt(shape[1]));
    public void Fill(Span<float> weights, ReadOnlySpan<int> shape, RandomSource random) =>
        random.FillNormal(weights, 0f, (float)(gain / Math.Sqrt(shape[1])));

    /// <summary>He (Kaiming) normal: std = sqrt(2 / fan_in).</summary>
    public static ScaledNormalTestInitializer He { get; } = new(Math.Sqrt(2));
}

/// <summary>N(0, std^2) with a fixed std.</summary>
internal sealed class FixedNormalTestInitializer(double std) : IWeightInitializer
{
    public string Name => $"Normal(std={std})";
    public void Fill(Span<double> weights, ReadOnlySpan<int> shape, RandomSource random) => random.FillNormal(weights, 0, std);
    public void Fill(Span<float> weights, ReadOnlySpan<int> shape, RandomSource random) => random.FillNormal(weights, 0f, (float)std);
}

internal static class DigitsFixture
{
    private static readonly Lazy<TrainTestSplit> s_split = new(() => DigitsDataset.LoadSplit(Path));

    /// <summary>The repository's digits file, found from the test's working directory upwards.</summary>
    public static string Path => DigitsDataset.FindFile(AppContext.BaseDirectory);

    /// <summary>The fixed split (loaded once per test run).</summary>
    public static TrainTestSplit Split => s_split.Value;
}
