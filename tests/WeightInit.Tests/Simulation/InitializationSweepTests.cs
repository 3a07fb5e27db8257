using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Simulation;

namespace WeightInit.Tests.Simulation;

public class InitializationSweepTests
{
    private static SimulationOptions Cell(IWeightInitializer weights, Activation activation) => new()
    {
        Depth = 6, Width = 16, BatchSize = 8, Seed = 11, ComputeBackward = true, MaxDegreeOfParallelism = 1,
        WeightInitializer = weights, Activation = activation,
    };

    private static Func<IWeightInitializer, Activation, SimulationOptions> CellWith(Func<SimulationOptions, SimulationOptions> change) =>
        (weights, activation) => change(Cell(weights, activation));

    [Fact]
    public void EveryCellEqualsTheDirectRunOfItsPair()
    {
        var inits = new IWeightInitializer[] { Init.Normal(0, 1), Init.XavierNormal(), Init.HeNormal() };
        var acts = new[] { Activation.Identity, Activation.Tanh };
        var sweep = InitializationSweep.Run(inits, acts, Cell);
        var forward = sweep.FinalForwardStd();
        var backward = sweep.InputGradientStd()!;
        Assert.Equal(3, forward.GetLength(0));
        Assert.Equal(2, forward.GetLength(1));
        for (int i = 0; i < inits.Length; i++)
            for (int j = 0; j < acts.Length; j++)
            {
                var direct = DeepNetworkSimulator.Run(Cell(inits[i], acts[j]));
                Assert.Equal(direct.Forward[^1].Std, forward[i, j]);
                Assert.Equal(direct.Backward![0].Std, backward[i, j]);
                Assert.Same(inits[i], sweep[i, j].Options.WeightInitializer);
                Assert.Same(acts[j], sweep[i, j].Options.Activation);
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
            var cell = CellWith(o => o with { Precision = precision, MaxDegreeOfParallelism = -1 });
            var sweep = InitializationSweep.Run(inits, acts, cell);
            for (int i = 0; i < inits.Length; i++)
                for (int j = 0; j < acts.Length; j++)
                {
                    var direct = DeepNetworkSimulator.Run(cell(inits[i], acts[j]));
                    Assert.Equal(direct.Forward.Select(s => s.Std), sweep[i, j].Forward.Select(s => s.Std));
                    Assert.Equal(direct.Backward!.Select(s => s.Std), sweep[i, j].Backward!.Select(s => s.Std));
                    Assert.Equal(direct.Output, sweep[i, j].Output);
                }
        }
    }

    [Fact]
    public void OverflowIsNaNAndVanishingIsZero()
    {
        var inits = new IWeightInitializer[] { Init.Normal(0, 1e6), Init.Zeros };
        var sweep = InitializationSweep.Run(inits, [Activation.Identity], CellWith(o => o with { Precision = FloatPrecision.Single }));
        var forward = sweep.FinalForwardStd();
        Assert.NotNull(sweep[0, 0].FirstNonFiniteLayer);
        Assert.True(double.IsNaN(forward[0, 0]));
        Assert.Equal(0.0, forward[1, 0]);
    }

    [Fact]
    public void WithoutTheBackwardPassTheGradientGridIsNull()
    {
        var sweep = InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], CellWith(o => o with { ComputeBackward = false }));
        Assert.Null(sweep.InputGradientStd());
    }

    [Fact]
    public void BadListsAreRejectedByName()
    {
        Assert.Equal("initializers", Assert.Throws<ArgumentException>(() =>
            InitializationSweep.Run([], [Activation.ReLU], Cell)).ParamName);
        Assert.Equal("activations", Assert.Throws<ArgumentException>(() =>
            InitializationSweep.Run([Init.XavierNormal()], [null!], Cell)).ParamName);
        Assert.Throws<ArgumentNullException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], null!));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU], CellWith(o => o with { Depth = 0 })));
    }

    [Fact]
    public void ACellThatSwapsItsInitializerOrActivationIsRejectedByName()
    {
        var other = Init.HeNormal();
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            CellWith(o => o with { WeightInitializer = other }))).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            CellWith(o => o with { Activation = Activation.Tanh }))).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => InitializationSweep.Run([Init.XavierNormal()], [Activation.ReLU],
            (_, _) => null!)).ParamName);
    }
}
