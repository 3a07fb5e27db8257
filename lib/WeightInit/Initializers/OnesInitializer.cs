namespace WeightInit.Initializers;

/// <summary>Fills every weight with 1 (PyTorch's <c>ones_</c>), e.g. the scale of a batch-normalization layer
/// (Ioffe &amp; Szegedy 2015, "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate
/// Shift").
/// Like any constant it does not break the symmetry between units.</summary>
internal sealed class OnesInitializer : ConstantInitializer
{
    /// <summary>Creates the initializer.</summary>
    public OnesInitializer() : base(1.0) { }

    /// <inheritdoc/>
    public override string Name => "Ones";
}
