using WeightInit.Tests.Simulation;

namespace WeightInit.Tests.Activations;

/// <summary>
/// <see cref="Saturation"/>: the rule |f'(z)| &lt; (1 - t^2) |f'(0)|, what it is for tanh and the sigmoid, its
/// threshold's rule, and that the simulator and the trainer's diagnostics count the same units on the same
/// pre-activations.
/// </summary>
public class SaturationTests
{
    [Fact]
    public void SlopeLimitIsOneMinusTSquaredTimesTheSlopeAtZero()
    {
        const double t = 0.97, k = 1 - t * t;
        Assert.Equal(k, Saturation.SlopeLimit(Activation.Tanh, t), 1e-16);
        Assert.Equal(k / 4, Saturation.SlopeLimit(Activation.Sigmoid, t), 1e-16);
        Assert.Equal(k, Saturation.SlopeLimit(Activation.Identity, t), 1e-16);
        Assert.Equal(0.0, Saturation.SlopeLimit(Activation.ReLU, t));
        Assert.Equal(k * 0.01, Saturation.SlopeLimit(Activation.LeakyReLU, t), 1e-18);
        Assert.Equal(k * SeluActivation.Lambda * SeluActivation.Alpha, Saturation.SlopeLimit(Activation.Selu, t),
            1e-15);
        Assert.Equal(0.97, Saturation.DefaultThreshold);
    }

    /// <summary>Points of a grid that are not within 1e-9 of the boundary, so that rounding cannot decide
    /// them.</summary>
    private static double[] Grid(Func<double, double> distanceToBoundary) =>
        [.. Enumerable.Range(-4000, 8001).Select(i => i * 0.0025).Where(z => Math.Abs(distanceToBoundary(z)) > 1e-9)];

    [Theory]
    [InlineData(0.97)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void ForTanhTheRuleIsTheOutputBeyondT(double t)
    {
        var z = Grid(v => Math.Abs(Math.Tanh(v)) - t);
        var slopes = z.Select(Activation.Tanh.Derivative).ToArray();
        long expected = z.Count(v => Math.Abs(Math.Tanh(v)) > t);
        Assert.Equal(expected, Saturation.Count<double>(slopes, Saturation.SlopeLimit(Activation.Tanh, t)));
        Assert.InRange(expected, 1, z.Length - 1);
    }

    [Theory]
    [InlineData(0.97)]
    [InlineData(0.5)]
    public void ForTheSigmoidTheRuleIsTanhOfHalfZBeyondT(double t)
    {
        // s (1 - s) < (1 - t^2) / 4 exactly when |2 s - 1| = |tanh(z / 2)| > t: |z| > 2 artanh(t) (4.19 at t = 0.97).
        var z = Grid(v => Math.Abs(Math.Tanh(v / 2)) - t);
        var slopes = z.Select(Activation.Sigmoid.Derivative).ToArray();
        long expected = z.Count(v => Math.Abs(v) > 2 * Math.Atanh(t));
        Assert.Equal(expected, Saturation.Count<double>(slopes, Saturation.SlopeLimit(Activation.Sigmoid, t)));
        Assert.InRange(expected, 1, z.Length - 1);
    }

    [Fact]
    public void NaNSlopesAreNotSaturated() =>
        Assert.Equal(1, Saturation.Count<double>([double.NaN, 0.001, 0.5, double.NaN], 0.01));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TheThresholdMustLieBetweenZeroAndOne(double t)
    {
        Assert.Equal("threshold",
            Assert.Throws<ArgumentOutOfRangeException>(() => Saturation.SlopeLimit(Activation.Tanh, t)).ParamName);
        Assert.Equal("SaturationThreshold", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DiagnosticsOptions { SaturationThreshold = t }).ParamName);
        Assert.Equal("SaturationThreshold", Assert.ThrowsAny<ArgumentException>(() =>
            DeepNetworkSimulator.Run(DeepNetwork.Stack(1, 2, Activation.Tanh, Init.Eye()),
                new SimulationOptions { SaturationThreshold = t })).ParamName);
        Assert.Throws<ArgumentNullException>(() => Saturation.SlopeLimit(null!, 0.9));
    }

    public static TheoryData<string> Activations => ["Tanh", "Sigmoid", "GELU", "SELU", "ReLU", "Softsign"];

    [Theory]
    [MemberData(nameof(Activations))]
    public void TheSimulatorAndTheTrainerCountTheSameUnitsOnTheSamePreActivations(string name)
    {
        // Identity weights and zero biases make the first layer's pre-activations the input itself, in both.
        const int batch = 50, width = 40;
        var f = name == "Softsign" ? Softsign.Instance : Activation.FromName(name);
        var z = new double[batch * width];
        new RandomSource(8).FillNormal(z, 0, 2.5);
        foreach (double t in new[] { Saturation.DefaultThreshold, 0.6 })
        {
            var simulated = DeepNetworkSimulator.Run(DeepNetwork.Stack(1, width, f, Init.Eye()),
                new SimulationOptions { BatchSize = batch, Input = z, SaturationThreshold = t });
            var network = Network.Create(DeepNetwork.Classifier([width, width, 2], f, Init.Eye()), seed: 1);
            var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy, new TrainingOptions
            {
                BatchSize = batch, Diagnostics = new DiagnosticsOptions { Interval = 1, SaturationThreshold = t },
            });
            trainer.Step(z, new int[batch], batch);
            double trained = trainer.Diagnostics!.Snapshots[0].Sites[0].SaturatedFraction;
            Assert.Equal(simulated.Forward[1].SaturatedFraction, trained);
            if (name == "ReLU") Assert.Equal(0.0, trained);
            else Assert.InRange(trained, 0.01, 0.99);
        }
    }
}
