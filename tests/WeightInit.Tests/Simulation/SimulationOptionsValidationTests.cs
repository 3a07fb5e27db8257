namespace WeightInit.Tests.Simulation;

/// <summary>Each rule of the simulator's options (checked against the network run): an ArgumentException naming the
/// option.</summary>
public class SimulationOptionsValidationTests
{
    private static readonly DeepNetwork Network = DeepNetwork.Stack(2, 4, Activation.Identity,
        GaussianWeights.XavierNormal);

    private static readonly SimulationOptions Valid = new() { BatchSize = 3, Seed = 1 };

    private static void AssertRejected(SimulationOptions options, string parameter, DeepNetwork? network = null)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => DeepNetworkSimulator.Run(network ?? Network, options));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message);
    }

    [Fact]
    public void ValidOptionsRun() => Assert.Equal(3, DeepNetworkSimulator.Run(Network, Valid).Forward.Count);

    [Fact]
    public void DefaultOptionsRun() => Assert.Equal(512 * 4, DeepNetworkSimulator.Run(Network).Output.Count);

    [Fact]
    public void NullNetwork()
        => Assert.Throws<ArgumentNullException>("network", () => DeepNetworkSimulator.Run(null!, Valid));

    [Theory]
    [InlineData(0)]
    [InlineData(-512)]
    public void BatchSizeMustBePositive(int batch) => AssertRejected(Valid with { BatchSize = batch }, "BatchSize");

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
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void SaturationThresholdMustLieBetweenZeroAndOne(double threshold) =>
        AssertRejected(Valid with { SaturationThreshold = threshold }, "SaturationThreshold");

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaxDegreeOfParallelismMustBeMinusOneOrPositive(int dop) =>
        AssertRejected(Valid with { MaxDegreeOfParallelism = dop }, "MaxDegreeOfParallelism");

    [Fact]
    public void BatchTimesWidthMustFitInAnArray() =>
        AssertRejected(Valid with { BatchSize = 1 << 20 }, "BatchSize",
            DeepNetwork.Stack(1, 1 << 12, Activation.Identity, GaussianWeights.XavierNormal));

    [Fact]
    public void InputBatchIsTheGivenInputOrTheSimulatorsOwnDraw()
    {
        var input = Enumerable.Range(0, 12).Select(i => i * 0.1 + 1e-9).ToArray();
        Assert.Equal(input, (Valid with { Input = input }).InputBatch(Network));
        Assert.Equal(input.Select(v => (double)(float)v),
            (Valid with { Input = input, Precision = FloatPrecision.Single }).InputBatch(Network));
        // The drawn batch is the input the simulator runs: layer 0's statistics are those of the batch.
        foreach (var precision in new[] { FloatPrecision.Double, FloatPrecision.Single })
        {
            var options = Valid with { Precision = precision, BatchSize = 5 };
            var batch = options.InputBatch(Network);
            var run = DeepNetworkSimulator.Run(Network, options with { KeepWeights = true });
            var rerun = DeepNetworkSimulator.Run(Network, options with { Input = batch, KeepWeights = true });
            Assert.Equal(run.Output, rerun.Output);
            Assert.Equal(run.Forward[0], rerun.Forward[0]);
        }
        Assert.Throws<ArgumentNullException>("network", () => Valid.InputBatch(null!));
        Assert.Equal("Input",
            Assert.Throws<ArgumentException>(()
            => (Valid with { Input = new double[3] }).InputBatch(Network)).ParamName);
    }
}
