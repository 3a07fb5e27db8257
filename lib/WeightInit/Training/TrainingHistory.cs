namespace WeightInit.Training;

/// <summary>The record of a training run.</summary>
/// <param name="Initial">The evaluation before the first step (epoch 0).</param>
/// <param name="Epochs">One result per epoch, in order.</param>
/// <param name="InitialGradients">Per-layer statistics of the full-training-set gradient before the first step.</param>
public sealed record TrainingHistory(
    EpochResult Initial, IReadOnlyList<EpochResult> Epochs, IReadOnlyList<LayerGradientStatistics> InitialGradients)
{
    /// <summary>The last epoch's result (the initial one if no epoch ran).</summary>
    public EpochResult Final => Epochs.Count > 0 ? Epochs[^1] : Initial;
}
