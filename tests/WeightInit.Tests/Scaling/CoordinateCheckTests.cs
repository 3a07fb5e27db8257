using WeightInit.Transformers;

namespace WeightInit.Tests.Scaling;

/// <summary>
/// The coordinate check's bookkeeping and slopes on subjects whose answers are known, and its GPT subject.
/// </summary>
public sealed class CoordinateCheckTests
{
    /// <summary>
    /// A subject whose one site holds width^p t + width^q (step t): its activation and change scale as exact powers.
    /// </summary>
    private sealed class PowerSubject(int width, double p, double q) : ICoordinateCheckSubject
    {
        private int _step;

        public IReadOnlyList<string> Sites => ["x"];

        public IReadOnlyList<double[]> Probe() => [[Math.Pow(width, p) * _step + Math.Pow(width, q), -Math.Pow(width,
            q)]];

        public void TrainStep() => _step++;
    }

    [Fact]
    public void TheSlopesAreThePowersOfTheWidth()
    {
        var result = CoordinateCheck.Run([16, 64, 256], w => new PowerSubject(w, 1.0, -0.5), steps: 3);
        Assert.Equal(3 * 4, result.Points.Count);
        Assert.All(result.Points.Where(p => p.Step == 0), p => Assert.Equal(0.0, p.MeanAbsChange));
        // mean |x_t - x_0| = w^p t / 2: slope exactly p at every step; at step 0 mean |x| = w^q.
        for (int t = 1; t <= 3; t++) Assert.Equal(1.0, result.Slope("x", t, change: true), 1e-12);
        Assert.Equal(-0.5, result.Slope("x", 0, change: false), 1e-12);
        Assert.Equal(3 * Math.Pow(64, 1.0) / 2, result.Point(64, 3, "x").MeanAbsChange, 1e-9);
        Assert.True(double.IsNaN(result.Slope("x", 0, change: true))); // every change is 0 at step 0: no logarithm
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => CoordinateCheck.Run([], w => new PowerSubject(w, 1, 0), 1));
        Assert.Throws<ArgumentException>(() => CoordinateCheck.Run([8, 8], w => new PowerSubject(w, 1, 0), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoordinateCheck.Run([0, 8], w => new PowerSubject(w, 1, 0),
            1));
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => CoordinateCheck.Run([8],
            w => new PowerSubject(w, 1, 0), 0)).ParamName);
        var result = CoordinateCheck.Run([8], w => new PowerSubject(w, 1, 0), 1);
        Assert.Equal("site", Assert.Throws<ArgumentException>(() => result.Point(8, 1, "y")).ParamName);
    }

    [Fact]
    public void TheGptCheckRecordsEverySiteAtEveryStepAndIsFixedByItsSeeds()
    {
        var corpus = TextCorpus.Split(string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog. ",
            40)), 0.9);
        GptModel Create(int width) => GptModel.Create(
            new GptConfig { VocabularySize = corpus.Vocabulary.Size, ContextLength = 8, Layers = 2, Heads = 2,
                ModelWidth = width },
            GptParametrization.MaximalUpdate(16), new RandomSource(1));
        var options = new LanguageModelOptions { BatchSize = 4, LearningRate = 1e-2, Seed = 2 };
        var a = GptCoordinateCheck.Run([16, 32], Create, corpus, options, steps: 2);
        var b = GptCoordinateCheck.Run([16, 32], Create, corpus, options, steps: 2);
        Assert.Equal(1 + 2 * 4 + 1, a.Sites.Count);
        Assert.Equal(2 * 3 * a.Sites.Count, a.Points.Count);
        Assert.Equal(a.Points, b.Points);
        // Zero readout and zero query: the logits and attention logits start at exactly 0 and move once trained.
        foreach (string site in new[] { "logits", "block 1 attention logits", "block 2 attention logits" })
        {
            Assert.Equal(0.0, a.Point(32, 0, site).MeanAbsActivation);
            Assert.True(a.Point(32, 2, site).MeanAbsChange > 0, site);
        }
    }
}
