using WeightInit.Activations;

namespace WeightInit.Simulation;

/// <summary>
/// Back-of-the-envelope predictions for a deep stack of dense layers with i.i.d. zero-mean
/// weights of standard deviation sigma_w: each layer multiplies the activations' root mean square
/// by sqrt(n sigma_w^2 c), where n is the layer's fan-in and c the activation's second-moment
/// factor E[f(z)^2] / E[z^2] (1 for the identity; 1/2 for ReLU with symmetric z, He et al. 2015,
/// "Delving Deep into Rectifiers"). From that geometric growth follow the layer where the values
/// leave the floating-point range and the layer where they reach zero.
/// </summary>
public static class LinearNetworkTheory
{
    /// <summary>
    /// The factor by which one layer multiplies the std of a linear network's activations:
    /// sqrt(n) sigma_w (Var(sum of n products w x) = n sigma_w^2 Var(x) for independent zero-mean
    /// w and x). For n = 512 and sigma_w = 1: 22.6; for sigma_w = 0.01: 0.226.
    /// </summary>
    /// <param name="width">The fan-in n (positive).</param>
    /// <param name="weightStd">sigma_w (finite, non-negative).</param>
    /// <returns>sqrt(n) sigma_w.</returns>
    public static double StdGrowthFactor(int width, double weightStd) => StdGrowthFactor(width, weightStd, 1.0);

    /// <summary>
    /// The factor by which one layer multiplies the root mean square of the activations when an
    /// activation with second-moment factor c follows: sqrt(n sigma_w^2 c).
    /// </summary>
    /// <param name="width">The fan-in n (positive).</param>
    /// <param name="weightStd">sigma_w (finite, non-negative).</param>
    /// <param name="secondMomentFactor">c = E[f(z)^2] / E[z^2] (finite, non-negative), e.g. from
    /// <see cref="SecondMomentFactor"/>.</param>
    /// <returns>sqrt(n sigma_w^2 c).</returns>
    public static double StdGrowthFactor(int width, double weightStd, double secondMomentFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Guard.FiniteNonNegative(weightStd);
        Guard.FiniteNonNegative(secondMomentFactor);
        return Math.Sqrt(width * secondMomentFactor) * weightStd;
    }

    /// <summary>
    /// E[f(z)^2] / E[z^2] for z symmetric about 0, where it does not depend on the scale of z:
    /// 1 for the identity, 1/2 for ReLU (half of the inputs are zeroed, the other half kept), (1 + a^2)/2 for a
    /// leaky ReLU of negative slope a (He et al. 2015). Null for activations whose factor depends on the scale
    /// (sigmoid, tanh, ...). Chosen by the activation's type, so any instance of these classes gets its factor.
    /// </summary>
    /// <param name="activation">The activation.</param>
    /// <returns>The factor, or null when it is not scale-free.</returns>
    public static double? SecondMomentFactor(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation switch
        {
            IdentityActivation => 1.0,
            ReLUActivation => 0.5,
            LeakyReLUActivation leaky => (1.0 + leaky.NegativeSlope * leaky.NegativeSlope) / 2.0,
            _ => null,
        };
    }

    /// <summary>The largest finite value of the precision: 3.4028235e38 (float32) or 1.7976931348623157e308
    /// (float64).</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>float.MaxValue or double.MaxValue.</returns>
    public static double MaxValue(FloatPrecision precision) => precision switch
    {
        FloatPrecision.Single => float.MaxValue,
        FloatPrecision.Double => double.MaxValue,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "precision must be Single or Double."),
    };

    /// <summary>The smallest positive normal value: 1.1754944e-38 (float32) or 2.2250738585072014e-308
    /// (float64).</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>The smallest normal value.</returns>
    public static double SmallestNormal(FloatPrecision precision) => precision switch
    {
        FloatPrecision.Single => (double)BitConverter.Int32BitsToSingle(0x00800000),
        FloatPrecision.Double => 2.2250738585072014e-308,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "precision must be Single or Double."),
    };

    /// <summary>The smallest positive (subnormal) value: 1.4e-45 (float32) or 4.9e-324 (float64); anything below half
    /// of it rounds to 0.</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>float.Epsilon or double.Epsilon.</returns>
    public static double SmallestSubnormal(FloatPrecision precision) => precision switch
    {
        FloatPrecision.Single => float.Epsilon,
        FloatPrecision.Double => double.Epsilon,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "precision must be Single or Double."),
    };

    /// <summary>
    /// The (fractional) layer at which an activation std of <paramref name="inputStd"/>, multiplied
    /// by <paramref name="growthFactor"/> per layer, reaches the largest finite value:
    /// log(MaxValue / inputStd) / log(factor). Width 512, sigma_w = 1, input std 1: 28.4 in
    /// float32, 227.6 in float64; the first non-finite layer is the next integer or so, since the
    /// largest of many values is a few stds. Null when the factor is at most 1 (no overflow).
    /// </summary>
    /// <param name="growthFactor">The per-layer factor, e.g. from <see cref="StdGrowthFactor(int, double)"/> (finite,
    /// positive).</param>
    /// <param name="precision">The precision.</param>
    /// <param name="inputStd">The std of the input (finite, positive; default 1).</param>
    /// <returns>The predicted layer, or null.</returns>
    public static double? PredictedOverflowLayer(double growthFactor, FloatPrecision precision, double inputStd = 1.0)
    {
        Guard.FinitePositive(growthFactor);
        Guard.FinitePositive(inputStd);
        if (growthFactor <= 1) return null;
        return Math.Log(MaxValue(precision) / inputStd) / Math.Log(growthFactor);
    }

    /// <summary>
    /// The (fractional) layer at which the std falls to the smallest subnormal value of the
    /// precision, log(SmallestSubnormal / inputStd) / log(factor): from there on practically
    /// every value has rounded to exact zero. Width 512, sigma_w = 0.01, input std 1: 69.5 in
    /// float32 and 501.0 in float64 (so a 250-layer float64 network still holds values near
    /// 1e-161). Null when the factor is at least 1 (no underflow).
    /// </summary>
    /// <param name="growthFactor">The per-layer factor (finite, positive).</param>
    /// <param name="precision">The precision.</param>
    /// <param name="inputStd">The std of the input (finite, positive; default 1).</param>
    /// <returns>The predicted layer, or null.</returns>
    public static double? PredictedZeroLayer(double growthFactor, FloatPrecision precision, double inputStd = 1.0)
    {
        Guard.FinitePositive(growthFactor);
        Guard.FinitePositive(inputStd);
        if (growthFactor >= 1) return null;
        return Math.Log(SmallestSubnormal(precision) / inputStd) / Math.Log(growthFactor);
    }

    /// <summary>
    /// The (fractional) layer at which the std falls below the smallest normal value (values
    /// become subnormal and lose precision): log(SmallestNormal / inputStd) / log(factor).
    /// Null when the factor is at least 1.
    /// </summary>
    /// <param name="growthFactor">The per-layer factor (finite, positive).</param>
    /// <param name="precision">The precision.</param>
    /// <param name="inputStd">The std of the input (finite, positive; default 1).</param>
    /// <returns>The predicted layer, or null.</returns>
    public static double? PredictedSubnormalLayer(double growthFactor, FloatPrecision precision, double inputStd = 1.0)
    {
        Guard.FinitePositive(growthFactor);
        Guard.FinitePositive(inputStd);
        if (growthFactor >= 1) return null;
        return Math.Log(SmallestNormal(precision) / inputStd) / Math.Log(growthFactor);
    }

    /// <summary>The predicted std after <paramref name="layers"/> layers: inputStd * factor^layers (may over- or
    /// underflow double, like the data).</summary>
    /// <param name="growthFactor">The per-layer factor (finite, non-negative).</param>
    /// <param name="layers">The number of layers (non-negative).</param>
    /// <param name="inputStd">The std of the input (finite, non-negative; default 1).</param>
    /// <returns>inputStd * factor^layers.</returns>
    public static double PredictedStd(double growthFactor, int layers, double inputStd = 1.0)
    {
        Guard.FiniteNonNegative(growthFactor);
        ArgumentOutOfRangeException.ThrowIfNegative(layers);
        Guard.FiniteNonNegative(inputStd);
        return inputStd * Math.Pow(growthFactor, layers);
    }
}
