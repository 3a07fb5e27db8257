namespace WeightInit.Initializers;

/// <summary>
/// LeCun normal initialization: W ~ N(0, 1 / fan_in), i.e. std = 1 / sqrt(fan_in).
/// </summary>
/// <remarks>
/// LeCun, Bottou, Orr &amp; Müller (1998), "Efficient BackProp", in Neural Networks: Tricks of the Trade,
/// section 4.6: weights with standard deviation fan_in^(-1/2) keep the variance of a unit's input near
/// that of its inputs. Klambauer, Unterthiner, Mayr &amp; Hochreiter (2017), "Self-Normalizing Neural
/// Networks", prescribe it (untruncated) for SELU networks. Equivalent to PyTorch's
/// <c>kaiming_normal_(nonlinearity="linear")</c>. Keras's and JAX's lecun_normal draw a truncated normal
/// with the same variance instead: <see cref="Init.KerasLeCunNormal"/>.
/// </remarks>
internal sealed class LeCunNormalInitializer : FanScaledNormalInitializer
{
    /// <inheritdoc/>
    public override string Name => "LeCunNormal";

    /// <inheritdoc/>
    private protected override double StdOf(int fanIn, int fanOut) => 1.0 / Math.Sqrt(fanIn);
}
