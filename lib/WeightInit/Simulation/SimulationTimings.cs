namespace WeightInit.Simulation;

/// <summary>
/// Where the time of a simulation went (wall-clock time of each phase, measured on the calling
/// thread; generation of several layers' weights runs in parallel and counts once).
/// </summary>
/// <param name="Generation">Drawing the weights (and biases) of every layer, including regeneration for the backward
/// pass.</param>
/// <param name="Products">The matrix products of the forward and backward passes (and recomputation for checkpoints),
/// bias addition included.</param>
/// <param name="Activations">Applying the activation function and its derivative.</param>
/// <param name="Statistics">Computing the per-layer statistics.</param>
/// <param name="Total">The whole run, from validation to result.</param>
public sealed record SimulationTimings(TimeSpan Generation, TimeSpan Products, TimeSpan Activations,
    TimeSpan Statistics, TimeSpan Total);
