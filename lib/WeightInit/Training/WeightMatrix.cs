namespace WeightInit.Training;

/// <summary>A weight matrix of a network (a dense layer's W), as the diagnostics name it.</summary>
/// <param name="Index">Its index in <see cref="Network.DenseLayers"/>.</param>
/// <param name="Location">Where it is: "layer 3", or "layer 5.1" inside the branch of the residual block at layer
/// 5.</param>
/// <param name="FanIn">Inputs (columns).</param>
/// <param name="FanOut">Units (rows).</param>
public sealed record WeightMatrix(int Index, string Location, int FanIn, int FanOut);
