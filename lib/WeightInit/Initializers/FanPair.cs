namespace WeightInit.Initializers;

/// <summary>
/// The number of inputs (<paramref name="FanIn"/>) and outputs (<paramref name="FanOut"/>) that
/// one weight connects, as computed by <see cref="Fans.FromShape(ReadOnlySpan{int})"/>.
/// </summary>
/// <param name="FanIn">fan_in = in_features * receptive field.</param>
/// <param name="FanOut">fan_out = out_features * receptive field.</param>
public readonly record struct FanPair(int FanIn, int FanOut);
