namespace WeightInit.Initializers;

/// <summary>
/// The nonlinearities of PyTorch's <c>torch.nn.init.calculate_gain</c>, as He (Kaiming) initialization takes them; see
/// <see cref="Gain.For(Nonlinearity, double?)"/> for each one's gain. Not a second name for an activation: an
/// <see cref="Activations.Activation"/> is one, and <see cref="Gain.NonlinearityOf"/> maps it onto its nonlinearity
/// where
/// PyTorch has one.
/// </summary>
public enum Nonlinearity
{
    /// <summary>No nonlinearity (a linear layer); gain 1. PyTorch name "linear".</summary>
    Linear,
    /// <summary>A 1-D convolution with no nonlinearity; gain 1. PyTorch name "conv1d".</summary>
    Conv1d,
    /// <summary>A 2-D convolution with no nonlinearity; gain 1. PyTorch name "conv2d".</summary>
    Conv2d,
    /// <summary>A 3-D convolution with no nonlinearity; gain 1. PyTorch name "conv3d".</summary>
    Conv3d,
    /// <summary>A 1-D transposed convolution; gain 1. PyTorch name "conv_transpose1d".</summary>
    ConvTranspose1d,
    /// <summary>A 2-D transposed convolution; gain 1. PyTorch name "conv_transpose2d".</summary>
    ConvTranspose2d,
    /// <summary>A 3-D transposed convolution; gain 1. PyTorch name "conv_transpose3d".</summary>
    ConvTranspose3d,
    /// <summary>The logistic sigmoid; gain 1. PyTorch name "sigmoid".</summary>
    Sigmoid,
    /// <summary>The hyperbolic tangent; gain 5/3. PyTorch name "tanh".</summary>
    Tanh,
    /// <summary>The rectified linear unit; gain sqrt(2). PyTorch name "relu".</summary>
    ReLU,
    /// <summary>The leaky ReLU with negative slope a (default 0.01); gain sqrt(2 / (1 + a^2)). PyTorch name
    /// "leaky_relu".</summary>
    LeakyReLU,
    /// <summary>The scaled exponential linear unit; gain 3/4. PyTorch name "selu".</summary>
    Selu,
}
