namespace WeightInit.Initializers;

/// <summary>Fills every weight with 1 (PyTorch's <c>ones_</c>), e.g. a normalization layer's scale.</summary>
public sealed class OnesInitializer : ConstantInitializer
{
    /// <summary>Creates the initializer.</summary>
    public OnesInitializer() : base(1.0) { }

    /// <inheritdoc/>
    public override string Name => "Ones";
}
