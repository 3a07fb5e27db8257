namespace WeightInit.Initializers;

/// <summary>
/// Xavier (Glorot) uniform initialization, the "normalized initialization": W ~ U(-b, b) with
/// b = gain * sqrt(6 / (fan_in + fan_out)), so Var = b^2 / 3 = gain^2 * 2 / (fan_in + fan_out).
/// </summary>
/// <remarks>
/// Glorot &amp; Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks",
/// AISTATS, eq. 16. Same as PyTorch's <c>xavier_uniform_(gain)</c> and Keras's GlorotUniform (gain 1).
/// </remarks>
internal sealed class XavierUniformInitializer : FanScaledUniformInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The gain (see <see cref="Initializers.Gain"/>); finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, NaN or infinite.</exception>
    public XavierUniformInitializer(double gain = 1.0)
    {
        Guard.FiniteNonNegative(gain);
        Gain = gain;
    }

    /// <summary>The gain that multiplies the bound.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    public override string Name => $"XavierUniform(gain={Gain:R})";

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) =>
        Math.Sqrt(3.0) * Gain * Math.Sqrt(2.0 / ((double)fanIn + fanOut));
}
