namespace WeightInit.Training;

/// <summary>The update rule of the <see cref="Trainer"/> (<see cref="TrainingOptions.Optimizer"/>).</summary>
public enum OptimizerKind
{
    /// <summary>
    /// Stochastic gradient descent with heavy-ball momentum in PyTorch's form (Polyak 1964; Sutskever
    /// et al. 2013): g' = g + lambda w; v = mu v + g'; w = w - eta v.
    /// </summary>
    Sgd,

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization"), in PyTorch's form at step
    /// t: g' = g + lambda w; m = beta1 m + (1 - beta1) g'; v = beta2 v + (1 - beta2) g'^2;
    /// w = w - (eta / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon).
    /// </summary>
    Adam,
}
