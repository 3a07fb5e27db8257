namespace WeightInit.Tests.Theory;

/// <summary>The networks of the mean-field papers: W_ij ~ N(0, sigma_w^2 / n) (or sigma_w times a Haar-orthogonal Q),
/// b_i ~ N(0, sigma_b^2).</summary>
internal static class MeanFieldNetworks
{
    public static DeepNetwork Gaussian(Activation activation, double weightVariance, double biasVariance, int width,
        int depth) =>
        DeepNetwork.Stack(depth, width, activation,
            Init.VarianceScaling(weightVariance, FanMode.FanIn,
                VarianceScalingDistribution.UntruncatedNormal), Biases(biasVariance));

    public static DeepNetwork Orthogonal(Activation activation, double weightVariance, double biasVariance, int width,
        int depth) =>
        DeepNetwork.Stack(depth, width, activation, Init.Orthogonal(Math.Sqrt(weightVariance)), Biases(biasVariance));

    private static IWeightInitializer? Biases(double variance)
        => variance > 0 ? Init.Normal(0, Math.Sqrt(variance)) : null;
}
