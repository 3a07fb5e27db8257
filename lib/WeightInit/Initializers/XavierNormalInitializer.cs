namespace WeightInit.Initializers;

/// <summary>
/// Xavier (Glorot) normal initialization: W ~ N(0, std^2) with
/// std = gain * sqrt(2 / (fan_in + fan_out)), i.e. Var = gain^2 / fan_avg.
/// </summary>
/// <remarks>
/// Glorot &amp; Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks",
/// AISTATS: a compromise between keeping the forward variance (n = fan_in) and the backward variance
/// (n = fan_out). Same as PyTorch's <c>xavier_normal_(gain)</c> (untruncated). Keras's GlorotNormal draws a
/// truncated normal instead: <see cref="Init.KerasGlorotNormal"/>.
/// </remarks>
internal sealed class XavierNormalInitializer : FanScaledNormalInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The gain (see <see cref="Initializers.Gain"/>); finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, NaN or infinite.</exception>
    public XavierNormalInitializer(double gain = 1.0)
    {
        Guard.FiniteNonNegative(gain);
        Gain = gain;
    }

    /// <summary>The gain that multiplies the standard deviation.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    public override string Name => $"XavierNormal(gain={Gain:R})";

    /// <inheritdoc/>
    private protected override double StdOf(int fanIn, int fanOut) => Gain * Math.Sqrt(2.0 / ((double)fanIn + fanOut));
}
