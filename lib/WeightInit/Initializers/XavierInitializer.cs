namespace WeightInit.Initializers;

/// <summary>
/// Xavier (Glorot) initialization, normal or uniform: W ~ N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)),
/// i.e. Var = gain^2 / fan_avg, or W ~ U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)) = sqrt(3) std.
/// </summary>
/// <remarks>
/// Glorot &amp; Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks",
/// AISTATS: a compromise between keeping the forward variance (n = fan_in) and the backward variance
/// (n = fan_out); their normalized initialization is the uniform form. Same as PyTorch's <c>xavier_normal_(gain)</c>
/// (untruncated) and <c>xavier_uniform_(gain)</c>. Keras's GlorotNormal draws a truncated normal instead:
/// <see cref="Init.KerasGlorotNormal"/>.
/// </remarks>
internal sealed class XavierInitializer : FanScaledInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The gain (see <see cref="Initializers.Gain"/>); finite and non-negative.</param>
    /// <param name="uniform">True for U(-b, b), false for the normal form.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, NaN or infinite.</exception>
    public XavierInitializer(double gain, bool uniform) : base(uniform)
    {
        Guard.FiniteNonNegative(gain);
        Gain = gain;
    }

    /// <summary>The gain.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    public override string Name => $"Xavier{Form}(gain={Gain:R})";

    /// <inheritdoc/>
    private protected override double NormalStdOf(int fanIn, int fanOut) =>
        Gain * Math.Sqrt(2.0 / ((double)fanIn + fanOut));

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) =>
        IsUniform ? Math.Sqrt(3.0) * Gain * Math.Sqrt(2.0 / ((double)fanIn + fanOut)) : double.PositiveInfinity;
}
