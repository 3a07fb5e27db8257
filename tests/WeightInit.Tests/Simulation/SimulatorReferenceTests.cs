using WeightInit.Activations;
using WeightInit.Simulation;

namespace WeightInit.Tests.Simulation;

/// <summary>The simulator's per-layer statistics, output and weights against a plain double computation of the same small networks.</summary>
public class SimulatorReferenceTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "Identity", 1 }, { "Identity", 10 }, { "Tanh", 10 }, { "ReLU", 10 }, { "Sigmoid", 2 }, { "Softsign", 10 }, { "Tanh", 1 }, { "ReLU", 16 },
    };

    private static Activation ActivationNamed(string name) => name switch
    {
        "Identity" => Activation.Identity,
        "Tanh" => Activation.Tanh,
        "ReLU" => Activation.ReLU,
        "Sigmoid" => Activation.Sigmoid,
        _ => Softsign.Instance,
    };

    private static SimulationOptions Options(string activation, int depth, FloatPrecision precision) => new()
    {
        Depth = depth,
        // Odd widths, changing from layer to layer; depth 10 makes backward checkpoint segments 0-4, 4-8, 8-10.
        Widths = Enumerable.Range(0, depth + 1).Select(i => new[] { 5, 7, 3, 9, 17, 4, 1, 6 }[i % 8]).ToArray(),
        BatchSize = 6,
        WeightInitializer = GaussianWeights.XavierNormal,
        BiasInitializer = GaussianWeights.Constant(0.1),
        Activation = ActivationNamed(activation),
        Precision = precision,
        Seed = 2024,
        ComputeBackward = true,
        KeepWeights = true,
        SaturationThreshold = 0.3,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchAPlainComputation_Double(string activation, int depth) =>
        Check(Options(activation, depth, FloatPrecision.Double), 1e-12);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchAPlainComputation_Single(string activation, int depth) =>
        // float32 products and activations: a few float ulps per layer (2^-24 = 6e-8), over at most 16 layers.
        Check(Options(activation, depth, FloatPrecision.Single), 2e-5);

    private static void Check(SimulationOptions options, double tolerance)
    {
        var result = DeepNetworkSimulator.Run(options);
        var reference = new ReferenceNetwork(options);
        int b = options.BatchSize;
        var widths = options.ResolveWidths();
        Assert.Equal(widths, result.Widths);
        Assert.Equal(options.Depth + 1, result.Forward.Count);
        for (int l = 0; l <= options.Depth; l++)
        {
            Assert.Equal(l, result.Forward[l].Layer);
            ReferenceStatistics.AssertMatches(result.Forward[l], reference.Activations[l], b, widths[l], tolerance);
            Assert.Equal(l, result.Backward![l].Layer);
            ReferenceStatistics.AssertMatches(result.Backward[l], reference.Gradients[l], b, widths[l], tolerance);
            Assert.True(double.IsNaN(result.Backward[l].SaturatedFraction));
        }
        Assert.True(double.IsNaN(result.Forward[0].SaturatedFraction));
        var last = reference.Activations[options.Depth];
        Assert.Equal(last.Length, result.Output.Count);
        for (int i = 0; i < last.Length; i++) Assert.True(Math.Abs(result.Output[i] - last[i]) <= tolerance * (1 + Math.Abs(last[i])));
        Assert.Equal(options.Depth, result.Weights!.Count);
        Assert.Equal(widths[1] * widths[0], result.Weights[0].Length);
    }

    [Theory]
    [InlineData("Tanh")]
    [InlineData("Sigmoid")]
    [InlineData("ReLU")]
    [InlineData("Softsign")]
    public void SaturatedFractionIsTheShareOfSmallDerivatives(string activation)
    {
        var options = Options(activation, 10, FloatPrecision.Double) with { BatchSize = 40, Widths = null, Width = 30, WeightInitializer = GaussianWeights.Constant(0.6),
            SaturationThreshold = activation == "Sigmoid" ? 0.1 : 0.3 }; // the sigmoid's slope is at most 1/4
        var result = DeepNetworkSimulator.Run(options);
        var reference = new ReferenceNetwork(options with { ComputeBackward = false });
        var f = options.Activation;
        int nonzero = 0;
        for (int l = 1; l <= options.Depth; l++)
        {
            // Recover z from x = f(z) through the derivative's own formula: evaluate f' at the reference pre-activations.
            var x = reference.Activations[l];
            var zs = PreActivations(options, reference, l);
            double expected = (double)zs.Count(z => Math.Abs(f.Derivative(z)) < options.SaturationThreshold) / x.Length;
            Assert.Equal(expected, result.Forward[l].SaturatedFraction, 1e-12);
            if (expected > 0 && expected < 1) nonzero++;
        }
        Assert.True(nonzero > 0, "the case should have some saturated and some unsaturated units");
    }

    private static double[] PreActivations(SimulationOptions o, ReferenceNetwork reference, int l)
    {
        int n = o.Width, b = o.BatchSize;
        var root = new WeightInit.Random.RandomSource(o.Seed);
        var w = new double[n * n];
        o.WeightInitializer!.Fill(w, [n, n], root.Fork((ulong)l));
        var bias = new double[n];
        o.BiasInitializer!.Fill(bias, [n], root.Fork((1UL << 32) + (ulong)l));
        var x = reference.Activations[l - 1];
        var z = new double[b * n];
        for (int r = 0; r < b; r++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < n; p++) s += x[r * n + p] * w[j * n + p];
                z[r * n + j] = s + bias[j];
            }
        return z;
    }

    [Fact]
    public void GivenInputAndConstantBiasAreUsed()
    {
        var input = Enumerable.Range(0, 4 * 3).Select(i => i * 0.25 - 1).ToArray();
        var options = new SimulationOptions
        {
            Depth = 3, Width = 3, BatchSize = 4, Input = input, BiasValue = -0.2, Activation = Activation.ReLU,
            WeightInitializer = GaussianWeights.Constant(1.0), Seed = 5, ComputeBackward = true,
        };
        var result = DeepNetworkSimulator.Run(options);
        var reference = new ReferenceNetwork(options);
        ReferenceStatistics.AssertMatches(result.Forward[0], input, 4, 3, 0);
        for (int l = 1; l <= 3; l++) ReferenceStatistics.AssertMatches(result.Forward[l], reference.Activations[l], 4, 3, 1e-12);
        Assert.Null(result.Weights);
    }
}
