namespace WeightInit.Initializers;

/// <summary>
/// He (Kaiming) initialization, normal or uniform: W ~ N(0, std^2) with std = gain / sqrt(n), or W ~ U(-b, b) with
/// b = gain * sqrt(3 / n) = sqrt(3) std, where n = fan_in or fan_out and
/// gain = <see cref="Initializers.Gain.For(Nonlinearity, double?)"/>; for ReLU (gain sqrt(2)) with fan_in,
/// Var = 2 / fan_in.
/// </summary>
/// <remarks>
/// He, Zhang, Ren &amp; Sun (2015), "Delving Deep into Rectifiers: Surpassing Human-Level Performance on
/// ImageNet Classification", ICCV: a ReLU halves the second moment, so the weights' variance is doubled
/// (the standard deviation is multiplied by sqrt(2)). Same as PyTorch's <c>kaiming_normal_</c> and
/// <c>kaiming_uniform_(a, mode, nonlinearity)</c>, whose defaults (a = 0, fan_in, leaky_relu) give gain sqrt(2).
/// </remarks>
internal sealed class HeInitializer : FanScaledInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="uniform">True for U(-b, b), false for the normal form.</param>
    /// <param name="negativeSlope">The leaky ReLU's negative slope a (only with <see cref="Nonlinearity.LeakyReLU"/>;
    /// otherwise 0).</param>
    /// <param name="mode">FanIn (preserve the forward variance) or FanOut (the backward one).</param>
    /// <param name="nonlinearity">The nonlinearity after the layer, which sets the gain.</param>
    /// <exception cref="ArgumentException">mode is FanAvg or FanGeoAvg, or a slope is given for a nonlinearity other
    /// than LeakyReLU.</exception>
    /// <exception cref="ArgumentOutOfRangeException">negativeSlope is NaN or infinite, or an enum value is
    /// undefined.</exception>
    public HeInitializer(bool uniform, double negativeSlope = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU) : base(uniform)
        => Parameters = KaimingParameters.Create(negativeSlope, mode, nonlinearity);

    /// <summary>The negative slope, the fan mode and the nonlinearity, with the gain they give.</summary>
    public KaimingParameters Parameters { get; }

    /// <summary>The gain, e.g. sqrt(2) for ReLU (<see cref="KaimingParameters.Gain"/>).</summary>
    public double Gain => Parameters.Gain;

    /// <inheritdoc/>
    public override string Name => $"He{Form}({Parameters.Describe()})";

    /// <inheritdoc/>
    private protected override double NormalStdOf(int fanIn, int fanOut) => Parameters.Std(fanIn, fanOut);

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) =>
        IsUniform ? Math.Sqrt(3.0) * Parameters.Std(fanIn, fanOut) : double.PositiveInfinity;
}
