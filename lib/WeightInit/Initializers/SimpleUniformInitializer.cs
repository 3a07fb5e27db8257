namespace WeightInit.Initializers;

/// <summary>
/// The "simple Xavier" form the article plots: W ~ U(-1/sqrt(n), 1/sqrt(n)) with n = fan_in, so
/// Var = 1 / (3 fan_in).
/// </summary>
/// <remarks>
/// The "commonly used heuristic" that Glorot &amp; Bengio (2010), "Understanding the difficulty of training
/// deep feedforward neural networks", eq. 1, compare their normalized initialization against. Its variance
/// is a third of LeCun's 1/fan_in. It draws the same distribution as PyTorch's default for nn.Linear
/// (<see cref="PyTorchLinearDefaultInitializer"/>).
/// </remarks>
internal sealed class SimpleUniformInitializer() : FanScaledInitializer(uniform: true)
{
    /// <inheritdoc/>
    public override string Name => "SimpleUniform";

    /// <inheritdoc/>
    private protected override double BoundOf(int fanIn, int fanOut) => 1.0 / Math.Sqrt(fanIn);
}
