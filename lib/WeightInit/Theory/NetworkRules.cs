using WeightInit.Activations;

namespace WeightInit.Theory;

/// <summary>The rules every deep mean-field network of an experiment obeys, checked in one place.</summary>
internal static class NetworkRules
{
    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming the first of the experiment's properties (Activation,
    /// WeightVariance, BiasVariance, Weights, Width, Depth) that breaks its rule: an activation, sigma_w^2 finite and
    /// positive, sigma_b^2 finite and non-negative, a defined weight distribution, a positive width and depth.
    /// </summary>
    public static void Check(Activation activation, double weightVariance, double biasVariance, WeightDistribution weights, int width, int depth)
    {
        ArgumentNullException.ThrowIfNull(activation, "Activation");
        Guard.FinitePositive(weightVariance, "WeightVariance");
        Guard.FiniteNonNegative(biasVariance, "BiasVariance");
        Guard.Defined(weights, "Weights");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width, "Width");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth, "Depth");
    }
}
