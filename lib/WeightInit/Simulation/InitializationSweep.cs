using WeightInit.Activations;
using WeightInit.Initializers;

namespace WeightInit.Simulation;

/// <summary>
/// Runs <see cref="DeepNetworkSimulator"/> once for every pair (weight initializer, activation) of a grid, each cell's
/// <see cref="DeepNetwork"/> built by one function and run with the same options: the "which scheme holds which
/// activation" map of Glorot &amp; Bengio (2010), "Understanding the difficulty of training deep feedforward neural
/// networks", and He et al. (2015), "Delving Deep into Rectifiers", extended to every pair.
/// </summary>
/// <remarks>
/// Every cell runs with the same options, seed included, so all cells see the same input batch and every initializer
/// draws from the same random streams whatever the activation (common random numbers: the differences between cells
/// come from the scheme and the activation, not from the draw).
/// </remarks>
public static class InitializationSweep
{
    /// <summary>
    /// Simulates every (initializer, activation) pair: cell (i, j) is <see cref="DeepNetworkSimulator.Run"/> of
    /// <c>cell(initializers[i], activations[j])</c> with <paramref name="options"/>.
    /// </summary>
    /// <param name="initializers">The rows of the grid (at least one, none null).</param>
    /// <param name="activations">The columns of the grid (at least one, none null).</param>
    /// <param name="cell">
    /// Builds the network of one cell from its weight initializer and activation, e.g.
    /// <c>(w, f) =&gt; DeepNetwork.Stack(depth: 100, width: 128, f, w)</c>; the network it returns must use exactly the
    /// initializer and activation (every layer's) it is given.
    /// </param>
    /// <param name="options">How every cell runs (batch, precision, seed, backward pass); null for the
    /// defaults.</param>
    /// <returns>The grid of results.</returns>
    /// <exception cref="ArgumentException">
    /// A list is empty or holds null, <paramref name="cell"/> returns null or a network with another initializer or
    /// activation than the ones it was given, or the options break a rule.
    /// </exception>
    public static InitializationSweepResult Run(IReadOnlyList<IWeightInitializer> initializers,
        IReadOnlyList<Activation> activations,
        Func<IWeightInitializer, Activation, DeepNetwork> cell, SimulationOptions? options = null)
    {
        CheckList(initializers, nameof(initializers));
        CheckList(activations, nameof(activations));
        ArgumentNullException.ThrowIfNull(cell);
        var results = new SimulationResult[initializers.Count, activations.Count];
        for (int i = 0; i < initializers.Count; i++)
        {
            // Every cell of a row draws the same matrices (common random numbers), and the backward pass draws them
            // again: draw each once per row (an orthogonal row needs one QR decomposition per layer, not 2 per cell).
            var row = new RowWeightCache(initializers[i]);
            for (int j = 0; j < activations.Count; j++)
            {
                var network = cell(initializers[i], activations[j]) ?? throw new ArgumentException(
                    $"{nameof(cell)} returned null for row {i}, column {j}; it must return the network of that cell.",
                    nameof(cell));
                bool sameInitializer = ReferenceEquals(network.WeightInitializer, initializers[i]);
                if (!sameInitializer || !ReferenceEquals(network.Activation, activations[j])
                    || !ReferenceEquals(network.OutputActivation, activations[j]))
                    throw new ArgumentException(
                        $"{nameof(cell)} must return a network with the initializer and activation it is given, " +
                        $"but for row {i}, column {j} it returned another " +
                        $"{(sameInitializer ? "activation" : "initializer")}.",
                        nameof(cell));
                results[i, j] = DeepNetworkSimulator.Run(network.WithWeightInitializer(row),
                    options).WithNetwork(network);
            }
        }
        return new InitializationSweepResult(initializers.ToArray(), activations.ToArray(), results);
    }

    private static void CheckList<T>(IReadOnlyList<T> list, string name) where T : class
    {
        ArgumentNullException.ThrowIfNull(list, name);
        if (list.Count == 0) throw new ArgumentException($"{name} must hold at least one item, but it is empty.", name);
        for (int i = 0; i < list.Count; i++)
            if (list[i] is null) throw new ArgumentException($"{name}[{i}] is null; every item must be non-null.",
                name);
    }
}

/// <summary>The grid computed by <see cref="InitializationSweep.Run"/>: rows are initializers, columns
/// activations.</summary>
public sealed class InitializationSweepResult
{
    private readonly SimulationResult[,] _results;

    internal InitializationSweepResult(IWeightInitializer[] initializers, Activation[] activations,
        SimulationResult[,] results)
    {
        Initializers = Array.AsReadOnly(initializers);
        Activations = Array.AsReadOnly(activations);
        _results = results;
    }

    /// <summary>The rows, in the order given.</summary>
    public IReadOnlyList<IWeightInitializer> Initializers { get; }

    /// <summary>The columns, in the order given.</summary>
    public IReadOnlyList<Activation> Activations { get; }

    /// <summary>The full simulation of row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    /// <param name="row">The initializer's index.</param>
    /// <param name="column">The activation's index.</param>
    public SimulationResult this[int row, int column] => _results[row, column];

    /// <summary>
    /// The std of the last layer's activations x_L for every cell, [row, column]: NaN where some activation is
    /// not finite (the network overflowed), 0 where every activation is exactly zero (it vanished).
    /// </summary>
    /// <returns>A new initializers x activations array.</returns>
    public double[,] FinalForwardStd() => Grid(r => CellStd(r.Forward[^1]));

    /// <summary>
    /// The std of the gradient that reaches the input, g_0 = dLoss/dx_0, for every cell (NaN where not finite,
    /// 0 where all zero), or null when the options did not ask for the backward pass.
    /// </summary>
    /// <returns>A new initializers x activations array, or null.</returns>
    public double[,]? InputGradientStd() => _results[0, 0].Backward is null ? null : Grid(r => CellStd(r.Backward![0]));

    private static double CellStd(LayerStatistics s) => !s.AllFinite ? double.NaN : s.AllZero ? 0.0 : s.Std;

    private double[,] Grid(Func<SimulationResult, double> value)
    {
        var grid = new double[Initializers.Count, Activations.Count];
        for (int i = 0; i < Initializers.Count; i++)
            for (int j = 0; j < Activations.Count; j++)
                grid[i, j] = value(_results[i, j]);
        return grid;
    }
}
