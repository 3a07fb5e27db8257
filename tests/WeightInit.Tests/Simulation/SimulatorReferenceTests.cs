namespace WeightInit.Tests.Simulation;

/// <summary>The simulator's per-layer statistics, output and weights against a plain double computation of the same
/// small networks.</summary>
public class SimulatorReferenceTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "Identity", 1 }, { "Identity", 10 }, { "Tanh", 10 }, { "ReLU", 10 }, { "Sigmoid", 2 }, { "Softsign", 10 },
            { "Tanh", 1 }, { "ReLU", 16 },
    };

    private static Activation ActivationNamed(string name) => name switch
    {
        "Identity" => Activation.Identity,
        "Tanh" => Activation.Tanh,
        "ReLU" => Activation.ReLU,
        "Sigmoid" => Activation.Sigmoid,
        _ => Softsign.Instance,
    };

    private static (DeepNetwork, SimulationOptions) Options(string activation, int depth, FloatPrecision precision) =>
        (DeepNetwork.Stack(
            // Odd widths, changing from layer to layer; depth 10 makes backward checkpoint segments 0-4, 4-8, 8-10.
            Enumerable.Range(0, depth + 1).Select(i => new[] { 5, 7, 3, 9, 17, 4, 1, 6 }[i % 8]).ToArray(),
            ActivationNamed(activation), GaussianWeights.XavierNormal, GaussianWeights.Constant(0.1)),
         new SimulationOptions
         {
             BatchSize = 6,
             Precision = precision,
             Seed = 2024,
             ComputeBackward = true,
             KeepWeights = true,
             SaturationThreshold = 0.9,
         });

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchAPlainComputationDouble(string activation, int depth) =>
        Check(Options(activation, depth, FloatPrecision.Double), 1e-12);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchAPlainComputationSingle(string activation, int depth) =>
        // float32 products and activations: a few float ulps per layer (2^-24 = 6e-8), over at most 16 layers.
        Check(Options(activation, depth, FloatPrecision.Single), 2e-5);

    [Theory]
    [InlineData("Tanh", FloatPrecision.Double)]
    [InlineData("ReLU", FloatPrecision.Single)]
    [InlineData("Softsign", FloatPrecision.Double)]
    public void AClassifiersLinearLastLayerAndWeightScalesMatchAPlainComputation(string activation,
        FloatPrecision precision)
    {
        var (stack, options) = Options(activation, 10, precision);
        var classifier = DeepNetwork.Classifier(stack.Widths, stack.Activation, stack.WeightInitializer,
            stack.BiasInitializer)
            .WithWeightScales([0.5, 2, 1.5, 1, 0.75, 1.25, 1, 3, 0.9, 0.1]);
        Check((classifier, options), precision == FloatPrecision.Double ? 1e-12 : 2e-5);
    }

    private static void Check((DeepNetwork Network, SimulationOptions Options) run, double tolerance)
    {
        var (network, options) = run;
        var result = DeepNetworkSimulator.Run(network, options);
        var reference = new ReferenceNetwork(network, options);
        int b = options.BatchSize;
        var widths = network.Widths;
        Assert.Equal(widths, result.Widths);
        Assert.Same(network, result.Network);
        Assert.Equal(network.Depth + 1, result.Forward.Count);
        for (int l = 0; l <= network.Depth; l++)
        {
            Assert.Equal(l, result.Forward[l].Layer);
            ReferenceStatistics.AssertMatches(result.Forward[l], reference.Activations[l], b, widths[l], tolerance);
            Assert.Equal(l, result.Backward![l].Layer);
            ReferenceStatistics.AssertMatches(result.Backward[l], reference.Gradients[l], b, widths[l], tolerance);
            Assert.True(double.IsNaN(result.Backward[l].SaturatedFraction));
        }
        Assert.True(double.IsNaN(result.Forward[0].SaturatedFraction));
        var last = reference.Activations[network.Depth];
        Assert.Equal(last.Length, result.Output.Count);
        for (int i = 0; i < last.Length; i++) Assert.True(Math.Abs(result.Output[i] - last[i]) <= tolerance
            * (1 + Math.Abs(last[i])));
        Assert.Equal(network.Depth, result.Weights!.Count);
        Assert.Equal(widths[1] * widths[0], result.Weights[0].Length);
    }

    [Theory]
    [InlineData("Tanh")]
    [InlineData("Sigmoid")]
    [InlineData("Softsign")]
    public void SaturatedFractionIsTheShareOfSlopesBelowTheSaturationLimit(string activation)
    {
        // Saturation's rule at t = 0.9: |f'(z)| < (1 - 0.81) |f'(0)|, counted on the reference pre-activations.
        var (_, options) = Options(activation, 10, FloatPrecision.Double);
        options = options with { BatchSize = 40 };
        var network = DeepNetwork.Stack(10, 30, ActivationNamed(activation), GaussianWeights.Constant(0.6),
            GaussianWeights.Constant(0.1));
        var result = DeepNetworkSimulator.Run(network, options);
        var reference = new ReferenceNetwork(network, options with { ComputeBackward = false });
        var f = network.Activation;
        double limit = 0.19 * Math.Abs(f.Derivative(0.0));
        int nonzero = 0;
        for (int l = 1; l <= network.Depth; l++)
        {
            var z = reference.PreActivations[l - 1];
            double expected = (double)z.Count(v => Math.Abs(f.Derivative(v)) < limit) / z.Length;
            Assert.Equal(expected, result.Forward[l].SaturatedFraction, 1e-12);
            if (expected > 0 && expected < 1) nonzero++;
        }
        Assert.True(nonzero > 0, "the case should have some saturated and some unsaturated units");
    }

    [Fact]
    public void ReLUAndTheIdentityNeverSaturateWhileReLUsInactiveUnitsAreZeros()
    {
        var options = new SimulationOptions { BatchSize = 40, Seed = 3 };
        var relu = DeepNetworkSimulator.Run(DeepNetwork.Stack(10, 30, Activation.ReLU, GaussianWeights.Constant(0.6)),
            options);
        var identity = DeepNetworkSimulator.Run(DeepNetwork.Stack(10, 30, Activation.Identity,
            GaussianWeights.Constant(0.6)), options);
        for (int l = 1; l <= 10; l++)
        {
            Assert.Equal(0.0, relu.Forward[l].SaturatedFraction);
            Assert.InRange(relu.Forward[l].ZeroFraction, 0.3, 0.7);
            Assert.Equal(0.0, identity.Forward[l].SaturatedFraction);
        }
    }

    [Fact]
    public void GivenInputAndConstantBiasAreUsed()
    {
        var input = Enumerable.Range(0, 4 * 3).Select(i => i * 0.25 - 1).ToArray();
        var network = DeepNetwork.Stack(3, 3, Activation.ReLU, GaussianWeights.Constant(1.0),
            WeightInit.Initializers.Init.Constant(-0.2));
        var options = new SimulationOptions { BatchSize = 4, Input = input, Seed = 5, ComputeBackward = true };
        var result = DeepNetworkSimulator.Run(network, options);
        var reference = new ReferenceNetwork(network, options);
        ReferenceStatistics.AssertMatches(result.Forward[0], input, 4, 3, 0);
        for (int l = 1; l <= 3; l++) ReferenceStatistics.AssertMatches(result.Forward[l], reference.Activations[l], 4,
            3, 1e-12);
        Assert.Null(result.Weights);
    }
}
