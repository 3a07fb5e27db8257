namespace WeightInit.Training;

/// <summary>
/// A place in a network where an activation function is applied (a dense layer with a nonlinear
/// activation, or an <see cref="ActivationLayer"/>), as the diagnostics name it.
/// </summary>
/// <param name="Index">The site's number, 0 for the one nearest the input (forward order).</param>
/// <param name="Location">Where it is: "layer 3" for top-level layer 3, "layer 5.1" for layer 1 of the branch of the
/// residual block at layer 5.</param>
/// <param name="Activation">The activation's name, e.g. "Tanh".</param>
/// <param name="Width">Units.</param>
public sealed record ActivationSite(int Index, string Location, string Activation, int Width);
