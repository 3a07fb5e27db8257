using System.Diagnostics;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// Trains a <see cref="GptModel"/> on a <see cref="TextCorpus"/> by next-token prediction: each step draws B random
/// windows of T + 1 tokens from the training part (<see cref="TokenWindowSampler"/>, seeded with
/// <see cref="LanguageModelOptions.Seed"/>), computes the mean cross-entropy and its gradient, clips the gradient if
/// asked, and updates every parameter with Adam (the library's one Adam: PyTorch's form, each parameter's learning
/// rate times its <see cref="Parameter.LearningRateMultiplier"/>). The validation loss is measured on fixed windows of
/// the validation part, drawn once from <see cref="LanguageModelOptions.ValidationSeed"/>.
/// </summary>
/// <remarks>
/// <para>The model's seed and the options fix the whole run: the same seeds give the same losses, bit for bit, on any
/// number of threads. A step whose batch loss is not finite is not applied; <see cref="DivergedAtStep"/> records it and
/// any further step throws an <see cref="InvalidOperationException"/>.</para>
/// <para>Differences from nanoGPT's <c>train.py</c>: a constant learning rate (no warm-up or cosine decay), Adam with
/// L2 weight decay instead of AdamW, no dropout.</para>
/// </remarks>
public sealed class LanguageModelTrainer
{
    private readonly Optimizer _optimizer;
    private readonly TokenWindowSampler _sampler;
    private readonly int[] _inputs, _targets, _validationInputs, _validationTargets;

    /// <summary>Creates a trainer; the model's parameters are updated in place.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="corpus">The text; its vocabulary must have the model's <see cref="GptConfig.VocabularySize"/>
    /// tokens.</param>
    /// <param name="options">The optimizer and batch settings.</param>
    public LanguageModelTrainer(GptModel model, TextCorpus corpus, LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        if (corpus.Vocabulary.Size != model.Config.VocabularySize)
            throw new ArgumentException(
                $"The corpus has {corpus.Vocabulary.Size} tokens, but the model's vocabulary has " +
                    $"{model.Config.VocabularySize}.", nameof(corpus));
        int t = options.SequenceLength == 0 ? model.Config.ContextLength : options.SequenceLength;
        if (t > model.Config.ContextLength)
            throw new ArgumentOutOfRangeException(nameof(options), t,
                $"options.SequenceLength ({t}) is longer than the model's context ({model.Config.ContextLength}).");
        Model = model;
        Corpus = corpus;
        Options = options;
        SequenceLength = t;
        _sampler = new TokenWindowSampler(corpus.Train, t, new RandomSource(options.Seed));
        _inputs = new int[options.BatchSize * t];
        _targets = new int[options.BatchSize * t];
        int validationWindows = options.ValidationBatches * options.BatchSize;
        _validationInputs = new int[validationWindows * t];
        _validationTargets = new int[validationWindows * t];
        new TokenWindowSampler(corpus.Validation, t, new RandomSource(options.ValidationSeed))
            .Sample(validationWindows, _validationInputs, _validationTargets);
        Gradients = model.CreateGradients();
        _optimizer = Optimizer.Create(options.AdamOptions(), model.Parameters);
    }

    /// <summary>The model being trained.</summary>
    public GptModel Model { get; }

    /// <summary>The text.</summary>
    public TextCorpus Corpus { get; }

    /// <summary>The settings.</summary>
    public LanguageModelOptions Options { get; }

    /// <summary>T, the tokens per window.</summary>
    public int SequenceLength { get; }

    /// <summary>The gradient of the most recent step (after clipping).</summary>
    public GptGradients Gradients { get; }

    /// <summary>The number of updates applied so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>The step (from 1) whose loss was not finite, or null while every loss has been finite.</summary>
    public int? DivergedAtStep { get; private set; }

    /// <summary>One step on a batch drawn from the training part.</summary>
    /// <returns>The batch's mean loss before the update.</returns>
    /// <exception cref="InvalidOperationException">The run has already diverged.</exception>
    public double Step()
    {
        ThrowIfDiverged();
        _sampler.Sample(Options.BatchSize, _inputs, _targets);
        return StepCore(_inputs, _targets);
    }

    /// <summary>One step on a given batch of whole windows of <see cref="SequenceLength"/> tokens.</summary>
    /// <param name="inputs">Windows of T tokens, one after another; each token in [0, V).</param>
    /// <param name="targets">The next token of every input.</param>
    /// <returns>The batch's mean loss before the update.</returns>
    /// <exception cref="InvalidOperationException">The run has already diverged.</exception>
    public double Step(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        ThrowIfDiverged();
        return StepCore(inputs, targets);
    }

    /// <summary>The mean cross-entropy on the fixed validation windows (nats per token), in inference mode.</summary>
    /// <returns>The loss.</returns>
    public double ValidationLoss()
    {
        int batch = Options.BatchSize * SequenceLength;
        double total = 0;
        for (int b = 0; b < Options.ValidationBatches; b++)
            total += Model.Loss(_validationInputs.AsSpan(b * batch, batch), _validationTargets.AsSpan(b * batch, batch),
                SequenceLength);
        return total / Options.ValidationBatches;
    }

    /// <summary>
    /// Takes <paramref name="steps"/> steps (fewer if the run diverges), measuring the validation loss at the start,
    /// after every <paramref name="evaluationInterval"/> steps and at the end.
    /// </summary>
    /// <param name="steps">The steps to take; at least 1.</param>
    /// <param name="evaluationInterval">Steps between validation measurements; 0 (the default) for the start and the
    /// end only.</param>
    /// <returns>The run's losses.</returns>
    public LanguageModelHistory Train(int steps, int evaluationInterval = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(evaluationInterval);
        ThrowIfDiverged();
        var watch = Stopwatch.StartNew();
        var losses = new List<double>(steps);
        var validation = new List<ValidationPoint> { new(StepCount, ValidationLoss()) };
        for (int s = 1; s <= steps; s++)
        {
            losses.Add(Step());
            if (DivergedAtStep is not null) break;
            if ((evaluationInterval > 0 && s % evaluationInterval == 0) || s == steps)
                validation.Add(new(StepCount, ValidationLoss()));
        }
        return new LanguageModelHistory(losses, validation, DivergedAtStep, watch.Elapsed.TotalSeconds);
    }

    private double StepCore(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        if (inputs.Length % SequenceLength != 0)
            throw new ArgumentException(
                $"inputs must hold whole windows of {SequenceLength} tokens, but its length is {inputs.Length}.",
                    nameof(inputs));
        double loss = Model.ComputeGradients(inputs, targets, SequenceLength, Gradients);
        if (!double.IsFinite(loss))
        {
            DivergedAtStep = StepCount + 1;
            return loss;
        }
        if (Options.GradientClipNorm > 0)
        {
            // PyTorch's clip_grad_norm_: scale by max_norm / (norm + 1e-6) when that is below 1.
            double factor = Options.GradientClipNorm / (Gradients.Norm() + 1e-6);
            if (factor < 1) Gradients.Scale(factor);
        }
        _optimizer.Update(Model.Parameters, Gradients.Arrays);
        StepCount++;
        return loss;
    }

    private void ThrowIfDiverged()
    {
        if (DivergedAtStep is not null)
            throw new InvalidOperationException($"The run diverged at step {DivergedAtStep}: its loss was not finite.");
    }
}
