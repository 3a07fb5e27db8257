namespace WeightInit.Theory;

/// <summary>Which output of a layer LSUV brings to unit variance.</summary>
public enum LsuvTarget
{
    /// <summary>
    /// The layer's affine output z = x W^T + b, before the activation (the output of the linear or
    /// convolution module, as the authors' PyTorch implementation hooks it). Rescaling W scales z's
    /// weight part exactly, so one rescaling suffices when the biases are zero.
    /// </summary>
    PreActivation,

    /// <summary>
    /// The activation f(z), as in Caffe, where an in-place ReLU overwrites the layer's output blob.
    /// Unreachable for bounded activations whose output variance stays below 1 (sigmoid at most 1/4):
    /// the iterations then run out and the layer is reported as not converged.
    /// </summary>
    Activation,
}
