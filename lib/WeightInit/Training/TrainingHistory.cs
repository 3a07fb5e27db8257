namespace WeightInit.Training;

/// <summary>The record of a training run.</summary>
/// <param name="Initial">The evaluation before the first step (epoch 0).</param>
/// <param name="Epochs">One result per epoch, in order; the last one may be cut short by a divergence.</param>
/// <param name="InitialGradients">Per-layer statistics of the full-training-set gradient before the first step.</param>
/// <param name="Divergence">Where the run diverged (a non-finite loss stopped it), or null.</param>
public sealed record TrainingHistory(
    EpochResult Initial, IReadOnlyList<EpochResult> Epochs, IReadOnlyList<LayerGradientStatistics> InitialGradients,
    TrainingDivergence? Divergence = null)
{
    /// <summary>The last epoch's result (the initial one if no epoch ran).</summary>
    public EpochResult Final => Epochs.Count > 0 ? Epochs[^1] : Initial;

    /// <summary>Whether a non-finite loss stopped the run.</summary>
    public bool Diverged => Divergence is not null;
}
