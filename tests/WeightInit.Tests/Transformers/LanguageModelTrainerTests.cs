using WeightInit.Transformers;
using Xunit.Abstractions;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// The language-model trainer on tiny Shakespeare: it learns, it is fixed by its seeds on any thread count, it applies
/// muP's rates, it stops a diverging run.
/// </summary>
public sealed class LanguageModelTrainerTests(ITestOutputHelper output)
{
    private static readonly Lazy<TextCorpus> Shakespeare = new(() =>
        TinyShakespeare.Load(TinyShakespeare.FindFile(AppContext.BaseDirectory)));

    private static GptConfig Config(int width = 32, int heads = 2, int context = 16) =>
        new() { VocabularySize = 65, ContextLength = context, Layers = 2, Heads = heads, ModelWidth = width };

    /// <summary>
    /// The cross-entropy on the validation part of the training part's character frequencies (add-one smoothed).
    /// </summary>
    private static double UnigramCrossEntropy(TextCorpus corpus)
    {
        var counts = new double[corpus.Vocabulary.Size];
        foreach (int t in corpus.Train.Span) counts[t]++;
        double total = counts.Sum() + counts.Length;
        double loss = 0;
        foreach (int t in corpus.Validation.Span) loss -= Math.Log((counts[t] + 1) / total);
        return loss / corpus.Validation.Length;
    }

    [Fact]
    public void AHundredStepsLearnMoreThanTheCharacterFrequencies()
    {
        var corpus = Shakespeare.Value;
        var model = GptModel.Create(Config(), GptParametrization.Gpt2, new RandomSource(1));
        var trainer = new LanguageModelTrainer(model, corpus, new LanguageModelOptions { LearningRate = 3e-3,
            BatchSize = 16, Seed = 2 });
        var history = trainer.Train(100, evaluationInterval: 50);
        double unigram = UnigramCrossEntropy(corpus);
        output.WriteLine($"validation " +
            $"{string.Join(" -> ", history.Validation.Select(v => $"{v.Loss:F3} (step {v.Step})"))}; " +
            $"unigram {unigram:F3}, ln 65 = {Math.Log(65):F3}; {history.Seconds:F1} s");
        Assert.Equal([0, 50, 100], history.Validation.Select(v => v.Step));
        Assert.Equal(100, history.TrainLosses.Count);
        Assert.Null(history.DivergedAtStep);
        Assert.InRange(history.Validation[0].Loss, Math.Log(65) - 0.1, Math.Log(65) + 0.1);
        Assert.True(history.FinalValidationLoss < unigram,
            $"after 100 steps the validation loss {history.FinalValidationLoss:F3} is not below the unigram model's " +
                $"{unigram:F3}");
    }

    [Fact]
    public void TheSameSeedsGiveTheSameRunOnOneThreadOrTwo()
    {
        // Width 64, 4 heads, T = 32, batch 16: the attention's 64 (sequence, head) pairs are worth sharing out.
        double[] Run(int threads, out double[] parameters)
        {
            var model = GptModel.Create(Config(64, 4, 32), GptParametrization.PyTorchDefault, new RandomSource(5));
            model.MaxDegreeOfParallelism = threads;
            var trainer = new LanguageModelTrainer(model, Shakespeare.Value, new LanguageModelOptions { BatchSize = 16,
                Seed = 6, GradientClipNorm = 1 });
            var losses = Enumerable.Range(0, 4).Select(_ => trainer.Step()).Append(trainer.ValidationLoss()).ToArray();
            parameters = [.. model.Parameters.SelectMany(p => p.Values.ToArray())];
            return losses;
        }
        var one = Run(1, out var parametersOne);
        var two = Run(2, out var parametersTwo);
        var again = Run(-1, out var parametersAgain);
        Assert.Equal(one, two);
        Assert.Equal(one, again);
        Assert.Equal(parametersOne, parametersTwo);
        Assert.Equal(parametersOne, parametersAgain);
    }

    [Fact]
    public void TheValidationWindowsDoNotDependOnTheTrainingSeed()
    {
        var model = GptModel.Create(Config(), GptParametrization.Gpt2, new RandomSource(1));
        double a = new LanguageModelTrainer(model, Shakespeare.Value,
            new LanguageModelOptions { Seed = 1 }).ValidationLoss();
        double b = new LanguageModelTrainer(model, Shakespeare.Value,
            new LanguageModelOptions { Seed = 2 }).ValidationLoss();
        double c = new LanguageModelTrainer(model, Shakespeare.Value, new LanguageModelOptions { Seed = 1,
            ValidationSeed = 3 }).ValidationLoss();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void UnderMaximalUpdateAdamsFirstStepMovesHiddenWeightsByRateOverMAndTheRestByRate()
    {
        // Adam's first step moves each entry by eta' g / (|g| + eps) (bias-corrected m / sqrt(v) = g / |g|): with eps =
        // 1e-12 the largest move of a parameter is its eta' = eta * multiplier to within 1e-3 (gradients above 1e-9).
        // A zero readout would stop every gradient below it at step 1 (dLoss/dX = dLoss/dz W = 0), so it starts random
        // here.
        const double rate = 1e-3;
        var mup = GptParametrization.MaximalUpdate(16) with { ZeroReadout = false };
        var model = GptModel.Create(Config(64), mup, new RandomSource(7)); // m = 4
        var before = model.Parameters.Select(p => p.Values.ToArray()).ToArray();
        var trainer = new LanguageModelTrainer(model, Shakespeare.Value, new LanguageModelOptions { LearningRate = rate,
            Epsilon = 1e-12, Seed = 8 });
        trainer.Step();
        for (int p = 0; p < model.Parameters.Count; p++)
        {
            var parameter = model.Parameters[p];
            double largest = 0;
            for (int i = 0; i < parameter.Length; i++) largest = Math.Max(largest,
                Math.Abs(parameter.Values[i] - before[p][i]));
            bool hidden = model.ParameterNames[p].EndsWith("weights",
                StringComparison.Ordinal) && model.ParameterNames[p].StartsWith("block", StringComparison.Ordinal);
            double expected = hidden ? rate / 4 : rate;
            Assert.Equal(expected, parameter.LearningRateMultiplier * rate, 1e-18);
            Assert.True(largest >= expected * 0.999 && largest <= expected * (1 + 1e-9),
                $"{model.ParameterNames[p]}: largest move {largest:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void MaximalUpdateStartsAtLnVOnTheValidationWindows()
    {
        var model = GptModel.Create(Config(64), GptParametrization.MaximalUpdate(16), new RandomSource(9));
        Assert.Equal(Math.Log(65), new LanguageModelTrainer(model, Shakespeare.Value,
            new LanguageModelOptions()).ValidationLoss(), 1e-12);
    }

    [Fact]
    public void ClippingBoundsTheGradientNorm()
    {
        var options = new LanguageModelOptions { Seed = 3 };
        var free = new LanguageModelTrainer(GptModel.Create(Config(), GptParametrization.PyTorchDefault,
            new RandomSource(2)), Shakespeare.Value, options);
        free.Step();
        double norm = free.Gradients.Norm();
        Assert.True(norm > 0.1, $"the unclipped norm {norm} is too small for the test");
        var clipped = new LanguageModelTrainer(GptModel.Create(Config(), GptParametrization.PyTorchDefault,
            new RandomSource(2)), Shakespeare.Value,
            new LanguageModelOptions { Seed = 3, GradientClipNorm = 0.1 });
        clipped.Step();
        Assert.Equal(0.1 * norm / (norm + 1e-6), clipped.Gradients.Norm(), 1e-12);
    }

    [Fact]
    public void ANonFiniteLossStopsTheRunWithoutTouchingTheParameters()
    {
        var model = GptModel.Create(Config(), GptParametrization.Gpt2, new RandomSource(4));
        model.Readout[5] = double.NaN;
        var before = model.Parameters.Select(p => p.Values.ToArray()).ToArray();
        var trainer = new LanguageModelTrainer(model, Shakespeare.Value, new LanguageModelOptions());
        var history = trainer.Train(10);
        Assert.Equal(1, history.DivergedAtStep);
        Assert.Single(history.TrainLosses);
        Assert.True(double.IsNaN(history.TrainLosses[0]));
        Assert.Equal(0, trainer.StepCount);
        for (int p = 0; p < model.Parameters.Count; p++) Assert.Equal(before[p], model.Parameters[p].Values.ToArray());
        Assert.Throws<InvalidOperationException>(() => trainer.Step());
    }
}
