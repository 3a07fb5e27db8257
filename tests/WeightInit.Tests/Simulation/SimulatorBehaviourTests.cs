namespace WeightInit.Tests.Simulation;

/// <summary>Determinism, progress, cancellation and the streaming contract of
/// <see cref="DeepNetworkSimulator"/>.</summary>
public class SimulatorBehaviourTests
{
    private static DeepNetwork Net(Activation? activation = null) =>
        DeepNetwork.Stack([300, 256, 513, 256, 300, 256, 256, 200, 256, 256, 256, 129, 256], activation
            ?? Activation.ReLU,
            GaussianWeights.HeNormal, GaussianWeights.Constant(0.05));

    private static SimulationOptions Options(FloatPrecision precision, int dop = -1, ulong seed = 7) => new()
    {
        BatchSize = 64,
        Precision = precision,
        Seed = seed,
        ComputeBackward = true,
        MaxDegreeOfParallelism = dop,
    };

    private sealed class Recorder(Action<SimulationProgress>? onReport = null) : IProgress<SimulationProgress>
    {
        public List<SimulationProgress> Reports { get; } = [];

        public void Report(SimulationProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    private static void AssertSameBits(SimulationResult a, SimulationResult b)
    {
        // Record equality compares every double with Equals, i.e. bit for bit (and NaN equal to NaN).
        Assert.Equal(a.Forward, b.Forward);
        Assert.Equal(a.Backward!, b.Backward!);
        Assert.Equal(a.Output, b.Output);
    }

    [Theory]
    [InlineData(FloatPrecision.Single, "ReLU")]
    [InlineData(FloatPrecision.Double, "ReLU")]
    [InlineData(FloatPrecision.Single, "Tanh")]
    [InlineData(FloatPrecision.Double, "Softsign")]
    public void SameSeedSameBitsWhateverTheThreadCount(FloatPrecision precision, string activation)
    {
        var f = activation switch { "ReLU" => Activation.ReLU, "Tanh" => Activation.Tanh, _ => Softsign.Instance };
        var one = DeepNetworkSimulator.Run(Net(f), Options(precision, dop: 1));
        var two = DeepNetworkSimulator.Run(Net(f), Options(precision, dop: 2));
        var all = DeepNetworkSimulator.Run(Net(f), Options(precision, dop: -1));
        var again = DeepNetworkSimulator.Run(Net(f), Options(precision, dop: -1));
        AssertSameBits(one, two);
        AssertSameBits(one, all);
        AssertSameBits(all, again);
        var other = DeepNetworkSimulator.Run(Net(f), Options(precision, seed: 8));
        Assert.NotEqual(one.Forward[1].Mean, other.Forward[1].Mean);
        Assert.NotEqual(one.Forward[0].Mean, other.Forward[0].Mean);
    }

    [Fact]
    public void KeepWeightsChangesNothingButReturnsTheWeights()
    {
        var streamed = DeepNetworkSimulator.Run(Net(), Options(FloatPrecision.Double));
        var kept = DeepNetworkSimulator.Run(Net(), Options(FloatPrecision.Double) with { KeepWeights = true });
        AssertSameBits(streamed, kept);
        Assert.Null(streamed.Weights);
        Assert.Equal(12, kept.Weights!.Count);
        for (int l = 1; l <= 12; l++) Assert.Equal(kept.Widths[l] * kept.Widths[l - 1], kept.Weights[l - 1].Length);
        // Layer l's weights come from stream l of the seed, whatever else the run draws.
        var w3 = new double[kept.Widths[3] * kept.Widths[2]];
        GaussianWeights.HeNormal.Fill(w3, [kept.Widths[3], kept.Widths[2]], new WeightInit.Random.RandomSource(7)
            .Fork(3));
        Assert.Equal(w3, kept.Weights[2]);
    }

    [Fact]
    public void ForwardOnlyLeavesBackwardNull()
    {
        var r = DeepNetworkSimulator.Run(Net(), Options(FloatPrecision.Single) with { ComputeBackward = false });
        Assert.Null(r.Backward);
        Assert.Null(r.TopmostNonFiniteGradientLayer);
        Assert.Equal(13, r.Forward.Count);
        Assert.True(r.Timings.Total >= r.Timings.Products);
    }

    [Fact]
    public void ProgressIsReportedAfterEveryLayerOfEachPass()
    {
        var recorder = new Recorder();
        DeepNetworkSimulator.Run(Net(), Options(FloatPrecision.Single), recorder);
        var expected = Enumerable.Range(1, 12).Select(l => new SimulationProgress(SimulationPhase.Forward, l, 12))
            .Concat(Enumerable.Range(1, 12).Select(l => new SimulationProgress(SimulationPhase.Backward, l, 12)));
        Assert.Equal(expected, recorder.Reports);
        Assert.Equal(1.0, recorder.Reports[^1].Fraction);
    }

    [Theory]
    [InlineData(SimulationPhase.Forward, 3)]
    [InlineData(SimulationPhase.Backward, 5)]
    public void CancellationStopsAtTheNextLayer(SimulationPhase phase, int afterLayer)
    {
        using var cts = new CancellationTokenSource();
        var recorder = new Recorder(p => { if (p.Phase == phase && p.LayersDone == afterLayer) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(()
            => DeepNetworkSimulator.Run(Net(), Options(FloatPrecision.Double), recorder, cts.Token));
        Assert.Equal(new SimulationProgress(phase, afterLayer, 12), recorder.Reports[^1]);
    }

    [Fact]
    public void CancelledTokenThrowsBeforeAnyWork()
    {
        var recorder = new Recorder();
        Assert.ThrowsAny<OperationCanceledException>(()
            => DeepNetworkSimulator.Run(Net(), Options(FloatPrecision.Double), recorder, new CancellationToken(true)));
        Assert.Empty(recorder.Reports);
    }

    [Fact]
    public void LinearBackwardWithoutCheckpointsMatchesTheCheckpointedPath()
    {
        // The identity takes the checkpoint-free path; a custom activation equal to the identity takes the checkpointed
        // one.
        var options = Options(FloatPrecision.Double);
        var widths = Net().Widths;
        var direct = DeepNetworkSimulator.Run(DeepNetwork.Stack(widths, Activation.Identity,
            GaussianWeights.XavierNormal), options);
        var viaCheckpoints = DeepNetworkSimulator.Run(DeepNetwork.Stack(widths, new LinearByAnotherName(),
            GaussianWeights.XavierNormal), options);
        Assert.Equal(direct.Backward!.Select(s => s.Std), viaCheckpoints.Backward!.Select(s => s.Std));
        Assert.Equal(direct.Forward.Select(s => s.Mean), viaCheckpoints.Forward.Select(s => s.Mean));
    }

    private sealed class LinearByAnotherName : Activation
    {
        public override string Name => "Linear";
        public override double Apply(double x) => x;
        public override double Derivative(double x) => 1;
    }

    [Fact]
    public void NonFiniteActivationsAreAResultNotAnException()
    {
        var r = DeepNetworkSimulator.Run(DeepNetwork.Stack(40, 64, Activation.Identity, GaussianWeights.Constant(10)),
            new SimulationOptions { BatchSize = 8, Precision = FloatPrecision.Single, ComputeBackward = true,
                Seed = 1 });
        Assert.NotNull(r.FirstNonFiniteLayer);
        Assert.Equal(1.0, r.Forward[40].NonFiniteFraction);
        Assert.True(r.Backward![40].AllFinite);                            // the injected top gradient is finite...
        Assert.NotNull(r.TopmostNonFiniteGradientLayer);                    // ...but it overflows on the way down
        Assert.True(r.TopmostNonFiniteGradientLayer < 40);
    }
}
