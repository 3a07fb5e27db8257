namespace WeightInit.Transformers;

/// <summary>One validation measurement of a language-model run.</summary>
/// <param name="Step">The number of updates applied before it (0: at the start).</param>
/// <param name="Loss">The mean cross-entropy on the fixed validation batches, in nats per token.</param>
public sealed record ValidationPoint(int Step, double Loss);

/// <summary>What <see cref="LanguageModelTrainer.Train"/> recorded, as plain data.</summary>
/// <param name="TrainLosses">The batch loss of every step taken, before its update (index s is step s + 1).</param>
/// <param name="Validation">The validation losses, at the start, every evaluation interval and at the end.</param>
/// <param name="DivergedAtStep">The step (from 1) whose batch loss was not finite, which ended the run; null if
/// none.</param>
/// <param name="Seconds">The wall-clock time of the run, evaluations included.</param>
public sealed record LanguageModelHistory(IReadOnlyList<double> TrainLosses, IReadOnlyList<ValidationPoint> Validation,
    int? DivergedAtStep, double Seconds)
{
    /// <summary>The last validation loss (after the last step).</summary>
    public double FinalValidationLoss => Validation[^1].Loss;
}
