namespace WeightInit.Training;

/// <summary>
/// Settings of mini-batch training: the optimizer (SGD with momentum by default, or Adam), its
/// hyperparameters, the batch size, the seed of the batch order, and the diagnostics to record.
/// Every setter checks its value and throws an <see cref="ArgumentOutOfRangeException"/> naming the
/// property.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Adam's default beta1, 0.9 (Kingma &amp; Ba 2015).</summary>
    public const double DefaultBeta1 = 0.9;

    /// <summary>Adam's default beta2, 0.999 (Kingma &amp; Ba 2015).</summary>
    public const double DefaultBeta2 = 0.999;

    /// <summary>Adam's default epsilon, 1e-8 (Kingma &amp; Ba 2015).</summary>
    public const double DefaultEpsilon = 1e-8;

    /// <summary>The step size eta; finite and positive. Default 0.01.</summary>
    public double LearningRate
    {
        get;
        init { Guard.FinitePositive(value, nameof(LearningRate)); field = value; }
    } = 0.01;

    /// <summary>The update rule: <see cref="OptimizerKind.Sgd"/> (default) or
    /// <see cref="OptimizerKind.Adam"/>.</summary>
    public OptimizerKind Optimizer
    {
        get;
        init { Guard.Defined(value, nameof(Optimizer)); field = value; }
    } = OptimizerKind.Sgd;

    /// <summary>Adam's decay rate beta1 of the first moment, in [0, 1). Default 0.9. Ignored by SGD.</summary>
    public double Beta1
    {
        get;
        init { Guard.FiniteBelowOne(value, nameof(Beta1)); field = value; }
    } = DefaultBeta1;

    /// <summary>Adam's decay rate beta2 of the second moment, in [0, 1). Default 0.999. Ignored by SGD.</summary>
    public double Beta2
    {
        get;
        init { Guard.FiniteBelowOne(value, nameof(Beta2)); field = value; }
    } = DefaultBeta2;

    /// <summary>Adam's epsilon, added to the root of the second moment; finite and positive. Default 1e-8. Ignored by
    /// SGD.</summary>
    public double Epsilon
    {
        get;
        init { Guard.FinitePositive(value, nameof(Epsilon)); field = value; }
    } = DefaultEpsilon;

    /// <summary>
    /// The diagnostics the trainer records (<see cref="Trainer.Diagnostics"/>), or null (the default)
    /// for none. Recording does not change the run: the same seeds give the same losses with or without it.
    /// </summary>
    public DiagnosticsOptions? Diagnostics { get; init; }

    /// <summary>
    /// The momentum coefficient mu in [0, 1) for SGD (heavy ball, in PyTorch's form v = mu v + g,
    /// w = w - eta v; Polyak, 1964; Sutskever et al., 2013). Default 0: plain SGD.
    /// </summary>
    public double Momentum
    {
        get;
        init { Guard.FiniteBelowOne(value, nameof(Momentum)); field = value; }
    }

    /// <summary>
    /// The L2 weight decay lambda >= 0, added to the gradient of every weight matrix as lambda w (not
    /// to biases, normalization scales and shifts, or residual scalars), by SGD and Adam alike. Default 0.
    /// </summary>
    public double WeightDecay
    {
        get;
        init { Guard.FiniteNonNegative(value, nameof(WeightDecay)); field = value; }
    }

    /// <summary>Samples per mini-batch; at least 1. Default 32. The last batch of an epoch may be smaller.</summary>
    public int BatchSize
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(BatchSize)); field = value; }
    } = 32;

    /// <summary>
    /// Whether to skip the last batch of each pass over the data when it is smaller than
    /// <see cref="BatchSize"/> (PyTorch's drop_last). Default false. Batch normalization needs it when
    /// the data set leaves a tiny remainder: the digits' 1,347 training samples in batches of 32 end every
    /// epoch with a batch of 3, whose statistics are noise, and that one step a pass can undo training.
    /// </summary>
    public bool DropIncompleteBatch { get; init; }

    /// <summary>The seed of the shuffles that fix the batch order of every epoch. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Optimizer == OptimizerKind.Adam
        ? $"Adam(lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon}, decay={WeightDecay}, " +
            $"batch={BatchSize}, seed={Seed})"
        : $"SGD(lr={LearningRate}, momentum={Momentum}, decay={WeightDecay}, batch={BatchSize}, seed={Seed})";
}
