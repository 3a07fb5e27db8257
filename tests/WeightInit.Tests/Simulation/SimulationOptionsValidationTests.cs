using WeightInit.Simulation;

namespace WeightInit.Tests.Simulation;

/// <summary>Each rule of <see cref="SimulationOptions.Validate"/>: an ArgumentException naming the option.</summary>
public class SimulationOptionsValidationTests
{
    private static readonly SimulationOptions Valid = new()
    {
        Depth = 2, Width = 4, BatchSize = 3, WeightInitializer = GaussianWeights.XavierNormal, Seed = 1,
    };

    private static void AssertRejected(SimulationOptions options, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => DeepNetworkSimulator.Run(options));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message);
    }

    [Fact]
    public void ValidOptionsRun() => Assert.Equal(3, DeepNetworkSimulator.Run(Valid).Forward.Count);

    [Fact]
    public void NullOptions() => Assert.Throws<ArgumentNullException>("options", () => DeepNetworkSimulator.Run(null!));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void DepthMustBePositive(int depth) => AssertRejected(Valid with { Depth = depth }, "Depth");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void WidthMustBePositive(int width) => AssertRejected(Valid with { Width = width }, "Width");

    [Theory]
    [InlineData(0)]
    [InlineData(-512)]
    public void BatchSizeMustBePositive(int batch) => AssertRejected(Valid with { BatchSize = batch }, "BatchSize");

    [Fact]
    public void WidthsMustHoldDepthPlusOneEntries() => AssertRejected(Valid with { Width = 0, Widths = [4, 4] }, "Widths");

    [Fact]
    public void WidthsMustBePositive() => AssertRejected(Valid with { Width = 0, Widths = [4, 0, 4] }, "Widths");

    [Fact]
    public void WidthAndWidthsAreExclusive() => AssertRejected(Valid with { Widths = [4, 4, 4] }, "Width");

    [Fact]
    public void WeightInitializerMustNotBeNull() => AssertRejected(Valid with { WeightInitializer = null! }, "WeightInitializer");

    [Fact]
    public void ActivationIsRequired() => AssertRejected(Valid with { Activation = null! }, "Activation");

    [Fact]
    public void PrecisionMustBeDefined() => AssertRejected(Valid with { Precision = (FloatPrecision)7 }, "Precision");

    [Fact]
    public void InputMustHoldBatchTimesWidthValues() => AssertRejected(Valid with { Input = new double[11] }, "Input");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InputMustBeFinite(double bad)
    {
        var input = new double[12];
        input[5] = bad;
        AssertRejected(Valid with { Input = input }, "Input");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void SaturationThresholdMustBeFinitePositive(double threshold) =>
        AssertRejected(Valid with { SaturationThreshold = threshold }, "SaturationThreshold");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void BiasValueMustBeFinite(double bias) => AssertRejected(Valid with { BiasValue = bias }, "BiasValue");

    [Fact]
    public void BiasValueAndBiasInitializerAreExclusive() =>
        AssertRejected(Valid with { BiasValue = 0.1, BiasInitializer = GaussianWeights.Constant(1) }, "BiasValue");

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaxDegreeOfParallelismMustBeMinusOneOrPositive(int dop) =>
        AssertRejected(Valid with { MaxDegreeOfParallelism = dop }, "MaxDegreeOfParallelism");

    [Fact]
    public void BatchTimesWidthMustFitInAnArray() =>
        AssertRejected(Valid with { BatchSize = 1 << 20, Width = 1 << 12 }, "BatchSize");

    [Fact]
    public void WeightMustFitInAnArray() =>
        AssertRejected(Valid with { BatchSize = 1, Width = 50_000 }, "Width");
}
