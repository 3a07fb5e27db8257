using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// Settings of <see cref="LanguageModelTrainer"/>: Adam's hyperparameters (each parameter's rate further multiplied by
/// its <see cref="Parameter.LearningRateMultiplier"/>), the batch of random windows, the seed that fixes every batch,
/// gradient clipping and the fixed validation batches. Every setter checks its value and throws an
/// <see cref="ArgumentOutOfRangeException"/> naming the property.
/// </summary>
public sealed class LanguageModelOptions
{
    /// <summary>
    /// Adam's learning rate eta; finite and positive. Default 1e-3 (nanoGPT's character-level Shakespeare).
    /// </summary>
    public double LearningRate
    {
        get;
        init { Guard.FinitePositive(value, nameof(LearningRate)); field = value; }
    } = 1e-3;

    /// <summary>Adam's beta1, in [0, 1). Default 0.9.</summary>
    public double Beta1
    {
        get;
        init { Guard.FiniteBelowOne(value, nameof(Beta1)); field = value; }
    } = TrainingOptions.DefaultBeta1;

    /// <summary>
    /// Adam's beta2, in [0, 1). Default 0.99 (nanoGPT's character-level Shakespeare, a small model with few tokens per
    /// step).
    /// </summary>
    public double Beta2
    {
        get;
        init { Guard.FiniteBelowOne(value, nameof(Beta2)); field = value; }
    } = 0.99;

    /// <summary>Adam's epsilon; finite and positive. Default 1e-8.</summary>
    public double Epsilon
    {
        get;
        init { Guard.FinitePositive(value, nameof(Epsilon)); field = value; }
    } = TrainingOptions.DefaultEpsilon;

    /// <summary>
    /// L2 weight decay on the weight matrices and embeddings, as the digits trainer's Adam applies it; finite, at least
    /// 0. Default 0.
    /// </summary>
    public double WeightDecay
    {
        get;
        init { Guard.FiniteNonNegative(value, nameof(WeightDecay)); field = value; }
    }

    /// <summary>
    /// The largest Euclidean norm of the whole gradient: a larger gradient is scaled down to it before the update
    /// (PyTorch's <c>clip_grad_norm_</c>, nanoGPT's <c>grad_clip</c>); 0 (the default) for no clipping. Finite, at
    /// least 0.
    /// </summary>
    public double GradientClipNorm
    {
        get;
        init { Guard.FiniteNonNegative(value, nameof(GradientClipNorm)); field = value; }
    }

    /// <summary>B, the windows per batch; at least 1. Default 16.</summary>
    public int BatchSize
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(BatchSize)); field = value; }
    } = 16;

    /// <summary>
    /// T, the tokens per window; 0 (the default) for the model's context length, else at least 1 (and at most the
    /// context).
    /// </summary>
    public int SequenceLength
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(SequenceLength)); field = value; }
    }

    /// <summary>The seed of the training batches. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The number of validation batches of <see cref="BatchSize"/> windows, drawn once; at least 1. Default 4.
    /// </summary>
    public int ValidationBatches
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(ValidationBatches)); field = value; }
    } = 4;

    /// <summary>
    /// The seed of the validation windows, the same for every run by default, so that runs with different seeds or
    /// schemes are scored on the same text. Default 20261206.
    /// </summary>
    public ulong ValidationSeed { get; init; } = 20261206;

    /// <inheritdoc/>
    public override string ToString() =>
        $"Adam(lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon}, decay={WeightDecay}, " +
            $"clip={GradientClipNorm}), " +
        $"batch {BatchSize} x {(SequenceLength == 0 ? "context" : $"{SequenceLength}")}, seed {Seed}";

    /// <summary>The digits trainer's Adam with these hyperparameters (the one Adam of the library).</summary>
    internal TrainingOptions AdamOptions() => new()
    {
        Optimizer = OptimizerKind.Adam, LearningRate = LearningRate, Beta1 = Beta1, Beta2 = Beta2, Epsilon = Epsilon,
            WeightDecay = WeightDecay,
    };
}
