namespace WeightInit.Convolution;

/// <summary>
/// What a convolution reads beyond the ends of its input (PyTorch's <c>padding_mode</c>): zeros, or the other end of
/// the same signal (circular, periodic boundary conditions, as in the mean-field theory of Xiao et al. 2018).
/// </summary>
public enum PaddingMode
{
    /// <summary>Positions outside the signal read 0 (PyTorch's <c>padding_mode='zeros'</c>, the default).</summary>
    Zeros,

    /// <summary>Position p outside [0, L) reads position p mod L (PyTorch's <c>padding_mode='circular'</c>).</summary>
    Circular,
}
