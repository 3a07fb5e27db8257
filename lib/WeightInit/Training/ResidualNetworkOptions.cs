using WeightInit.Activations;
using WeightInit.Initializers;

namespace WeightInit.Training;

/// <summary>
/// The shape and the initialization of a residual MLP built by <see cref="ResidualNetwork.Create"/>.
/// Every setter checks its value and throws an <see cref="ArgumentException"/> naming the property.
/// </summary>
public sealed class ResidualNetworkOptions
{
    /// <summary>Inputs per sample; at least 1.</summary>
    public required int InputWidth
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(InputWidth)); field = value; }
    }

    /// <summary>The width of the residual stream (every block's input and output); at least 1.</summary>
    public required int Width
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Width)); field = value; }
    }

    /// <summary>The number of residual blocks L; at least 1.</summary>
    public required int Blocks
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Blocks)); field = value; }
    }

    /// <summary>The number of classes, i.e. logits; at least 2.</summary>
    public required int ClassCount
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(ClassCount)); field = value; }
    }

    /// <summary>The dense layers per branch, m; at least 1 (Fixup needs 2). Default 2.</summary>
    public int BranchLayers
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(BranchLayers)); field = value; }
    } = 2;

    /// <summary>The activation inside the branches. Default ReLU.</summary>
    public Activation Activation
    {
        get;
        init { ArgumentNullException.ThrowIfNull(value, nameof(Activation)); field = value; }
    } = Activation.ReLU;

    /// <summary>The initialization of the blocks. Default <see cref="ResidualScheme.Standard"/>.</summary>
    public ResidualScheme Scheme
    {
        get;
        init { Guard.Defined(value, nameof(Scheme)); field = value; }
    } = ResidualScheme.Standard;

    /// <summary>The normalization after each dense layer of a branch (<see cref="ResidualNetwork.Create"/> gives the
    /// layout). Default none.</summary>
    public Normalization Normalization
    {
        get;
        init { Guard.Defined(value, nameof(Normalization)); field = value; }
    } = Normalization.None;

    /// <summary>The standard initializer of the branch layers followed by the activation. Default He normal (gain
    /// sqrt(2), fan_in).</summary>
    public IWeightInitializer BranchInitializer
    {
        get;
        init { ArgumentNullException.ThrowIfNull(value, nameof(BranchInitializer)); field = value; }
    } = Init.HeNormal();

    /// <summary>The standard initializer of the linear layers: the stem, each branch's last layer, the classification
    /// layer. Default LeCun normal (std 1/sqrt(fan_in)).</summary>
    public IWeightInitializer LinearInitializer
    {
        get;
        init { ArgumentNullException.ThrowIfNull(value, nameof(LinearInitializer)); field = value; }
    } = Init.LeCunNormal();

    /// <inheritdoc/>
    public override string ToString() =>
        $"Residual MLP {InputWidth} -> {Width} x {Blocks} blocks (m = {BranchLayers}, {Activation.Name}, " +
            $"{Normalization}) -> {ClassCount}, {Scheme}";
}
