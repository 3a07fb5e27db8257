namespace WeightInit.Initializers;

/// <summary>Validation and gain shared by <see cref="HeNormalInitializer"/> and <see cref="HeUniformInitializer"/>.</summary>
internal static class KaimingParameters
{
    public static double GainOf(double negativeSlope, FanMode mode, Nonlinearity nonlinearity)
    {
        Guard.Finite(negativeSlope, nameof(negativeSlope));
        if (mode is FanMode.FanAvg or FanMode.FanGeoAvg)
            throw new ArgumentException(
                $"mode must be FanIn or FanOut for He (Kaiming) initialization, but it is {mode}; use VarianceScalingInitializer for other modes.",
                nameof(mode));
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be FanIn or FanOut.");
        if (!Enum.IsDefined(nonlinearity))
            throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, "nonlinearity is not a defined Nonlinearity.");
        if (nonlinearity != Nonlinearity.LeakyReLU && negativeSlope != 0)
            throw new ArgumentException(
                $"negativeSlope applies only to the LeakyReLU nonlinearity, but nonlinearity is {nonlinearity} and negativeSlope is {negativeSlope}.",
                nameof(negativeSlope));
        return nonlinearity == Nonlinearity.LeakyReLU ? Gain.For(nonlinearity, negativeSlope) : Gain.For(nonlinearity);
    }

    public static string Describe(double negativeSlope, FanMode mode, Nonlinearity nonlinearity) =>
        nonlinearity == Nonlinearity.LeakyReLU
            ? $"a={negativeSlope:R}, mode={mode}, nonlinearity={Initializers.Gain.NameOf(nonlinearity)}"
            : $"mode={mode}, nonlinearity={Initializers.Gain.NameOf(nonlinearity)}";
}
