namespace WeightInit.Simulation;

/// <summary>The part of a simulation that is running.</summary>
public enum SimulationPhase
{
    /// <summary>The forward pass: inputs through layers 1, 2, ..., L.</summary>
    Forward,

    /// <summary>The backward pass: a gradient signal from layer L down to the input.</summary>
    Backward,
}
