namespace WeightInit.Tests.Simulation;

public class InitializationSweepTests
{
    private static DeepNetwork Cell(IWeightInitializer weights, Activation activation)
        => DeepNetwork.Stack(6, 16, activation, weights);

    private static readonly SimulationOptions Options = new() { BatchSize = 8, Seed = 11, ComputeBackward = true,
        MaxDegreeOfParallelism = 1 };

    [Fact]
    public void EveryCellEqualsTheDirectRunOfItsPair()
    {
        var inits = new IWeightInitializer[] { Init.Normal(0, 1), Init.XavierNormal(), Init.HeNormal() };
        var acts = new[] { Activation.Identity, Activation.Tanh };
        var sweep = InitializationSweep.Run(inits, acts, Cell, Options);
        var forward = sweep.FinalForwardStd();
        var backward = sweep.InputGradientStd()!;
        Assert.Equal(3, forward.GetLength(0));
        Assert.Equal(2, forward.GetLength(1));
        for (int i = 0; i < inits.Length; i++)
            for (int j = 0; j < acts.Length; j++)
            {
                var direct = DeepNetworkSimulator.Run(Cell(inits[i], acts[j]), Options);
                Assert.Equal(direct.Forward[^1].Std, forward[i, j]);
                Assert.Equal(direct.Backward![0].Std, backward[i, j]);
                Assert.Same(inits[i], sweep[i, j].Network.WeightInitializer);
                Assert.Same(acts[j], sweep[i, j].Network.Activation);
                Assert.Same(Options, sweep[i, j].Options);
            }
        // Rows differ as the schemes predict: N(0, 1) weights blow a linear network up by about sqrt(16) = 4 per layer.
        Assert.True(forward[0, 0] > 1000 * forward[1, 0]);
    }

    [Fact]
    public void RowsDrawnOnceEqualTheDirectRunsForEveryInitializerKindAndPrecision()
    {
        // The sweep draws each row's matrices once and reuses them across the row's cells and the backward pass.
        var inits = new IWeightInitializer[] { Init.Orthogonal(), Init.HeUniform(), Init.TruncatedNormal(0, 0.3) };
        var acts = new[] { Activation.ReLU, Activation.Tanh, Activation.Gelu };
        foreach (var precision in new[] { FloatPrecision.Double, FloatPrecision.Single })
        {
            var options = Options with { Precision = precision, MaxDegreeOfParallelism = -1 };
            var sweep = InitializationSweep.Run(inits, acts, Cell, options);
            for (int i = 0; i < inits.Length; i++)
                for (int j = 0; j < acts.Length; j++)
                {
                    var direct = DeepNetworkSimulator.Run(Cell(inits[i], acts[j]), options);
                    Assert.Equal(direct.Forward, sweep[i, j].Forward);
                    Assert.Equal(direct.Backward!, sweep[i, j].Backward!);
                    Assert.Equal(direct.Output, sweep[i, j].Output);
                }
        }
    }

    [Fact]
    public void OverflowIsNaNAndVanishingIsZero()
    {
        var inits = new IWeightInitializer[] { Init.Normal(0, 1e6), Init.Zeros() };
        var sweep = InitializationSweep.Run(inits, [Activation.Identity], Cell,
            Options with { Precision = FloatPrecision.Single });
        var forward = sweep.FinalForwardStd();
        Assert.NotNull(sweep[0, 0].FirstNonFiniteLayer);
        Assert.True(double.IsNaN(forward[0, 0]));
        Assert.Equal(0.0, forward[1, 0]);
    }

    [Fact]
    public void WithoutTheBackwardPassTheGradientGridIsNull()
    {
        var sweep = InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], Cell,
            Options with { ComputeBackward = false });
        Assert.Null(sweep.InputGradientStd());
        Assert.Null(InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], Cell)[0,
            0].Backward); // default options
    }

    [Fact]
    public void BadListsAndOptionsAreRejectedByName()
    {
        Assert.Equal("initializers", Assert.Throws<ArgumentException>(() =>
            InitializationSweep.Run([], [Activation.ReLU], Cell)).ParamName);
        Assert.Equal("activations", Assert.Throws<ArgumentException>(() =>
            InitializationSweep.Run([Init.XavierNormal()], [null!], Cell)).ParamName);
        Assert.Throws<ArgumentNullException>(() =>
            InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], null!));
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], Cell,
                Options with { BatchSize = 0 })).ParamName);
    }

    [Fact]
    public void ACellThatSwapsItsInitializerOrActivationIsRejectedByName()
    {
        var other = Init.HeNormal();
        Assert.Equal("cell",
            Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            (_, f) => Cell(other, f))).ParamName);
        Assert.Equal("cell",
            Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            (w, _) => Cell(w, Activation.Tanh))).ParamName);
        // A classifier's linear last layer is another activation than the cell's.
        Assert.Equal("cell",
            Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            (w, f) => DeepNetwork.Classifier([16, 16, 4], f, w))).ParamName);
        Assert.Equal("cell",
            Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            (_, _) => null!)).ParamName);
    }
}
