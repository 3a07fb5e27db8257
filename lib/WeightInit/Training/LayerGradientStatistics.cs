namespace WeightInit.Training;

/// <summary>
/// Statistics of one layer's gradient: of dL/dW over all (out x in) entries and of dL/db.
/// Norms are Euclidean (Frobenius for W); Std is the population standard deviation.
/// </summary>
/// <param name="Layer">The layer's index, 0 for the layer next to the input.</param>
/// <param name="FanIn">The layer's input width.</param>
/// <param name="FanOut">The layer's output width.</param>
/// <param name="WeightGradientNorm">||dL/dW||_F.</param>
/// <param name="WeightGradientMean">The mean of the entries of dL/dW.</param>
/// <param name="WeightGradientStd">The standard deviation of the entries of dL/dW.</param>
/// <param name="BiasGradientNorm">||dL/db||.</param>
public readonly record struct LayerGradientStatistics(
    int Layer, int FanIn, int FanOut,
    double WeightGradientNorm, double WeightGradientMean, double WeightGradientStd,
    double BiasGradientNorm);
