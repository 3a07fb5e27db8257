namespace WeightInit.Simulation;

/// <summary>
/// A progress report of <see cref="DeepNetworkSimulator.Run"/>, sent after each layer.
/// </summary>
/// <param name="Phase">The pass that is running.</param>
/// <param name="LayersDone">How many layers of this pass are done (1 to <paramref name="LayerCount"/>).</param>
/// <param name="LayerCount">How many layers this pass has (the network's depth L).</param>
public readonly record struct SimulationProgress(SimulationPhase Phase, int LayersDone, int LayerCount)
{
    /// <summary>The done fraction of this pass, in [0, 1].</summary>
    public double Fraction => LayerCount == 0 ? 1.0 : (double)LayersDone / LayerCount;
}
