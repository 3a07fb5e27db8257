namespace WeightInit.Initializers;

/// <summary>
/// The parameters of <see cref="HeInitializer"/>, normal or uniform (PyTorch's
/// <c>kaiming_normal_</c> / <c>kaiming_uniform_(a, mode, nonlinearity)</c>), validated once, with the gain they give.
/// </summary>
/// <param name="NegativeSlope">The leaky ReLU's negative slope a (0 unless <paramref name="Nonlinearity"/> is
/// LeakyReLU).</param>
/// <param name="Mode">FanIn (preserve the forward variance) or FanOut (the backward one).</param>
/// <param name="Nonlinearity">The nonlinearity after the layer, which sets the gain.</param>
/// <param name="Gain">The gain <see cref="Initializers.Gain.For(Nonlinearity, double?)"/>, e.g. sqrt(2) for
/// ReLU.</param>
internal sealed record KaimingParameters(double NegativeSlope, FanMode Mode, Nonlinearity Nonlinearity, double Gain)
{
    /// <summary>Validates the parameters and computes the gain:
    /// <see cref="Initializers.Gain.For(Nonlinearity, double?)"/>.</summary>
    /// <exception cref="ArgumentException">mode is FanAvg or FanGeoAvg, or a slope is given for a nonlinearity other
    /// than LeakyReLU.</exception>
    /// <exception cref="ArgumentOutOfRangeException">negativeSlope is NaN or infinite, or an enum value is
    /// undefined.</exception>
    internal static KaimingParameters Create(double negativeSlope, FanMode mode, Nonlinearity nonlinearity)
    {
        Guard.Finite(negativeSlope, nameof(negativeSlope));
        if (mode is FanMode.FanAvg or FanMode.FanGeoAvg)
            throw new ArgumentException(
                $"mode must be FanIn or FanOut for He (Kaiming) initialization, but it is {mode}; use " +
                    $"VarianceScalingInitializer for other modes.",
                nameof(mode));
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be FanIn or FanOut.");
        if (!Enum.IsDefined(nonlinearity))
            throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity,
                "nonlinearity is not a defined Nonlinearity.");
        if (nonlinearity != Nonlinearity.LeakyReLU && negativeSlope != 0)
            throw new ArgumentException(
                $"negativeSlope applies only to the LeakyReLU nonlinearity, but nonlinearity is {nonlinearity} and " +
                    $"negativeSlope is {negativeSlope}.",
                nameof(negativeSlope));
        double gain =
            nonlinearity == Nonlinearity.LeakyReLU ? Initializers.Gain.For(nonlinearity, negativeSlope)
            : Initializers.Gain.For(nonlinearity);
        return new KaimingParameters(negativeSlope, mode, nonlinearity, gain);
    }

    /// <summary>The standard deviation gain / sqrt(n), n the fan <see cref="Mode"/> selects.</summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>The standard deviation.</returns>
    internal double Std(int fanIn, int fanOut) => Gain / Math.Sqrt(Fans.For(new FanPair(fanIn, fanOut), Mode));

    /// <summary>The parameters as the initializers' names show them, e.g. "a=0, mode=FanIn,
    /// nonlinearity=LeakyReLU".</summary>
    /// <returns>The description.</returns>
    internal string Describe() =>
        Nonlinearity == Nonlinearity.LeakyReLU
            ? $"a={NegativeSlope:R}, mode={Mode}, nonlinearity={Nonlinearity}"
            : $"mode={Mode}, nonlinearity={Nonlinearity}";
}
