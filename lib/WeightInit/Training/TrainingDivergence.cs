namespace WeightInit.Training;

/// <summary>
/// Where a training run diverged: the step whose batch loss was not finite. The trainer does not
/// apply that step's update and takes no further step, so the parameters are those after the step before.
/// </summary>
/// <param name="Step">The 1-based number of the step whose loss was not finite (Step - 1 updates were applied).</param>
/// <param name="Epoch">The 1-based number of the epoch it fell in.</param>
/// <param name="Loss">The loss of that step: NaN or an infinity.</param>
public sealed record TrainingDivergence(long Step, int Epoch, double Loss)
{
    /// <inheritdoc/>
    public override string ToString() => $"diverged at step {Step} (epoch {Epoch}): loss {Loss}";
}
