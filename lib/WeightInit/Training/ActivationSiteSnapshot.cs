namespace WeightInit.Training;

/// <summary>What one activation site looked like on one recorded step.</summary>
/// <param name="Site">The site's index (see <see cref="TrainingDiagnostics.Sites"/>).</param>
/// <param name="PreActivations">The inputs z of the activation over the batch.</param>
/// <param name="Activations">The outputs f(z).</param>
/// <param name="Gradients">The gradients of the batch's mean loss with respect to the outputs, dLoss/df(z).</param>
/// <param name="SaturatedFraction">
/// The fraction of (sample, unit) pairs saturated by <see cref="Activations.Saturation"/>'s rule, |f'(z)| &lt; (1 -
/// t^2) |f'(0)| (<see cref="DiagnosticsOptions.SaturationThreshold"/> t; for tanh, |f(z)| &gt; t): the simulator's
/// count on the same values.
/// </param>
/// <param name="DeadFraction">The fraction of units with f'(z) = 0 for every sample of the batch (for ReLU: never
/// active on this batch).</param>
public sealed record ActivationSiteSnapshot(
    int Site, DistributionSummary PreActivations, DistributionSummary Activations, DistributionSummary Gradients,
    double SaturatedFraction, double DeadFraction);
