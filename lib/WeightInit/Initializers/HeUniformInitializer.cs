namespace WeightInit.Initializers;

/// <summary>
/// He (Kaiming) uniform initialization: W ~ U(-b, b) with b = gain * sqrt(3 / n), where n = fan_in or
/// fan_out and gain = <see cref="Initializers.Gain.For(Nonlinearity, double?)"/>; Var = gain^2 / n
/// (2 / fan_in for ReLU).
/// </summary>
/// <remarks>
/// He, Zhang, Ren &amp; Sun (2015), "Delving Deep into Rectifiers: Surpassing Human-Level Performance on
/// ImageNet Classification", ICCV. Same as PyTorch's <c>kaiming_uniform_(a, mode, nonlinearity)</c>, whose
/// defaults (a = 0, fan_in, leaky_relu) give gain sqrt(2).
/// </remarks>
internal sealed class HeUniformInitializer : FanScaledUniformInitializer
{
    /// <inheritdoc cref="HeNormalInitializer(double, FanMode, Nonlinearity)"/>
    public HeUniformInitializer(double negativeSlope = 0, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity =
        Nonlinearity.LeakyReLU)
        => Parameters = KaimingParameters.Create(negativeSlope, mode, nonlinearity);

    /// <summary>The negative slope, the fan mode and the nonlinearity, with the gain they give.</summary>
    public KaimingParameters Parameters { get; }

    /// <summary>The gain, e.g. sqrt(2) for ReLU (<see cref="KaimingParameters.Gain"/>).</summary>
    public double Gain => Parameters.Gain;

    /// <inheritdoc/>
    public override string Name => $"HeUniform({Parameters.Describe()})";

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) => Math.Sqrt(3.0) * Parameters.Std(fanIn, fanOut);
}
