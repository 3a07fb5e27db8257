using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// General variance scaling: weights with mean 0 and variance scale / n, where n is fan_in, fan_out,
/// fan_avg = (fan_in + fan_out) / 2 or fan_geo_avg = sqrt(fan_in fan_out), drawn from a truncated normal,
/// a normal or a uniform distribution (<see cref="VarianceScalingDistribution"/>).
/// </summary>
/// <remarks>
/// Keras's <c>VarianceScaling(scale, mode, distribution)</c> and JAX's <c>variance_scaling</c> (which adds
/// fan_geo_avg). It contains the classic schemes: Glorot (scale 1, fan_avg; Glorot &amp; Bengio 2010,
/// "Understanding the difficulty of training deep feedforward neural networks"), He (scale 2, fan_in;
/// He et al. 2015, "Delving Deep into Rectifiers") and LeCun (scale 1, fan_in; LeCun et al. 1998,
/// "Efficient BackProp").
/// </remarks>
internal sealed class VarianceScalingInitializer : FanScaledInitializer
{
    /// <summary>
    /// The standard deviation of N(0, 1) truncated to (-2, 2): sqrt(1 - 4 phi(2) / (Phi(2) - Phi(-2))),
    /// the constant Keras divides by so that its truncated normal keeps the variance scale / n.
    /// </summary>
    public const double TruncatedStdCorrection = 0.87962566103423978;

    /// <summary>Creates the initializer.</summary>
    /// <param name="scale">The variance numerator; finite and positive.</param>
    /// <param name="mode">Which fan n is.</param>
    /// <param name="distribution">The distribution to draw from.</param>
    /// <exception cref="ArgumentOutOfRangeException">scale is not finite and positive, or an enum value is
    /// undefined.</exception>
    public VarianceScalingInitializer(double scale = 1.0, FanMode mode = FanMode.FanIn,
        VarianceScalingDistribution distribution = VarianceScalingDistribution.TruncatedNormal)
        : base(distribution == VarianceScalingDistribution.Uniform)
    {
        Guard.FinitePositive(scale);
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode is not a defined FanMode.");
        if (!Enum.IsDefined(distribution))
            throw new ArgumentOutOfRangeException(nameof(distribution), distribution,
                "distribution is not a defined VarianceScalingDistribution.");
        Scale = scale;
        Mode = mode;
        Distribution = distribution;
    }

    /// <summary>The variance numerator.</summary>
    public double Scale { get; }

    /// <summary>Which fan divides the scale.</summary>
    public FanMode Mode { get; }

    /// <summary>The distribution drawn from.</summary>
    public VarianceScalingDistribution Distribution { get; }

    /// <inheritdoc/>
    public override string Name => $"VarianceScaling(scale={Scale:R}, mode={Mode}, distribution={Distribution})";

    /// <inheritdoc/>
    private protected override double StdOf(int fanIn, int fanOut) => Math.Sqrt(VarianceOf(fanIn, fanOut));

    /// <summary>scale / n, as the formula states it (not the square of the rounded std).</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The variance.</returns>
    private protected override double VarianceOf(int fanIn, int fanOut) =>
        Scale / Fans.For(new FanPair(fanIn, fanOut), Mode);

    /// <summary>
    /// The standard deviation s of the normal before truncation: Std / 0.87962566103423978 for
    /// TruncatedNormal, Std otherwise (Uniform: the std of the uniform).
    /// </summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>s.</returns>
    public double NormalStd(int fanIn, int fanOut)
    {
        double std = Std(fanIn, fanOut);
        return Distribution == VarianceScalingDistribution.TruncatedNormal ? std / TruncatedStdCorrection : std;
    }

    /// <summary>
    /// The largest magnitude a weight can take: sqrt(3 scale / n) for Uniform, 2 s (the truncation point)
    /// for TruncatedNormal, +infinity for UntruncatedNormal.
    /// </summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The bound.</returns>
    private protected override double BoundOf(int fanIn, int fanOut) => Distribution switch
    {
        VarianceScalingDistribution.Uniform => Math.Sqrt(3.0) * StdOf(fanIn, fanOut),
        VarianceScalingDistribution.TruncatedNormal => 2.0 * NormalStd(fanIn, fanOut),
        _ => double.PositiveInfinity,
    };

    /// <inheritdoc/>
    private protected override void Draw<T>(Span<T> weights, FanPair fans, RandomSource random)
    {
        double std = StdOf(fans.FanIn, fans.FanOut);
        switch (Distribution)
        {
            case VarianceScalingDistribution.TruncatedNormal:
                double s = std / TruncatedStdCorrection;
                new TruncatedNormal(0, s, -2 * s, 2 * s).Fill(weights, random);
                break;
            case VarianceScalingDistribution.UntruncatedNormal:
                random.FillNormal(weights, 0.0, std);
                break;
            default:
                double b = Math.Sqrt(3.0) * std;
                random.FillUniform(weights, -b, b);
                break;
        }
    }
}
