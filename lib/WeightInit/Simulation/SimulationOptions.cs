using WeightInit.Activations;
using WeightInit.Random;

namespace WeightInit.Simulation;

/// <summary>
/// How <see cref="DeepNetworkSimulator.Run"/> runs a <see cref="DeepNetwork"/>: the batch, the precision, the seed and
/// what to record. The network itself (widths, activation, initializers, scales) is the <see cref="DeepNetwork"/>.
/// </summary>
/// <remarks>
/// Random streams (all derived from <see cref="Seed"/> with <see cref="RandomSource.Fork(ulong)"/>, so that any layer
/// can be regenerated exactly): the input from stream 0 (<see cref="InputBatch"/>), W_l from stream l and b_l from
/// stream 2^32 + l (<see cref="DeepNetwork.FillWeights{T}"/>, <see cref="DeepNetwork.FillBiases{T}"/>), the backward
/// pass's top gradient from stream 2^33.
/// </remarks>
public sealed record SimulationOptions
{
    /// <summary>The number of samples B pushed through together (default 512).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>The precision of the weights, activations and products (statistics are always computed in
    /// double).</summary>
    public FloatPrecision Precision { get; init; } = FloatPrecision.Double;

    /// <summary>The seed of every random draw of the run: the input (unless given), the weights and biases, the top
    /// gradient.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The input batch, B x n_0 row-major (sample after sample), all finite; null to draw it
    /// from N(0, 1) (see <see cref="InputBatch"/>). In float32 runs the values are rounded to float.
    /// </summary>
    public IReadOnlyList<double>? Input { get; init; }

    /// <summary>Also run the backward pass and report the gradients' statistics (default false).</summary>
    public bool ComputeBackward { get; init; }

    /// <summary>
    /// The threshold t of <see cref="Saturation"/> (a unit is saturated when |f'(z)| &lt; (1 - t^2) |f'(0)|; for tanh,
    /// |tanh z| &gt; t), in (0, 1); default <see cref="Saturation.DefaultThreshold"/> = 0.97. The same option as
    /// <see cref="Training.DiagnosticsOptions.SaturationThreshold"/>.
    /// </summary>
    public double SaturationThreshold { get; init; } = Saturation.DefaultThreshold;

    /// <summary>Keep every layer's weights and return them in <see cref="SimulationResult.Weights"/> (default false:
    /// the run streams, holding O(sqrt L) layers at most).</summary>
    public bool KeepWeights { get; init; }

    /// <summary>
    /// Called after every forward layer with its pre-activations (see <see cref="Simulation.PreActivationObserver"/>),
    /// on the calling thread, layer by layer; null (default) for none. Not called while the backward pass recomputes
    /// layers.
    /// </summary>
    public PreActivationObserver? PreActivationObserver { get; init; }

    /// <summary>How many threads the run may use: -1 (default) for all cores, or a positive number. The results do not
    /// depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The input batch the simulator runs <paramref name="network"/> on: <see cref="Input"/> when given, otherwise
    /// B x n_0 draws of N(0, 1) from stream 0 of <see cref="Seed"/>; in a <see cref="FloatPrecision.Single"/> run,
    /// rounded to float. E.g. the batch to hand to <see cref="Theory.Lsuv.Initialize"/> so that LSUV normalizes the
    /// layers on the very inputs the simulation will see.
    /// </summary>
    /// <param name="network">The network (its input width n_0).</param>
    /// <returns>A new array of B x n_0 values, row-major.</returns>
    /// <exception cref="ArgumentException">An option breaks a rule (the message names it).</exception>
    public double[] InputBatch(DeepNetwork network)
    {
        Validate(network);
        var input = new double[BatchSize * network.Widths[0]];
        bool single = Precision == FloatPrecision.Single;
        if (Input is { } given)
        {
            for (int i = 0; i < input.Length; i++) input[i] = single ? (float)given[i] : given[i];
            return input;
        }
        var stream = new RandomSource(Seed).Fork(0);
        if (!single)
        {
            stream.FillNormal(input, 0.0, 1.0);
            return input;
        }
        var f = new float[input.Length];
        stream.FillNormal(f, 0.0, 1.0);
        for (int i = 0; i < f.Length; i++) input[i] = f[i];
        return input;
    }

    /// <summary>
    /// Checks every option against <paramref name="network"/> and throws an <see cref="ArgumentException"/> (or a
    /// subclass) that names the offending option (a property of these options) and the rule it broke.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly",
        Justification = "The exceptions name the option (a property of this record) that breaks its rule, " +
            "as the other option records do.")]
    internal void Validate(DeepNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        Guard.Defined(Precision);
        Saturation.CheckThreshold(SaturationThreshold, nameof(SaturationThreshold));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"{nameof(MaxDegreeOfParallelism)} must be -1 (all cores) or positive, but it is " +
                    $"{MaxDegreeOfParallelism}.");
        var widths = network.Widths;
        for (int l = 0; l < widths.Count; l++)
            if ((long)BatchSize * widths[l] > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize,
                    $"{nameof(BatchSize)} times the width of layer {l} ({widths[l]}) must fit in one array (at most " +
                        $"{Array.MaxLength} values).");
        if (Input is not null)
        {
            Guard.Length(Input.Count, BatchSize * widths[0], nameof(Input),
                $"BatchSize x n_0 = {BatchSize} x {widths[0]} values");
            for (int i = 0; i < Input.Count; i++)
                if (!double.IsFinite(Input[i]))
                    throw new ArgumentException($"{nameof(Input)} must be finite, but {nameof(Input)}[{i}] is " +
                        $"{Input[i]}.", nameof(Input));
        }
    }
}
