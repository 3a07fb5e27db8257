using System.Security.Cryptography;
using WeightInit.Tests.Theory;

namespace WeightInit.Tests.Simulation;

/// <summary>
/// The numbers of the simulator and of what runs on it did not move when the network became one description
/// (<see cref="DeepNetwork"/>): each case's results, bit for bit, hash to the digest the same case gave through the
/// earlier API (SimulationOptions with Depth, Width, WeightInitializer..., PropagationExperiment, Lsuv.ForSimulation,
/// JacobianExperiment) at commit 184eab3. The digests are the same on the AVX-512, AVX2 and 128-bit paths.
/// </summary>
public class BitIdentityTests
{
    /// <summary>The first 16 hex digits of SHA-256 over the values' bits.</summary>
    private static string Digest(IEnumerable<double> values) =>
        Convert.ToHexString(SHA256.HashData(values.SelectMany(BitConverter.GetBytes).ToArray()))[..16];

    /// <summary>Every statistic but the saturated fraction (whose definition changed to
    /// <see cref="Saturation"/>'s).</summary>
    private static IEnumerable<double> Values(IEnumerable<LayerStatistics> stats) => stats.SelectMany(s => new double[]
        { s.Layer, s.Count, s.Mean, s.Std, s.Min, s.Max, s.MeanSquare, s.RootMeanSquare, s.NonFiniteFraction,
            s.ZeroFraction, s.DeadFraction });

    private static string Digest(SimulationResult r)
        => Digest(Values(r.Forward).Concat(r.Backward is null ? [] : Values(r.Backward))
        .Concat(r.Output).Concat(r.Weights?.SelectMany(w => w) ?? []));

    private static readonly double[] Input = [.. Enumerable.Range(0, 8 * 24).Select(i => Math.Sin(i * 0.37) * 1.5)];

    public static TheoryData<string, FloatPrecision, string> SimulatorCases => new()
    {
        { "identity-normal1", FloatPrecision.Double, "EEC7772A77513EF6" },
        { "identity-normal1", FloatPrecision.Single, "05AB368A59CB79E3" },
        { "tanh-xavier-widths-bias", FloatPrecision.Double, "9680F7F737FF0FD4" },
        { "tanh-xavier-widths-bias", FloatPrecision.Single, "7D663F1A4095D44C" },
        { "relu-he-constbias-scales", FloatPrecision.Double, "79912BBE2874A50C" },
        { "relu-he-constbias-scales", FloatPrecision.Single, "000E18FF4F919576" },
        { "gelu-orthogonal-input", FloatPrecision.Double, "ABD92AE8308EA0F6" },
        { "gelu-orthogonal-input", FloatPrecision.Single, "1241DE1881E037E5" },
        { "sigmoid-uniform-bias", FloatPrecision.Double, "73048F44964BDC9D" },
        { "sigmoid-uniform-bias", FloatPrecision.Single, "382F11C6823582B3" },
    };

    private static (DeepNetwork, SimulationOptions) Case(string name) => name switch
    {
        "identity-normal1" => (DeepNetwork.Stack(40, 64, Activation.Identity, Init.Normal(0, 1)),
            new SimulationOptions { BatchSize = 16, ComputeBackward = true, Seed = 11 }),
        "tanh-xavier-widths-bias"
            => (DeepNetwork.Stack([24, 40, 33, 40, 17, 40, 40, 25, 40, 40, 31, 40, 9], Activation.Tanh,
                Init.XavierNormal(), Init.Normal(0, 0.1)),
            new SimulationOptions { BatchSize = 8, ComputeBackward = true, Seed = 12, KeepWeights = true }),
        "relu-he-constbias-scales" => (DeepNetwork.Stack(6, 48, Activation.ReLU, Init.HeNormal(), Init.Constant(0.1))
                .WithWeightScales([1.5, 0.5, 1, 2, 0.25, 1.1]),
            new SimulationOptions { BatchSize = 20, ComputeBackward = true, Seed = 13 }),
        "gelu-orthogonal-input" => (DeepNetwork.Stack(9, 24, Activation.Gelu, Init.Orthogonal(1.3)),
            new SimulationOptions { BatchSize = 8, Input = Input, ComputeBackward = true, Seed = 14 }),
        _ => (DeepNetwork.Stack(10, 50, Activation.Sigmoid, Init.XavierUniform(4), Init.Uniform(-0.2, 0.2)),
            new SimulationOptions { BatchSize = 12, ComputeBackward = true, Seed = 15 }),
    };

    [Theory]
    [MemberData(nameof(SimulatorCases))]
    public void TheSimulatorsNumbersAreTheEarlierOnes(string name, FloatPrecision precision, string digest)
    {
        var (network, options) = Case(name);
        Assert.Equal(digest, Digest(DeepNetworkSimulator.Run(network, options with { Precision = precision })));
    }

    [Fact]
    public void LsuvOnTheSimulatorsBatchFindsTheEarlierScales()
    {
        var network = DeepNetwork.Stack(8, 32, Activation.Gelu, Init.Orthogonal(), Init.Normal(0, 0.2));
        var options = new SimulationOptions { BatchSize = 16, Seed = 21 };
        var r = Lsuv.Initialize(network, options.Seed, options.InputBatch(network), options.BatchSize);
        Assert.Equal("A7C73FCCD9F93B46",
            Digest(r.Scales.Concat(r.VariancesBefore).Concat(r.VariancesAfter).Concat(r.Iterations.Select(i
            => (double)i))));
    }

    [Fact]
    public void TheGaussianJacobiansAreTheEarlierOnes()
    {
        // sigma_w^2 = Var fan_in is exactly 1.2 at width 32 and 2 at width 20, as the earlier experiments stated it.
        var j = InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.Tanh, 1.2, 0.05, 32, 10),
            new JacobianOptions { SpectrumDepths = [3, 10], Seed = 31 });
        Assert.Equal("3C8DD1BB4FE39B81",
            Digest(j.LogMeanSquaredSingularValues.Concat(j.PreActivationLengths).Concat(j.SingularValues(3))
            .Concat(j.SingularValues(10)).Append(j.InputLength)));
        var relu = InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.ReLU, 2, 0, 20, 6),
            new JacobianOptions { InputLength = 1.5, Seed = 32 });
        Assert.Equal("35E54A1506E224CE",
            Digest(relu.LogMeanSquaredSingularValues.Concat(relu.PreActivationLengths).Concat(relu.SingularValues(6))
            .Append(relu.InputLength)));
    }

    [Theory]
    [InlineData(FloatPrecision.Double, "4215077FB5DDAFFB")]
    [InlineData(FloatPrecision.Single, "8AB2AC0895D55FEE")]
    public void PropagationMeasurementsAreTheEarlierOnes(FloatPrecision precision, string digest)
    {
        var m = PropagationMeasurement.Run(MeanFieldNetworks.Gaussian(Activation.Tanh, 1.7, 0.05, 40, 12),
            new PropagationOptions
        {
            PairCount = 6, InputLength = 2, InputCorrelation = 0.3, MeasureGradients = true,
            Precision = precision, Seed = 41,
        });
        Assert.Equal(digest,
            Digest(m.Lengths.Concat(m.LengthStandardErrors).Concat(m.Correlations).Concat(m.CorrelationStandardErrors)
            .Concat(m.GradientMeanSquares)));
        var orthogonal = PropagationMeasurement.Run(MeanFieldNetworks.Orthogonal(Activation.ReLU, 2, 0, 30, 5),
            new PropagationOptions { Seed = 42 });
        Assert.Equal("2A473E6AE20D4CE6", Digest(orthogonal.Lengths.Concat(orthogonal.Correlations)));
    }

    [Fact]
    public void ThePhaseDiagramAndTheSweepAreTheEarlierOnes()
    {
        var phase = PhaseDiagram.Measure((w, b) => MeanFieldNetworks.Gaussian(Activation.Tanh, w, b, 24, 8),
            [0.8, 1.5, 3], [0, 0.1],
            new PropagationOptions { PairCount = 4, MeasureGradients = true, Seed = 43 });
        Assert.Equal("E0152F517FA19F18",
            Digest(phase.FinalCorrelations.SelectMany(r => r).Concat(phase.FinalLengths.SelectMany(r => r))
            .Concat(phase.GradientGrowth!.SelectMany(r => r))));
        var sweep = InitializationSweep.Run([Init.XavierNormal(), Init.Orthogonal()],
            [Activation.Tanh, Activation.ReLU],
            (w, f) => DeepNetwork.Stack(7, 20, f, w), new SimulationOptions { BatchSize = 6, ComputeBackward = true,
                Seed = 51 });
        var cells = Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(0, 2)
            .SelectMany(k => Values(sweep[i, k].Forward).Concat(Values(sweep[i, k].Backward!))));
        Assert.Equal("CB8E2BF7D9FF6119",
            Digest(sweep.FinalForwardStd().Cast<double>().Concat(sweep.InputGradientStd()!.Cast<double>())
                .Concat(cells)));
    }
}
