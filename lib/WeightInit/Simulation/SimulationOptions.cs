using WeightInit.Activations;
using WeightInit.Initializers;

namespace WeightInit.Simulation;

/// <summary>
/// What <see cref="DeepNetworkSimulator.Run"/> simulates: a stack of <see cref="Depth"/> dense
/// layers x_l = f(W_l x_{l-1} + b_l), l = 1..L, applied to a batch of <see cref="BatchSize"/> inputs.
/// </summary>
/// <remarks>
/// Give either <see cref="Width"/> (every layer n wide) or <see cref="Widths"/> (L + 1 widths,
/// the input's first). Layer l's weight W_l has PyTorch's dense shape (out, in) =
/// (n_l, n_{l-1}), from which the initializer takes fan_in = n_{l-1} and fan_out = n_l.
/// Random streams (all derived from <see cref="Seed"/> with <see cref="Random.RandomSource.Fork(ulong)"/>,
/// so that any layer can be regenerated exactly): the input from stream 0, W_l from stream l,
/// b_l from stream 2^32 + l, the backward pass's top gradient from stream 2^33.
/// </remarks>
public sealed record SimulationOptions
{
    /// <summary>The default <see cref="SaturationThreshold"/>: 0.01.</summary>
    public const double DefaultSaturationThreshold = 0.01;

    /// <summary>The number of layers L (at least 1). Required.</summary>
    public required int Depth { get; init; }

    /// <summary>The width n of the input and of every layer, when <see cref="Widths"/> is not given (one of the two is needed).</summary>
    public int Width { get; init; }

    /// <summary>The L + 1 widths n_0 (the input), n_1, ..., n_L; leave null to use <see cref="Width"/> everywhere.</summary>
    public IReadOnlyList<int>? Widths { get; init; }

    /// <summary>The number of samples B pushed through together (default 512).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Draws each layer's weights, given the shape (n_l, n_{l-1}). Required (<see cref="Validate"/> rejects null).</summary>
    public required IWeightInitializer WeightInitializer { get; init; }

    /// <summary>The activation f applied after every layer (default: the identity, a linear network).</summary>
    public Activation Activation { get; init; } = Activation.Identity;

    /// <summary>The precision of the weights, activations and products (statistics are always computed in double).</summary>
    public FloatPrecision Precision { get; init; } = FloatPrecision.Double;

    /// <summary>The seed of every random draw of the run.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The input batch, B x n_0 row-major (sample after sample), all finite; null to draw it
    /// from N(0, 1). In float32 runs the values are rounded to float.
    /// </summary>
    public IReadOnlyList<double>? Input { get; init; }

    /// <summary>The value of every bias when <see cref="BiasInitializer"/> is null (default 0).</summary>
    public double BiasValue { get; init; }

    /// <summary>Draws each layer's bias (shape (n_l)) instead of the constant <see cref="BiasValue"/>; null by default.</summary>
    public IWeightInitializer? BiasInitializer { get; init; }

    /// <summary>Also run the backward pass and report the gradients' statistics (default false).</summary>
    public bool ComputeBackward { get; init; }

    /// <summary>
    /// A unit counts as saturated when |f'(z)| is below this value (default 0.01: for the
    /// sigmoid, |z| above about 4.6; for tanh, |z| above about 3.0). Must be finite and positive.
    /// </summary>
    public double SaturationThreshold { get; init; } = DefaultSaturationThreshold;

    /// <summary>Keep every layer's weights and return them in <see cref="SimulationResult.Weights"/> (default false: the run streams, holding O(sqrt L) layers at most).</summary>
    public bool KeepWeights { get; init; }

    /// <summary>
    /// Called after every forward layer with its pre-activations (see <see cref="Simulation.PreActivationObserver"/>),
    /// on the calling thread, layer by layer; null (default) for none. Not called while the backward pass recomputes layers.
    /// </summary>
    public PreActivationObserver? PreActivationObserver { get; init; }

    /// <summary>
    /// Factors s_1..s_L that multiply each layer's weights after they are drawn (W_l = s_l times the
    /// initializer's draw), e.g. the scales LSUV finds; L finite, positive values, or null (default) for none.
    /// </summary>
    public IReadOnlyList<double>? WeightScales { get; init; }

    /// <summary>How many threads the run may use: -1 (default) for all cores, or a positive number. The results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The widths n_0..n_L this run uses (from <see cref="Widths"/> or <see cref="Width"/>). Call <see cref="Validate"/> first.</summary>
    /// <returns>A new array of L + 1 widths.</returns>
    public int[] ResolveWidths()
    {
        if (Widths is not null) return Widths.ToArray();
        var widths = new int[Depth + 1];
        Array.Fill(widths, Width);
        return widths;
    }

    /// <summary>
    /// Checks every option and throws an <see cref="ArgumentException"/> (or a subclass) that
    /// names the offending option and the rule it broke.
    /// </summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        if (Widths is null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Width);
        }
        else
        {
            if (Width != 0)
                throw new ArgumentException($"Give either {nameof(Width)} or {nameof(Widths)}, not both (Width is {Width}).", nameof(Width));
            if (Widths.Count != Depth + 1)
                throw new ArgumentException(
                    $"{nameof(Widths)} must hold Depth + 1 = {Depth + 1} widths (the input's first), but it holds {Widths.Count}.",
                    nameof(Widths));
            for (int i = 0; i < Widths.Count; i++)
                if (Widths[i] <= 0)
                    throw new ArgumentOutOfRangeException(nameof(Widths), Widths[i], $"{nameof(Widths)}[{i}] must be positive, but it is {Widths[i]}.");
        }
        ArgumentNullException.ThrowIfNull(WeightInitializer);
        ArgumentNullException.ThrowIfNull(Activation);
        if (!Enum.IsDefined(Precision))
            throw new ArgumentOutOfRangeException(nameof(Precision), Precision, $"{nameof(Precision)} must be Single or Double.");
        Guard.FinitePositive(SaturationThreshold);
        Guard.Finite(BiasValue);
        if (BiasInitializer is not null && BiasValue != 0)
            throw new ArgumentException($"Give either {nameof(BiasValue)} or {nameof(BiasInitializer)}, not both.", nameof(BiasValue));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"{nameof(MaxDegreeOfParallelism)} must be -1 (all cores) or positive, but it is {MaxDegreeOfParallelism}.");

        if (WeightScales is not null)
        {
            if (WeightScales.Count != Depth)
                throw new ArgumentException($"{nameof(WeightScales)} must hold one factor per layer (Depth = {Depth}), but it holds {WeightScales.Count}.", nameof(WeightScales));
            for (int i = 0; i < WeightScales.Count; i++)
                if (!(double.IsFinite(WeightScales[i]) && WeightScales[i] > 0))
                    throw new ArgumentOutOfRangeException(nameof(WeightScales), WeightScales[i], $"{nameof(WeightScales)}[{i}] must be finite and positive, but it is {WeightScales[i]}.");
        }

        int[] widths = ResolveWidths();
        for (int l = 0; l < widths.Length; l++)
        {
            if ((long)BatchSize * widths[l] > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize,
                    $"{nameof(BatchSize)} times the width of layer {l} ({widths[l]}) must fit in one array (at most {Array.MaxLength} values).");
            if (l > 0 && (long)widths[l] * widths[l - 1] > Array.MaxLength)
                throw new ArgumentOutOfRangeException(Widths is null ? nameof(Width) : nameof(Widths), widths[l],
                    $"The weight of layer {l} ({widths[l]} x {widths[l - 1]}) must fit in one array (at most {Array.MaxLength} values).");
        }
        if (Input is not null)
        {
            Guard.Length(Input.Count, BatchSize * widths[0], nameof(Input), $"BatchSize x n_0 = {BatchSize} x {widths[0]} values");
            for (int i = 0; i < Input.Count; i++)
                if (!double.IsFinite(Input[i]))
                    throw new ArgumentException($"{nameof(Input)} must be finite, but {nameof(Input)}[{i}] is {Input[i]}.", nameof(Input));
        }
    }
}
