using WeightInit.Activations;

namespace WeightInit.Initializers;

/// <summary>
/// Which initialization keeps activations stable for a given activation function: the table at the end of
/// the article, in its corrected modern form (Géron 2019/2022, "Hands-On Machine Learning with Scikit-Learn,
/// Keras and TensorFlow", 2nd/3rd ed., table 11-1). Notebook 06 sets it beside the obsolete first-edition table.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Scheme</term><description>Activations; sigma^2 (normal); uniform r = sqrt(3 sigma^2)</description></listheader>
/// <item><term>Glorot</term><description>None, tanh, logistic, softmax; 1/fan_avg with fan_avg = (fan_in + fan_out)/2
/// (Glorot &amp; Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks").</description></item>
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
        new XavierNormalInitializer(1.0), new XavierUniformInitializer(1.0),
        "Glorot & Bengio (2010), Understanding the difficulty of training deep feedforward neural networks");

    /// <summary>The He row.</summary>
    public static InitializationRecommendation He { get; } = new(
        InitializationScheme.He, ["ReLU and variants"], 2.0, FanMode.FanIn, "2/fan_in",
        new HeNormalInitializer(0, FanMode.FanIn, Nonlinearity.ReLU), new HeUniformInitializer(0, FanMode.FanIn, Nonlinearity.ReLU),
        "He, Zhang, Ren & Sun (2015), Delving Deep into Rectifiers");

    /// <summary>The LeCun row.</summary>
    public static InitializationRecommendation LeCun { get; } = new(
        InitializationScheme.LeCun, ["SELU"], 1.0, FanMode.FanIn, "1/fan_in",
        new LeCunNormalInitializer(), new LeCunUniformInitializer(),
        "LeCun, Bottou, Orr & Müller (1998), Efficient BackProp; Klambauer et al. (2017), Self-Normalizing Neural Networks");

    /// <summary>The modern table: Glorot, He, LeCun.</summary>
    public static IReadOnlyList<InitializationRecommendation> Table { get; } = Array.AsReadOnly([Glorot, He, LeCun]);

    private static readonly (string Key, InitializationScheme Scheme)[] KnownActivations =
    [
        ("identity", InitializationScheme.Glorot), ("linear", InitializationScheme.Glorot), ("none", InitializationScheme.Glorot),
        ("tanh", InitializationScheme.Glorot), ("sigmoid", InitializationScheme.Glorot), ("logistic", InitializationScheme.Glorot),
        ("softmax", InitializationScheme.Glorot),
        ("relu", InitializationScheme.He), ("leakyrelu", InitializationScheme.He), ("prelu", InitializationScheme.He),
        ("elu", InitializationScheme.He), ("gelu", InitializationScheme.He), ("swish", InitializationScheme.He),
        ("silu", InitializationScheme.He), ("mish", InitializationScheme.He),
        ("selu", InitializationScheme.LeCun),
    ];

    /// <summary>The activation names <see cref="For(string)"/> knows (compared ignoring case, '_', '-', spaces and an "Activation" suffix).</summary>
    public static IReadOnlyList<string> KnownActivationNames { get; } = Array.AsReadOnly(KnownActivations.Select(k => k.Key).ToArray());

    /// <summary>The recommendation for <paramref name="activation"/>, matched by its <see cref="Activation.Name"/>.</summary>
    /// <param name="activation">The activation that follows the layer.</param>
    /// <returns>The table row.</returns>
    /// <exception cref="ArgumentException">The activation's name is not in the table; the message lists the known names.</exception>
    /// <remarks>
    /// A <see cref="LeakyReLUActivation"/> with a non-zero negative slope a gets the He row with He et al.'s exact
    /// variance for it, 2 / ((1 + a^2) fan_in) (gain sqrt(2 / (1 + a^2)), as <see cref="Initializers.Gain"/> gives);
    /// every other activation gets its table row unchanged.
    /// </remarks>
    public static InitializationRecommendation For(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation is LeakyReLUActivation { NegativeSlope: var a } && a != 0)
        {
            string slope = a.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return new InitializationRecommendation(InitializationScheme.He, [$"LeakyReLU(a = {slope})"],
                2.0 / (1.0 + a * a), FanMode.FanIn, $"2/((1+a^2) fan_in) with a = {slope}",
                new HeNormalInitializer(a, FanMode.FanIn, Nonlinearity.LeakyReLU),
                new HeUniformInitializer(a, FanMode.FanIn, Nonlinearity.LeakyReLU),
                He.Source);
        }
        return For(activation.Name, nameof(activation));
    }

    /// <summary>The recommendation for the activation called <paramref name="activationName"/> (e.g. "ReLU", "tanh", "SELU").</summary>
    /// <param name="activationName">One of <see cref="KnownActivationNames"/>.</param>
    /// <returns>The table row.</returns>
    /// <exception cref="ArgumentException">The name is not in the table; the message lists the known names.</exception>
    public static InitializationRecommendation For(string activationName) => For(activationName, nameof(activationName));

    private static InitializationRecommendation For(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        string key = Normalize(name);
        foreach (var (k, scheme) in KnownActivations)
            if (k == key) return Table[(int)scheme];
        throw new ArgumentException(
            $"{paramName} \"{name}\" is not in the recommendation table; known activations: {string.Join(", ", KnownActivationNames)}.",
            paramName);
    }

    private static string Normalize(string name)
    {
        string s = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return s.EndsWith("activation", StringComparison.Ordinal) && s.Length > "activation".Length ? s[..^"activation".Length] : s;
    }
}
