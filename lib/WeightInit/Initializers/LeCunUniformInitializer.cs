namespace WeightInit.Initializers;

/// <summary>
/// LeCun uniform initialization: W ~ U(-b, b) with b = sqrt(3 / fan_in), so Var = 1 / fan_in.
/// </summary>
/// <remarks>
/// LeCun, Bottou, Orr &amp; Müller (1998), "Efficient BackProp", section 4.6 (standard deviation
/// fan_in^(-1/2)); the uniform form is Keras's LecunUniform. Equivalent to PyTorch's
/// <c>kaiming_uniform_(nonlinearity="linear")</c>.
/// </remarks>
internal sealed class LeCunUniformInitializer : FanScaledUniformInitializer
{
    /// <inheritdoc/>
    public override string Name => "LeCunUniform";

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) => Math.Sqrt(3.0 / fanIn);
}
