namespace WeightInit.Training;

/// <summary>Everything the diagnostics recorded on one step.</summary>
/// <param name="Step">The step's index: the number of updates before it (0 is the step at the initial weights).</param>
/// <param name="Loss">The batch's mean loss at this step (before the update).</param>
/// <param name="Sites">One entry per activation site, in forward order.</param>
/// <param name="Weights">One entry per weight matrix, in forward order.</param>
public sealed record DiagnosticsSnapshot(long Step, double Loss, IReadOnlyList<ActivationSiteSnapshot> Sites,
    IReadOnlyList<WeightMatrixSnapshot> Weights);
