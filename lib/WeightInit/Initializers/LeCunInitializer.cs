namespace WeightInit.Initializers;

/// <summary>
/// LeCun initialization, normal or uniform: W ~ N(0, 1 / fan_in), i.e. std = 1 / sqrt(fan_in), or W ~ U(-b, b) with
/// b = sqrt(3 / fan_in), so Var = 1 / fan_in.
/// </summary>
/// <remarks>
/// LeCun, Bottou, Orr &amp; Müller (1998), "Efficient BackProp", in Neural Networks: Tricks of the Trade,
/// section 4.6: weights with standard deviation fan_in^(-1/2) keep the variance of a unit's input near
/// that of its inputs. Klambauer, Unterthiner, Mayr &amp; Hochreiter (2017), "Self-Normalizing Neural
/// Networks", prescribe it (untruncated) for SELU networks. Equivalent to PyTorch's
/// <c>kaiming_normal_(nonlinearity="linear")</c> and <c>kaiming_uniform_(nonlinearity="linear")</c>; the uniform form
/// is Keras's LecunUniform. Keras's and JAX's lecun_normal draw a truncated normal with the same variance instead:
/// <see cref="Init.KerasLeCunNormal"/>.
/// </remarks>
/// <param name="uniform">True for U(-b, b), false for the normal form.</param>
internal sealed class LeCunInitializer(bool uniform) : FanScaledInitializer(uniform)
{
    /// <inheritdoc/>
    public override string Name => $"LeCun{Form}";

    /// <inheritdoc/>
    private protected override double NormalStdOf(int fanIn, int fanOut) => 1.0 / Math.Sqrt(fanIn);

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) =>
        IsUniform ? Math.Sqrt(3.0 / fanIn) : double.PositiveInfinity;
}
