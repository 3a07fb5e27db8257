using WeightInit.Initializers;

namespace WeightInit.Theory;

/// <summary>
/// How the weights of a mean-field network are drawn at a weight variance sigma_w^2 (entries of
/// variance sigma_w^2 / fan_in either way).
/// </summary>
public enum WeightDistribution
{
    /// <summary>W_ij ~ N(0, sigma_w^2 / fan_in), i.i.d. (Poole et al. 2016; Schoenholz et al. 2017).</summary>
    Gaussian,

    /// <summary>
    /// W = sigma_w Q with Q Haar-orthogonal (a square layer; semi-orthogonal otherwise), as in Saxe et al.
    /// (2013) and Pennington, Schoenholz &amp; Ganguli (2017): every singular value of W is sigma_w.
    /// </summary>
    Orthogonal,
}

/// <summary>Initializers for <see cref="WeightDistribution"/>.</summary>
public static class WeightDistributions
{
    /// <summary>The initializer that draws weights of this distribution with weight variance sigma_w^2.</summary>
    /// <param name="distribution">Gaussian or orthogonal.</param>
    /// <param name="weightVariance">sigma_w^2, finite and positive.</param>
    /// <returns>Gaussian: <c>Init.VarianceScaling(sigma_w^2, FanIn, UntruncatedNormal)</c>; orthogonal: <c>Init.Orthogonal(gain: sigma_w)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The distribution is unknown or the variance breaks its rule.</exception>
    public static IWeightInitializer CreateInitializer(this WeightDistribution distribution, double weightVariance)
    {
        Guard.FinitePositive(weightVariance);
        return distribution switch
        {
            WeightDistribution.Gaussian => Init.VarianceScaling(weightVariance, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal),
            WeightDistribution.Orthogonal => Init.Orthogonal(Math.Sqrt(weightVariance)),
            _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, $"{nameof(distribution)} must be Gaussian or Orthogonal."),
        };
    }
}
