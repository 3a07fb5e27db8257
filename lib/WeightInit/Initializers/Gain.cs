using WeightInit.Activations;

namespace WeightInit.Initializers;

/// <summary>
/// The recommended gain of a nonlinearity: the factor by which a variance-preserving standard
/// deviation is multiplied, as in PyTorch's <c>torch.nn.init.calculate_gain</c>.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Nonlinearity</term><description>Gain and where it comes from</description></listheader>
/// <item><term>Linear, Conv*, ConvTranspose*</term><description>1: the identity keeps the variance
/// (LeCun et al. 1998, "Efficient BackProp"; Glorot &amp; Bengio 2010, "Understanding the difficulty
/// of training deep feedforward neural networks").</description></item>
/// <item><term>Sigmoid</term><description>1: PyTorch's choice. The logistic's slope at 0 is 1/4, which is why
/// some older tables multiply Glorot's range by 4 for it; PyTorch does not.</description></item>
/// <item><term>Tanh</term><description>5/3: an empirical value PyTorch uses; tanh's slope at 0 is 1, and the extra
/// factor offsets its saturation. PyTorch's documentation gives no derivation.</description></item>
/// <item><term>ReLU</term><description>sqrt(2): ReLU zeroes half of a symmetric input and so halves its second
/// moment (He, Zhang, Ren &amp; Sun 2015, "Delving Deep into Rectifiers").</description></item>
/// <item><term>LeakyReLU</term><description>sqrt(2 / (1 + a^2)) with negative slope a, 0.01 by default
/// (He et al. 2015, the PReLU case of their derivation).</description></item>
/// <item><term>Selu</term><description>3/4: found empirically by PyTorch's maintainers to give stable
/// activations with Kaiming initialization; for self-normalizing networks (Klambauer, Unterthiner, Mayr &amp;
/// Hochreiter 2017, "Self-Normalizing Neural Networks") use gain 1 with fan_in, i.e. LeCun normal.</description></item>
/// </list>
/// </remarks>
public static class Gain
{
    /// <summary>The default negative slope of the leaky ReLU, 0.01, as in PyTorch.</summary>
    public const double DefaultLeakyReLUSlope = 0.01;

    /// <summary>The gain of <paramref name="nonlinearity"/>; see the table in the class remarks.</summary>
    /// <param name="nonlinearity">The nonlinearity that follows the layer.</param>
    /// <param name="param">The leaky ReLU's negative slope (0.01 when null); must be null for every other
    /// nonlinearity.</param>
    /// <returns>The gain, a positive number.</returns>
    /// <exception cref="ArgumentException"><paramref name="param"/> is given for a nonlinearity that has no
    /// parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="param"/> is NaN or infinite, or the nonlinearity
    /// is undefined.</exception>
    public static double For(Nonlinearity nonlinearity, double? param = null)
    {
        if (nonlinearity == Nonlinearity.LeakyReLU)
        {
            double a = param ?? DefaultLeakyReLUSlope;
            Guard.Finite(a, nameof(param));
            return Math.Sqrt(2.0 / (1.0 + a * a));
        }
        if (param is not null && Enum.IsDefined(nonlinearity))
            throw new ArgumentException(
                $"param applies only to LeakyReLU (its negative slope); {nonlinearity} takes no parameter, but param " +
                    $"is {param}.",
                nameof(param));
        return nonlinearity switch
        {
            Nonlinearity.Linear or Nonlinearity.Conv1d or Nonlinearity.Conv2d or Nonlinearity.Conv3d
                or Nonlinearity.ConvTranspose1d or Nonlinearity.ConvTranspose2d or Nonlinearity.ConvTranspose3d
                or Nonlinearity.Sigmoid => 1.0,
            Nonlinearity.Tanh => 5.0 / 3.0,
            Nonlinearity.ReLU => Math.Sqrt(2.0),
            Nonlinearity.Selu => 3.0 / 4.0,
            _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity,
                "nonlinearity is not a defined Nonlinearity."),
        };
    }

    /// <summary>
    /// PyTorch's gain for the activation that follows the layer: <see cref="For(Nonlinearity, double?)"/> of
    /// <see cref="NonlinearityOf"/>(<paramref name="activation"/>), with a leaky ReLU's own negative slope.
    /// </summary>
    /// <param name="activation">Identity, sigmoid, tanh, ReLU, a leaky ReLU or SELU.</param>
    /// <returns>The gain, a positive number.</returns>
    /// <exception cref="ArgumentException">PyTorch gives no gain for the activation (ELU, GELU, Swish, or one defined
    /// elsewhere).</exception>
    public static double For(Activation activation)
    {
        var nonlinearity = NonlinearityOf(activation) ?? throw new ArgumentException(
            $"PyTorch's calculate_gain has no gain for {activation.Name}; it knows the identity (linear), sigmoid, " +
                $"tanh, ReLU, " +
            "leaky ReLU and SELU. Use InitializationAdvice.For(activation) for a variance, or LSUV to measure one.",
            nameof(activation));
        return activation is LeakyReLUActivation leaky ? For(nonlinearity, leaky.NegativeSlope) : For(nonlinearity);
    }

    /// <summary>
    /// The <see cref="Nonlinearity"/> PyTorch's calculate_gain knows <paramref name="activation"/> as: identity -&gt;
    /// Linear, sigmoid, tanh, ReLU, leaky ReLU (any slope), SELU; null for the others (ELU, GELU, Swish and activations
    /// defined outside the library), which PyTorch gives no gain. Decided by the activation's type, so every instance
    /// of a
    /// library activation maps, not only the shared ones.
    /// </summary>
    /// <param name="activation">The activation.</param>
    /// <returns>The nonlinearity, or null.</returns>
    public static Nonlinearity? NonlinearityOf(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation switch
        {
            IdentityActivation => Nonlinearity.Linear,
            SigmoidActivation => Nonlinearity.Sigmoid,
            TanhActivation => Nonlinearity.Tanh,
            ReLUActivation => Nonlinearity.ReLU,
            LeakyReLUActivation => Nonlinearity.LeakyReLU,
            SeluActivation => Nonlinearity.Selu,
            _ => null,
        };
    }
}
