namespace WeightInit.Simulation;

/// <summary>
/// Statistics of one layer's values (activations in the forward pass, gradients in the backward
/// pass) over the whole batch: B samples times the layer's width.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Mean"/>, <see cref="Std"/>, <see cref="Min"/>, <see cref="Max"/>,
/// <see cref="MeanSquare"/> and <see cref="RootMeanSquare"/> are computed over the <em>finite</em>
/// values only (NaN and infinities are counted by <see cref="NonFiniteFraction"/> and left out);
/// they are NaN when no value is finite. The fractions are over all values.
/// </para>
/// <para>
/// The computation never overflows or underflows before the data does: values are scaled by a
/// power of two near 1 / max|x| (exact) before they are squared, and sums are accumulated in
/// double in a fixed order (so the result does not depend on the number of threads). A naive sum
/// of squares of the same data would be infinite for |x| above about 1e154 (float64) and zero
/// below about 1e-154. Only <see cref="MeanSquare"/> itself can be infinite (or zero) when the
/// true mean square is beyond double's range; <see cref="RootMeanSquare"/> is then still exact.
/// </para>
/// </remarks>
public sealed record LayerStatistics
{
    /// <summary>The layer: 0 for the network's input, l = 1..L for the output of layer l.</summary>
    public required int Layer { get; init; }

    /// <summary>How many values the statistics cover: batch size times width.</summary>
    public required long Count { get; init; }

    /// <summary>The mean of the finite values.</summary>
    public required double Mean { get; init; }

    /// <summary>The population standard deviation (divisor N, like numpy's default) of the finite values.</summary>
    public required double Std { get; init; }

    /// <summary>The smallest finite value.</summary>
    public required double Min { get; init; }

    /// <summary>The largest finite value.</summary>
    public required double Max { get; init; }

    /// <summary>The mean of the squares of the finite values, E[x^2] (infinite when beyond double's range).</summary>
    public required double MeanSquare { get; init; }

    /// <summary>sqrt(E[x^2]) of the finite values, computed without forming the squares' sum in unscaled
    /// form.</summary>
    public required double RootMeanSquare { get; init; }

    /// <summary>The fraction of values that are NaN or infinite.</summary>
    public required double NonFiniteFraction { get; init; }

    /// <summary>The fraction of values that are exactly zero (+0 or -0).</summary>
    public required double ZeroFraction { get; init; }

    /// <summary>
    /// Forward pass, layers 1..L: the fraction of values whose unit is saturated by
    /// <see cref="Activations.Saturation"/>'s
    /// rule, |f'(z)| &lt; (1 - t^2) |f'(0)| with t = <see cref="SimulationOptions.SaturationThreshold"/> and z the
    /// pre-activation (for tanh |tanh z| &gt; t; for the sigmoid its flat tails): the same count the trainer's
    /// diagnostics make. 0 for activations that never saturate (the identity, ReLU, the leaky ReLU; a ReLU's inactive
    /// units are
    /// <see cref="ZeroFraction"/> and <see cref="DeadFraction"/>). Layer 0 (the input) and the backward pass: NaN (not
    /// defined).
    /// </summary>
    public required double SaturatedFraction { get; init; }

    /// <summary>
    /// The fraction of units (columns of the batch) whose value is exactly zero for every sample
    /// of the batch: for ReLU layers, the dead units of this batch. A NaN value counts as not zero.
    /// </summary>
    public required double DeadFraction { get; init; }

    /// <summary>True when every value is finite.</summary>
    public bool AllFinite => NonFiniteFraction == 0;

    /// <summary>True when every value is exactly zero.</summary>
    public bool AllZero => ZeroFraction == 1;
}
