using WeightInit.Tests.Training;

namespace WeightInit.Tests.Scaling;

/// <summary>
/// The coordinate check of a plain network (<see cref="NetworkCoordinateCheck"/>) on the digits: its bookkeeping,
/// determinism, and the behaviour Tensor Programs V predicts under Adam (the logits' change grows like the width in
/// the standard parametrization, and stays flat in muP).
/// </summary>
public sealed class NetworkCoordinateCheckTests
{
    private static DeepNetwork Mlp(int width) =>
        DeepNetwork.Classifier([64, width, width, 10], Activation.ReLU, Init.HeNormal());

    private static TrainingOptions Adam(ulong seed) =>
        new() { Optimizer = OptimizerKind.Adam, LearningRate = 1e-2, BatchSize = 32, Seed = seed };

    [Fact]
    public void ItRecordsEverySiteAtEveryStepAndIsFixedByItsSeeds()
    {
        var train = DigitsFixture.Split.Train;
        CoordinateCheckResult Run() => NetworkCoordinateCheck.Run([32, 48],
            n => MaximalUpdateNetwork.For(Mlp(n), baseWidth: 32).Create(1), train, Adam(2), steps: 2);
        var a = Run();
        var b = Run();
        Assert.Equal(["layer 1", "layer 2", NetworkCoordinateCheck.LogitsSite], a.Sites);
        Assert.Equal(2 * 3 * 3, a.Points.Count);
        Assert.Equal(a.Points, b.Points);
        foreach (int width in a.Widths)
        {
            // The zero readout: the logits start at exactly 0, and the first step moves only the readout (every
            // hidden gradient is 0), so the hidden layers change from the second step on.
            Assert.Equal(0.0, a.Point(width, 0, "logits").MeanAbsActivation);
            Assert.True(a.Point(width, 1, "logits").MeanAbsChange > 0);
            Assert.Equal(0.0, a.Point(width, 1, "layer 1").MeanAbsChange);
            Assert.Equal(0.0, a.Point(width, 1, "layer 2").MeanAbsChange);
            Assert.True(a.Point(width, 2, "layer 2").MeanAbsChange > 0);
            Assert.True(a.Point(width, 0, "layer 1").MeanAbsActivation > 0);
        }
    }

    [Fact]
    public void TheProbeIsTheSameSamplesAtEveryWidth()
    {
        // A network whose first layer is the identity on the inputs (64 -> 64, eye weights, zero biases) shows the
        // probe itself at "layer 1": the same values at both widths, drawn from the training set.
        var train = DigitsFixture.Split.Train;
        Network Create(int n) => Network.Create(
            DeepNetwork.Classifier([64, 64, 10], Activation.Identity, Init.Eye()), 1);
        var result = NetworkCoordinateCheck.Run([1, 2], Create, train, Adam(5), steps: 1);
        Assert.Equal(result.Point(1, 0, "layer 1").MeanAbsActivation, result.Point(2, 0, "layer 1").MeanAbsActivation);
        var subject = NetworkCoordinateCheck.Subject(Create(1), train, Adam(5));
        var probe = subject.Probe()[0];
        Assert.Equal(32 * 64, probe.Length);
        for (int i = 0; i < 32; i++)
        {
            var row = probe.AsSpan(i * 64, 64).ToArray();
            Assert.Contains(Enumerable.Range(0, train.Count), s => train.FeaturesOf(s).SequenceEqual(row));
        }
    }

    [Fact]
    public void TheLogitsChangeGrowsLikeTheWidthUnderStandardParametrizationAndStaysFlatUnderMup()
    {
        // Widths 32 to 512, batch 32, eta 1e-2. Over seeds 1-8 the log-log slope of mean |logits_t - logits_0| over
        // the width was 0.96 +- 0.11 (mean +- sd) after one step in the standard parametrization (theory: 1: Adam's
        // first step moves every readout weight by eta, and n of them add up); in muP it was -0.05 +- 0.14 after one
        // step and -0.04 +- 0.10 after three, and that of the last hidden layer's change 0.03 +- 0.09 after three
        // (theory: 0 for all). With one seed, allow 4 standard deviations. (A readout at Adam's full rate, not 1/m,
        // gives 1.08 after one step here.)
        var train = DigitsFixture.Split.Train;
        int[] widths = [32, 128, 512];
        var standard = NetworkCoordinateCheck.Run(widths, n => Network.Create(Mlp(n), 3), train, Adam(3), steps: 3);
        var mup = NetworkCoordinateCheck.Run(widths, n => MaximalUpdateNetwork.For(Mlp(n), 32).Create(3), train,
            Adam(3), steps: 3);
        Assert.InRange(standard.Slope("logits", 1, change: true), 1 - 0.44, 1 + 0.44);
        Assert.InRange(mup.Slope("logits", 1, change: true), -0.56, 0.56);
        Assert.InRange(mup.Slope("logits", 3, change: true), -0.4, 0.4);
        Assert.InRange(mup.Slope("layer 2", 3, change: true), -0.36, 0.36);
    }

    [Fact]
    public void BadInputIsRefusedByName()
    {
        var train = DigitsFixture.Split.Train;
        Assert.Throws<ArgumentNullException>(() =>
            NetworkCoordinateCheck.Run([32], null!, train, Adam(1), 1));
        Assert.Throws<ArgumentNullException>(() =>
            NetworkCoordinateCheck.Run([32], n => Network.Create(Mlp(n), 1), null!, Adam(1), 1));
        var wrongInputs = Network.Create(DeepNetwork.Classifier([3, 8, 10], Activation.ReLU, Init.HeNormal()), 1);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() =>
            NetworkCoordinateCheck.Subject(wrongInputs, train, Adam(1))).ParamName);
    }
}
