namespace WeightInit.Training;

/// <summary>What a learnable <see cref="Parameter"/> does in its layer; it decides, e.g., whether weight decay
/// applies.</summary>
public enum ParameterRole
{
    /// <summary>A weight matrix of a dense layer, (out, in), or a convolution's kernel, (out, in, k): the only role
    /// weight decay applies to.</summary>
    Weights,

    /// <summary>The biases of a dense layer, one per unit, or of a convolution, one per output channel.</summary>
    Bias,

    /// <summary>The learnable scale gamma of a normalization layer, one per feature.</summary>
    Scale,

    /// <summary>The learnable shift beta of a normalization layer, one per feature.</summary>
    Shift,

    /// <summary>The learnable scalar alpha of a residual block's branch (Fixup's multiplier, SkipInit's and ReZero's
    /// alpha).</summary>
    ResidualScale,
}
