using WeightInit.Activations;

namespace WeightInit.Initializers;

/// <summary>
/// Which initialization keeps activations stable for a given activation function: the table at the end of
/// the article, in its corrected modern form (Géron 2019/2022, "Hands-On Machine Learning with Scikit-Learn,
/// Keras and TensorFlow", 2nd/3rd ed., table 11-1). Notebook 06 sets it beside the obsolete first-edition table.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Scheme</term><description>Activations; sigma^2 (normal); uniform r = sqrt(3
/// sigma^2)</description></listheader>
/// <item><term>Glorot</term><description>None, tanh, logistic, softmax; 1/fan_avg with fan_avg = (fan_in + fan_out)/2
/// (Glorot &amp; Bengio 2010, "Understanding the difficulty of training deep feedforward neural
/// networks").</description></item>
/// <item><term>He</term><description>ReLU and its variants (leaky ReLU, ELU, GELU, Swish, Mish); 2/fan_in
/// (He, Zhang, Ren &amp; Sun 2015, "Delving Deep into Rectifiers").</description></item>
/// <item><term>LeCun</term><description>SELU; 1/fan_in (LeCun, Bottou, Orr &amp; Müller 1998, "Efficient BackProp";
/// Klambauer et al. 2017, "Self-Normalizing Neural Networks").</description></item>
/// </list>
/// </remarks>
public static class InitializationAdvice
{
    /// <summary>The Glorot row.</summary>
    public static InitializationRecommendation Glorot { get; } = new(
        InitializationScheme.Glorot, ["None", "tanh", "logistic", "softmax"], 1.0, FanMode.FanAvg, "1/fan_avg",
        new XavierInitializer(1.0, uniform: false), new XavierInitializer(1.0, uniform: true),
        "Glorot & Bengio (2010), Understanding the difficulty of training deep feedforward neural networks");

    /// <summary>The He row.</summary>
    public static InitializationRecommendation He { get; } = new(
        InitializationScheme.He, ["ReLU and variants"], 2.0, FanMode.FanIn, "2/fan_in",
        new HeInitializer(false, 0, FanMode.FanIn, Nonlinearity.ReLU),
        new HeInitializer(true, 0, FanMode.FanIn, Nonlinearity.ReLU),
        "He, Zhang, Ren & Sun (2015), Delving Deep into Rectifiers");

    /// <summary>The LeCun row.</summary>
    public static InitializationRecommendation LeCun { get; } = new(
        InitializationScheme.LeCun, ["SELU"], 1.0, FanMode.FanIn, "1/fan_in",
        new LeCunInitializer(uniform: false), new LeCunInitializer(uniform: true),
        "LeCun, Bottou, Orr & Müller (1998), Efficient BackProp; Klambauer et al. (2017), Self-Normalizing Neural " +
            "Networks");

    /// <summary>The modern table: Glorot, He, LeCun.</summary>
    public static IReadOnlyList<InitializationRecommendation> Table { get; } = Array.AsReadOnly([Glorot, He, LeCun]);

    /// <summary>The recommendation for <paramref name="activation"/>, the activation that follows the layer.</summary>
    /// <param name="activation">The identity, sigmoid, tanh (Glorot); ReLU, a leaky ReLU, ELU, GELU, Swish (He); SELU
    /// (LeCun).</param>
    /// <returns>The table row.</returns>
    /// <exception cref="ArgumentException">The activation is not in the table (one defined outside the
    /// library).</exception>
    /// <remarks>
    /// Decided by the activation's type, so every instance of a library activation has its row. A
    /// <see cref="LeakyReLUActivation"/> with a non-zero negative slope a gets the He row with He et al.'s exact
    /// variance for
    /// it, 2 / ((1 + a^2) fan_in) (gain sqrt(2 / (1 + a^2)), as <see cref="Initializers.Gain"/> gives); every other
    /// activation gets its table row unchanged.
    /// </remarks>
    public static InitializationRecommendation For(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation is LeakyReLUActivation { NegativeSlope: var a } && a != 0)
        {
            string slope = a.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return new InitializationRecommendation(InitializationScheme.He, [$"LeakyReLU(a = {slope})"],
                2.0 / (1.0 + a * a), FanMode.FanIn, $"2/((1+a^2) fan_in) with a = {slope}",
                new HeInitializer(false, a, FanMode.FanIn, Nonlinearity.LeakyReLU),
                new HeInitializer(true, a, FanMode.FanIn, Nonlinearity.LeakyReLU),
                He.Source);
        }
        return activation switch
        {
            IdentityActivation or SigmoidActivation or TanhActivation => Glorot,
            ReLUActivation or LeakyReLUActivation or EluActivation or GeluActivation or SwishActivation => He,
            SeluActivation => LeCun,
            _ => throw new ArgumentException(
                $"activation {activation.Name} is not in the recommendation table, which covers the identity, " +
                    $"sigmoid, tanh, " +
                "ReLU, leaky ReLU, ELU, GELU, Swish and SELU.", nameof(activation)),
        };
    }
}
