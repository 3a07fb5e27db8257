using WeightInit.Activations;

namespace WeightInit.Simulation;

/// <summary>How <see cref="LayerStatisticsCalculator"/> decides that a unit is saturated (|f'(z)| below a threshold).</summary>
internal enum SaturationRule
{
    /// <summary>Saturation is not defined here (the input, gradients): the fraction is NaN.</summary>
    NotApplicable,

    /// <summary>f' = 1 everywhere (the identity): never saturated for a threshold of at most 1, always above 1.</summary>
    Identity,

    /// <summary>ReLU: f'(z) = 1 for z &gt; 0 and 0 otherwise, i.e. saturated exactly when the output is 0 (for a threshold of at most 1).</summary>
    ReLU,

    /// <summary>tanh: f'(z) = 1 - a^2 with a = tanh(z), read from the output.</summary>
    Tanh,

    /// <summary>The logistic sigmoid: f'(z) = a (1 - a) with a = sigmoid(z), read from the output.</summary>
    Sigmoid,

    /// <summary>Any other activation: |f'(z)| from a buffer of derivatives computed by the activation itself.</summary>
    FromDerivative,
}

/// <summary>Which <see cref="SaturationRule"/> an activation gets.</summary>
internal static class SaturationRules
{
    /// <summary>
    /// The rule for <paramref name="activation"/>, chosen by its type (the activation classes are sealed), so that
    /// every instance of a library activation gets its rule, not only the shared <see cref="Activation.ReLU"/> etc.
    /// </summary>
    /// <param name="activation">The activation after each layer.</param>
    /// <returns>Identity, ReLU, Tanh, Sigmoid, or FromDerivative for every other activation.</returns>
    public static SaturationRule For(Activation activation) => activation switch
    {
        IdentityActivation => SaturationRule.Identity,
        ReLUActivation => SaturationRule.ReLU,
        TanhActivation => SaturationRule.Tanh,
        SigmoidActivation => SaturationRule.Sigmoid,
        _ => SaturationRule.FromDerivative,
    };
}
