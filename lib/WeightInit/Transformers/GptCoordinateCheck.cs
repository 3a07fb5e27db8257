using WeightInit.Random;
using WeightInit.Scaling;

namespace WeightInit.Transformers;

/// <summary>
/// The coordinate check (<see cref="CoordinateCheck"/>) of a <see cref="GptModel"/> trained by
/// <see cref="LanguageModelTrainer"/>: the sites are those of <see cref="GptModel.ForwardActivations"/>, the probe
/// input one batch of training windows drawn from <c>new RandomSource(options.Seed).Fork(0)</c> (the same text at every
/// width).
/// </summary>
public static class GptCoordinateCheck
{
    /// <summary>Runs the check over <paramref name="widths"/>.</summary>
    /// <param name="widths">The model widths.</param>
    /// <param name="createModel">Builds the model of a width (its parametrization and seed are the caller's).</param>
    /// <param name="corpus">The text.</param>
    /// <param name="options">The training settings (learning rate, batch, seed) of every width.</param>
    /// <param name="steps">Training steps per width; at least 1.</param>
    /// <returns>The measurements.</returns>
    public static CoordinateCheckResult Run(IReadOnlyList<int> widths, Func<int, GptModel> createModel,
        TextCorpus corpus,
        LanguageModelOptions options, int steps)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        return CoordinateCheck.Run(widths, width => Subject(createModel(width), corpus, options), steps);
    }

    /// <summary>One width's subject: the model, its trainer and the probe batch.</summary>
    /// <param name="model">The model.</param>
    /// <param name="corpus">The text.</param>
    /// <param name="options">The training settings.</param>
    /// <returns>The subject.</returns>
    public static ICoordinateCheckSubject Subject(GptModel model, TextCorpus corpus, LanguageModelOptions options) =>
        new GptSubject(new LanguageModelTrainer(model, corpus, options));

    private sealed class GptSubject : ICoordinateCheckSubject
    {
        private readonly LanguageModelTrainer _trainer;
        private readonly int[] _probe;

        public GptSubject(LanguageModelTrainer trainer)
        {
            _trainer = trainer;
            int t = trainer.SequenceLength, batch = trainer.Options.BatchSize;
            _probe = new int[batch * t];
            new TokenWindowSampler(trainer.Corpus.Train, t, new RandomSource(trainer.Options.Seed).Fork(0))
                .Sample(batch, _probe, new int[batch * t]);
            Sites = [.. trainer.Model.ForwardActivations(_probe, t).Select(s => s.Name)];
        }

        public IReadOnlyList<string> Sites { get; }

        public IReadOnlyList<double[]> Probe() => [.. _trainer.Model.ForwardActivations(_probe,
            _trainer.SequenceLength).Select(s => s.Values)];

        public void TrainStep() => _trainer.Step();
    }
}
