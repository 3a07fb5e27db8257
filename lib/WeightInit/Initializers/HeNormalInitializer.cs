namespace WeightInit.Initializers;

/// <summary>
/// He (Kaiming) normal initialization: W ~ N(0, std^2) with std = gain / sqrt(n), where n = fan_in or
/// fan_out and gain = <see cref="Initializers.Gain.For(Nonlinearity, double?)"/>; for ReLU (gain sqrt(2)) with
/// fan_in, Var = 2 / fan_in.
/// </summary>
/// <remarks>
/// He, Zhang, Ren &amp; Sun (2015), "Delving Deep into Rectifiers: Surpassing Human-Level Performance on
/// ImageNet Classification", ICCV: a ReLU halves the second moment, so the weights' variance is doubled
/// (the standard deviation is multiplied by sqrt(2)). The defaults (a = 0, fan_in, leaky_relu) are
/// PyTorch's <c>kaiming_normal_</c>'s and give gain sqrt(2).
/// </remarks>
internal sealed class HeNormalInitializer : FanScaledNormalInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="negativeSlope">The leaky ReLU's negative slope a (only with <see cref="Nonlinearity.LeakyReLU"/>;
    /// otherwise 0).</param>
    /// <param name="mode">FanIn (preserve the forward variance) or FanOut (the backward one).</param>
    /// <param name="nonlinearity">The nonlinearity after the layer, which sets the gain.</param>
    /// <exception cref="ArgumentException">mode is FanAvg or FanGeoAvg, or a slope is given for a nonlinearity other
    /// than LeakyReLU.</exception>
    /// <exception cref="ArgumentOutOfRangeException">negativeSlope is NaN or infinite, or an enum value is
    /// undefined.</exception>
    public HeNormalInitializer(double negativeSlope = 0, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity =
        Nonlinearity.LeakyReLU)
        => Parameters = KaimingParameters.Create(negativeSlope, mode, nonlinearity);

    /// <summary>The negative slope, the fan mode and the nonlinearity, with the gain they give.</summary>
    public KaimingParameters Parameters { get; }

    /// <summary>The gain, e.g. sqrt(2) for ReLU (<see cref="KaimingParameters.Gain"/>).</summary>
    public double Gain => Parameters.Gain;

    /// <inheritdoc/>
    public override string Name => $"HeNormal({Parameters.Describe()})";

    /// <inheritdoc/>
    private protected override double StdOf(int fanIn, int fanOut) => Parameters.Std(fanIn, fanOut);
}
