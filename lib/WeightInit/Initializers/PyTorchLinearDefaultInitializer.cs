namespace WeightInit.Initializers;

/// <summary>
/// PyTorch's default weight initialization of nn.Linear (and nn.ConvNd):
/// <c>kaiming_uniform_(a = sqrt(5))</c>, i.e. gain = sqrt(2 / (1 + 5)) = sqrt(1/3) and
/// b = sqrt(3) * gain / sqrt(fan_in) = 1 / sqrt(fan_in): W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
/// </summary>
/// <remarks>
/// The leaky-ReLU formula of He, Zhang, Ren &amp; Sun (2015), "Delving Deep into Rectifiers", with a = sqrt(5)
/// chosen by PyTorch to reproduce the older Torch7 default U(+-1/sqrt(fan_in)); the variance
/// 1 / (3 fan_in) is a third of LeCun's. PyTorch draws the layer's biases from U(-b, b) with the same
/// b = 1/sqrt(fan_in) (<see cref="BiasBound"/>): <c>Init.Uniform(-b, b)</c> fills them, e.g. as the biases of a
/// <see cref="DeepNetwork"/> whose hidden layers have one fan-in.
/// </remarks>
internal sealed class PyTorchLinearDefaultInitializer() : FanScaledInitializer(uniform: true)
{
    /// <summary>The negative slope PyTorch passes to kaiming_uniform_: sqrt(5).</summary>
    public static readonly double NegativeSlope = Math.Sqrt(5.0);

    /// <inheritdoc/>
    public override string Name => "PyTorchLinearDefault";

    /// <summary>
    /// The bound b = 1/sqrt(fan_in) of PyTorch's default bias initialization U(-b, b) for nn.Linear and nn.ConvNd
    /// (<c>reset_parameters</c>), the same bound as this initializer's weights.
    /// </summary>
    /// <param name="fanIn">The layer's fan_in; positive.</param>
    /// <returns>b.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
    public static double BiasBound(int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        return 1.0 / Math.Sqrt(fanIn);
    }

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) =>
        Math.Sqrt(3.0) * (Initializers.Gain.For(Nonlinearity.LeakyReLU, NegativeSlope) / Math.Sqrt(fanIn));
}
