using WeightInit.Activations;
using WeightInit.Initializers;

namespace WeightInit.Training;

/// <summary>
/// The shape and the initialization of a residual MLP built by <see cref="ResidualNetwork.Create"/>.
/// Every setter checks its value and throws an <see cref="ArgumentException"/> naming the property.
/// </summary>
public sealed class ResidualNetworkOptions
{
    private readonly int _inputWidth, _width, _blocks, _classCount;
    private int _branchLayers = 2;
    private Activation _activation = Activation.ReLU;
    private ResidualScheme _scheme = ResidualScheme.Standard;
    private Normalization _normalization = Normalization.None;
    private IWeightInitializer _branchInitializer = Init.HeNormal();
    private IWeightInitializer _linearInitializer = Init.LeCunNormal();

    /// <summary>Inputs per sample; at least 1.</summary>
    public required int InputWidth
    {
        get => _inputWidth;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(InputWidth)); _inputWidth = value; }
    }

    /// <summary>The width of the residual stream (every block's input and output); at least 1.</summary>
    public required int Width
    {
        get => _width;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Width)); _width = value; }
    }

    /// <summary>The number of residual blocks L; at least 1.</summary>
    public required int Blocks
    {
        get => _blocks;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Blocks)); _blocks = value; }
    }

    /// <summary>The number of classes, i.e. logits; at least 2.</summary>
    public required int ClassCount
    {
        get => _classCount;
        init { ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(ClassCount)); _classCount = value; }
    }

    /// <summary>The dense layers per branch, m; at least 1 (Fixup needs 2). Default 2.</summary>
    public int BranchLayers
    {
        get => _branchLayers;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(BranchLayers)); _branchLayers = value; }
    }

    /// <summary>The activation inside the branches. Default ReLU.</summary>
    public Activation Activation
    {
        get => _activation;
        init { ArgumentNullException.ThrowIfNull(value, nameof(Activation)); _activation = value; }
    }

    /// <summary>The initialization of the blocks. Default <see cref="ResidualScheme.Standard"/>.</summary>
    public ResidualScheme Scheme
    {
        get => _scheme;
        init { Guard.Defined(value, nameof(Scheme)); _scheme = value; }
    }

    /// <summary>The normalization after each dense layer of a branch (<see cref="ResidualNetwork.Create"/> gives the
    /// layout). Default none.</summary>
    public Normalization Normalization
    {
        get => _normalization;
        init { Guard.Defined(value, nameof(Normalization)); _normalization = value; }
    }

    /// <summary>The standard initializer of the branch layers followed by the activation. Default He normal (gain
    /// sqrt(2), fan_in).</summary>
    public IWeightInitializer BranchInitializer
    {
        get => _branchInitializer;
        init { ArgumentNullException.ThrowIfNull(value, nameof(BranchInitializer)); _branchInitializer = value; }
    }

    /// <summary>The standard initializer of the linear layers: the stem, each branch's last layer, the classification
    /// layer. Default LeCun normal (std 1/sqrt(fan_in)).</summary>
    public IWeightInitializer LinearInitializer
    {
        get => _linearInitializer;
        init { ArgumentNullException.ThrowIfNull(value, nameof(LinearInitializer)); _linearInitializer = value; }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Residual MLP {InputWidth} -> {Width} x {Blocks} blocks (m = {BranchLayers}, {Activation.Name}, " +
            $"{Normalization}) -> {ClassCount}, {Scheme}";
}
