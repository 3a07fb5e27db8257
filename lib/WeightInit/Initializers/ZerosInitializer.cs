namespace WeightInit.Initializers;

/// <summary>
/// Fills every weight with 0 (PyTorch's <c>zeros_</c>). The usual start for biases; for weights it leaves
/// every unit identical, so gradient descent can never tell them apart (the symmetry problem; Goodfellow,
/// Bengio &amp; Courville 2016, "Deep Learning", section 8.4).
/// </summary>
internal sealed class ZerosInitializer : ConstantInitializer
{
    /// <summary>Creates the initializer.</summary>
    public ZerosInitializer() : base(0.0) { }

    /// <inheritdoc/>
    public override string Name => "Zeros";
}
