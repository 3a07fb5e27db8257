namespace WeightInit.Simulation;

/// <summary>What <see cref="DeepNetworkSimulator.Run"/> found: per-layer statistics forward (and backward), and where
/// the values broke down.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(DeepNetwork network, SimulationOptions options, int[] widths, LayerStatistics[] forward,
        LayerStatistics[]? backward,
        double[] output, IReadOnlyList<double[]>? weights, SimulationTimings timings)
    {
        (Network, Options, Widths, Forward, Backward, Output, Weights, Timings) =
            (network, options, widths, forward, backward, output, weights, timings);
        FirstNonFiniteLayer = forward.FirstOrDefault(s => !s.AllFinite)?.Layer;
        FirstAllZeroLayer = forward.FirstOrDefault(s => s.AllZero)?.Layer;
        if (backward is not null)
        {
            TopmostNonFiniteGradientLayer = backward.LastOrDefault(s => !s.AllFinite)?.Layer;
            TopmostAllZeroGradientLayer = backward.LastOrDefault(s => s.AllZero)?.Layer;
        }
    }

    /// <summary>The same result, reported for <paramref name="network"/> (which must draw the same weights).</summary>
    internal SimulationResult WithNetwork(DeepNetwork network) =>
        new(network, Options, [.. Widths], [.. Forward], Backward is null ? null : [.. Backward], [.. Output], Weights,
            Timings);

    /// <summary>The network simulated.</summary>
    public DeepNetwork Network { get; }

    /// <summary>The options of the run.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The widths n_0 (input) .. n_L.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Statistics of the activations, L + 1 entries: Forward[0] is the input, Forward[l] the output x_l of
    /// layer l.</summary>
    public IReadOnlyList<LayerStatistics> Forward { get; }

    /// <summary>
    /// When <see cref="SimulationOptions.ComputeBackward"/>: statistics of the gradients
    /// g_l = dLoss/dx_l, L + 1 entries indexed like <see cref="Forward"/>. Backward[L] is the
    /// injected N(0, 1) signal; Backward[l - 1] = (g_l * f'(z_l)) W_l. Otherwise null.
    /// </summary>
    public IReadOnlyList<LayerStatistics>? Backward { get; }

    /// <summary>The first layer (0 = input) whose activations are not all finite, or null.</summary>
    public int? FirstNonFiniteLayer { get; }

    /// <summary>The first layer whose activations are all exactly zero, or null.</summary>
    public int? FirstAllZeroLayer { get; }

    /// <summary>The highest layer whose gradient is not all finite (the gradient travels down, so this is where it
    /// first broke), or null.</summary>
    public int? TopmostNonFiniteGradientLayer { get; }

    /// <summary>The highest layer whose gradient is all exactly zero, or null.</summary>
    public int? TopmostAllZeroGradientLayer { get; }

    /// <summary>The last layer's activations x_L, B x n_L row-major, converted to double.</summary>
    public IReadOnlyList<double> Output { get; }

    /// <summary>When <see cref="SimulationOptions.KeepWeights"/>: W_1..W_L (index l - 1), each n_l x n_{l-1} row-major,
    /// converted to double. Otherwise null.</summary>
    public IReadOnlyList<double[]>? Weights { get; }

    /// <summary>Where the time went.</summary>
    public SimulationTimings Timings { get; }
}
