namespace WeightInit.Simulation;

/// <summary>
/// Receives one layer's pre-activations z_l = x_{l-1} W_l^T + b_l during the forward pass of
/// <see cref="DeepNetworkSimulator.Run"/>, before the activation is applied: what mean-field theory
/// follows from layer to layer (its length q_l is the mean of z_l^2 over a sample's units).
/// </summary>
/// <param name="layer">l, from 1 to L, in order.</param>
/// <param name="preActivations">B x n_l values, row-major (sample after sample), converted to double; valid only during
/// the call.</param>
/// <param name="width">n_l.</param>
public delegate void PreActivationObserver(int layer, ReadOnlySpan<double> preActivations, int width);
