namespace WeightInit.Initializers;

/// <summary>
/// One row of the modern recommendation table: a scheme, the activations it suits, its variance
/// sigma^2 = <see cref="Scale"/> / n with n given by <see cref="Mode"/>, and initializers that draw it.
/// </summary>
public sealed class InitializationRecommendation
{
    internal InitializationRecommendation(InitializationScheme scheme, IReadOnlyList<string> activations, double scale,
        FanMode mode,
        string varianceFormula, FanScaledInitializer normal, FanScaledInitializer uniform, string source)
    {
        (Scheme, Activations, Scale, Mode, VarianceFormula, Normal, Uniform, Source) =
            (scheme, activations, scale, mode, varianceFormula, normal, uniform, source);
    }

    /// <summary>Glorot, He or LeCun.</summary>
    public InitializationScheme Scheme { get; }

    /// <summary>The activations the scheme is recommended for, as the table names them (e.g. "None", "tanh").</summary>
    public IReadOnlyList<string> Activations { get; }

    /// <summary>The variance numerator: 1 (Glorot, LeCun) or 2 (He).</summary>
    public double Scale { get; }

    /// <summary>The fan n divides by: FanAvg (Glorot) or FanIn (He, LeCun).</summary>
    public FanMode Mode { get; }

    /// <summary>The gain sqrt(<see cref="Scale"/>): the factor on the standard deviation 1/sqrt(n).</summary>
    public double Gain => Math.Sqrt(Scale);

    /// <summary>The variance as text, e.g. "1/fan_avg".</summary>
    public string VarianceFormula { get; }

    /// <summary>The scheme's normal initializer (untruncated), e.g. Xavier normal for Glorot.</summary>
    public FanScaledInitializer Normal { get; }

    /// <summary>The scheme's uniform initializer, U(-r, r) with r = sqrt(3 sigma^2).</summary>
    public FanScaledInitializer Uniform { get; }

    /// <summary>The scheme as an <see cref="IWeightInitializer"/>: the normal form, <see cref="Normal"/>.</summary>
    public IWeightInitializer Initializer => Normal;

    /// <summary>Where the scheme comes from (author, year, title).</summary>
    public string Source { get; }

    /// <summary>sigma^2 = scale / n for the given fans, with fan_avg = (fan_in + fan_out) / 2.</summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>The variance.</returns>
    public double Variance(int fanIn, int fanOut) => Scale / Fans.For(new FanPair(fanIn, fanOut), Mode);

    /// <summary>sigma = sqrt(scale / n).</summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>The standard deviation.</returns>
    public double Std(int fanIn, int fanOut) => Math.Sqrt(Variance(fanIn, fanOut));

    /// <summary>The bound of the uniform form, r = sqrt(3 sigma^2).</summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>r.</returns>
    public double UniformBound(int fanIn, int fanOut) => Math.Sqrt(3.0 * Variance(fanIn, fanOut));

    /// <inheritdoc/>
    public override string ToString() => $"{Scheme}: {string.Join(", ", Activations)}; sigma^2 = {VarianceFormula}";
}
