using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// W ~ N(mean, std^2) truncated to [low, high], with absolute bounds as in PyTorch's
/// <c>trunc_normal_(mean, std, a, b)</c>: values outside the bounds are redrawn, so the density is the normal
/// one renormalized on [low, high] and the weights' variance is below std^2.
/// </summary>
/// <remarks>
/// With alpha = (low - mean)/std, beta = (high - mean)/std and Z = Phi(beta) - Phi(alpha), the weights have mean
/// mean + std (phi(alpha) - phi(beta)) / Z and variance
/// std^2 [1 + (alpha phi(alpha) - beta phi(beta)) / Z - ((phi(alpha) - phi(beta)) / Z)^2]
/// (Johnson, Kotz &amp; Balakrishnan 1994, "Continuous Univariate Distributions", vol. 1). For Keras's
/// variance-corrected form (bounds relative to the std, variance kept at scale / n) use
/// <see cref="VarianceScalingInitializer"/> with <see cref="VarianceScalingDistribution.TruncatedNormal"/>.
/// </remarks>
internal sealed class TruncatedNormalInitializer : IWeightInitializer
{
    private readonly TruncatedNormal _distribution;

    /// <summary>Creates the initializer (the defaults are PyTorch's: N(0, 1) truncated to [-2, 2]).</summary>
    /// <param name="mean">The mean of the normal before truncation; finite.</param>
    /// <param name="std">The standard deviation of the normal before truncation; finite and positive.</param>
    /// <param name="low">The lower bound (absolute); finite.</param>
    /// <param name="high">The upper bound (absolute); finite and greater than <paramref name="low"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite, or std is not
    /// positive.</exception>
    /// <exception cref="ArgumentException">low is not less than high, or the interval lies too far in the tail to
    /// sample.</exception>
    public TruncatedNormalInitializer(double mean = 0.0, double std = 1.0, double low = -2.0, double high = 2.0)
    {
        TruncatedNormal.CheckParameters(mean, std, low, high);
        Mean = mean;
        Std = std;
        Low = low;
        High = high;
        _distribution = new TruncatedNormal(mean, std, low, high);
    }

    /// <summary>The mean of the normal before truncation.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation of the normal before truncation.</summary>
    public double Std { get; }

    /// <summary>The lower bound.</summary>
    public double Low { get; }

    /// <summary>The upper bound.</summary>
    public double High { get; }

    /// <summary>The mean of the drawn weights (the truncated distribution's).</summary>
    public double TruncatedMean => _distribution.Mean;

    /// <summary>The variance of the drawn weights (the truncated distribution's).</summary>
    public double TruncatedVariance => _distribution.Variance;

    /// <inheritdoc/>
    public string Name => $"TruncatedNormal(mean={Mean:R}, std={Std:R}, low={Low:R}, high={High:R})";

    /// <summary>
    /// <see cref="TruncatedVariance"/> when the truncated distribution has mean 0 (mean 0 and bounds symmetric about
    /// it, low = -high); null otherwise.
    /// </summary>
    /// <param name="shape">At least one dimension, all positive.</param>
    /// <returns>The variance or null.</returns>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        WeightShape.Check(shape, 1, Name);
        return Mean == 0 && Low == -High ? TruncatedVariance : null;
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        WeightShape.CheckDraw<T>(weights.Length, shape, 1, Name, random);
        _distribution.Fill(weights, random);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
