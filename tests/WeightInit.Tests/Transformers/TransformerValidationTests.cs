using WeightInit.Tests.Support;
using WeightInit.Transformers;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// Bad input to the transformer area gets an ArgumentException (or subclass) naming the parameter and the rule it
/// broke.
/// </summary>
public sealed class TransformerValidationTests
{
    private static readonly GptConfig Config = new() { VocabularySize = 7, ContextLength = 4, Layers = 1, Heads = 2,
        ModelWidth = 8 };

    private static GptModel Model(GptConfig? config = null) => GptModel.Create(config ?? Config,
        GptParametrization.Gpt2, new RandomSource(1));

    [Fact]
    public void AWidthNotDivisibleByTheHeadsIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Model(Config with { ModelWidth = 10, Heads = 4 }));
        Assert.Equal("config", error.ParamName);
        Assert.Contains("divisible by Heads", error.Message, StringComparison.Ordinal);
        var layer = Assert.Throws<ArgumentException>(() => new CausalSelfAttention(10, 4, 4, 0.5));
        Assert.Equal("width", layer.ParamName);
        Assert.Throws<ArgumentException>(() => new TransformerBlock(10, 3, 4, 0.5));
        Assert.Throws<ArgumentException>(() => GptParametrization.Gpt2.AttentionScale(Config with { Heads = 3 }));
    }

    [Fact]
    public void ASequenceLongerThanTheContextIsRefused()
    {
        var model = Model();
        var tokens = new int[10];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Loss(tokens, tokens, 5));
        Assert.Equal("sequenceLength", error.ParamName);
        Assert.Contains("longer than the model's context (4)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Logits(tokens, 10, new double[70]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ComputeGradients(tokens, tokens, 5,
            model.CreateGradients()));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ForwardActivations(tokens, 10));
        var layer = new CausalSelfAttention(8, 2, 4, 0.5);
        Assert.Equal("SequenceLength",
            Assert.Throws<ArgumentOutOfRangeException>(() => layer.SequenceLength = 5).ParamName);
        var corpus = TextCorpus.Split("abcdefghij abcdefghij", 0.5);
        var trainer = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LanguageModelTrainer(Model(Config with { VocabularySize = corpus.Vocabulary.Size }), corpus,
                new LanguageModelOptions { SequenceLength = 5 }));
        Assert.Equal("options", trainer.ParamName);
    }

    [Fact]
    public void ATokenOutsideTheVocabularyIsRefusedWithItsPosition()
    {
        var model = Model();
        int[] good = [0, 1, 2, 6], bad = [0, 1, 7, 2], negative = [0, -1, 2, 3];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Loss(bad, good, 4));
        Assert.Equal("inputs", error.ParamName);
        Assert.Contains("inputs[2] is 7, outside the vocabulary's tokens [0, 7)", error.Message,
            StringComparison.Ordinal);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => model.Loss(negative, good,
            4)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => model.Loss(good, bad, 4)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => model.ComputeGradients(good, negative,
            4, model.CreateGradients())).ParamName);
        var vocabulary = new CharacterVocabulary("ab");
        Assert.Equal("tokens", Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([0, 2])).ParamName);
        var encode = Assert.Throws<ArgumentException>(() => vocabulary.Encode("abc"));
        Assert.Equal("text", encode.ParamName);
        Assert.Contains("text[2] is 'c'", encode.Message, StringComparison.Ordinal);
        Assert.Equal("train", Assert.Throws<ArgumentOutOfRangeException>(() => new TextCorpus(vocabulary, [0, 2], [0,
            1])).ParamName);
    }

    [Theory]
    [MemberData(nameof(BadValues.NotFinitePositive), MemberType = typeof(BadValues))]
    public void AWidthMultiplierThatIsNotPositiveIsRefused(double multiplier)
    {
        Assert.Equal("widthMultiplier",
            Assert.Throws<ArgumentOutOfRangeException>(() => MaximalUpdate.InitStdFactor(MaximalUpdateRole.Hidden,
                multiplier)).ParamName);
        Assert.Equal("widthMultiplier",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                MaximalUpdate.AdamLearningRateFactor(MaximalUpdateRole.Input, multiplier)).ParamName);
        Assert.Equal("widthMultiplier",
            Assert.Throws<ArgumentOutOfRangeException>(() => MaximalUpdate.OutputMultiplier(multiplier)).ParamName);
    }

    [Fact]
    public void ABaseWidthOrWidthBelowOneIsRefused()
    {
        Assert.Equal("baseWidth",
            Assert.Throws<ArgumentOutOfRangeException>(() => GptParametrization.MaximalUpdate(0)).ParamName);
        Assert.Equal("baseWidth", Assert.Throws<ArgumentOutOfRangeException>(() => MaximalUpdate.WidthMultiplier(64,
            -1)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => MaximalUpdate.WidthMultiplier(0,
            64)).ParamName);
        Assert.Equal("headWidth",
            Assert.Throws<ArgumentOutOfRangeException>(() => MaximalUpdate.AttentionScale(0)).ParamName);
    }

    [Fact]
    public void MaximalUpdatesZeroReadoutWithTiedEmbeddingsIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GptModel.Create(Config with { TiedEmbeddings = true }, GptParametrization.MaximalUpdate(4),
                new RandomSource(1)));
        Assert.Equal("config", error.ParamName);
        Assert.Contains("A zero readout needs an untied readout", error.Message, StringComparison.Ordinal);
        _ = GptModel.Create(Config with { TiedEmbeddings = true },
            GptParametrization.MaximalUpdate(4) with { ZeroReadout = false }, new RandomSource(1));
    }

    [Fact]
    public void ConfigurationOutOfRangeIsRefusedNamingTheProperty()
    {
        Assert.Equal("VocabularySize",
            Assert.Throws<ArgumentOutOfRangeException>(() => Config with { VocabularySize = 1 }).ParamName);
        Assert.Equal("ContextLength",
            Assert.Throws<ArgumentOutOfRangeException>(() => Config with { ContextLength = 0 }).ParamName);
        Assert.Equal("Layers", Assert.Throws<ArgumentOutOfRangeException>(() => Config with { Layers = 0 }).ParamName);
        Assert.Equal("Heads", Assert.Throws<ArgumentOutOfRangeException>(() => Config with { Heads = -1 }).ParamName);
        Assert.Equal("ModelWidth",
            Assert.Throws<ArgumentOutOfRangeException>(() => Config with { ModelWidth = 0 }).ParamName);
        Assert.Equal("LayerNormEpsilon",
            Assert.Throws<ArgumentOutOfRangeException>(() => Config with { LayerNormEpsilon = 0 }).ParamName);
        Assert.Equal("InitStd",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                GptParametrization.Gpt2 with { InitStd = double.NaN }).ParamName);
        Assert.Equal("Attention",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                GptParametrization.Gpt2 with { Attention = (AttentionScaling)7 }).ParamName);
    }

    [Fact]
    public void TrainingOptionsOutOfRangeAreRefusedNamingTheProperty()
    {
        Assert.Equal("LearningRate",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageModelOptions { LearningRate = 0 }).ParamName);
        Assert.Equal("Beta1", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LanguageModelOptions { Beta1 = 1 }).ParamName);
        Assert.Equal("Beta2", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LanguageModelOptions { Beta2 = -0.1 }).ParamName);
        Assert.Equal("Epsilon",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageModelOptions { Epsilon = 0 }).ParamName);
        Assert.Equal("WeightDecay",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageModelOptions { WeightDecay = -1 }).ParamName);
        Assert.Equal("GradientClipNorm",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                new LanguageModelOptions { GradientClipNorm = double.NaN }).ParamName);
        Assert.Equal("BatchSize",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageModelOptions { BatchSize = 0 }).ParamName);
        Assert.Equal("SequenceLength",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                new LanguageModelOptions { SequenceLength = -1 }).ParamName);
        Assert.Equal("ValidationBatches",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                new LanguageModelOptions { ValidationBatches = 0 }).ParamName);
    }

    [Fact]
    public void ShapesThatDoNotFitAreRefused()
    {
        var model = Model();
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => model.Loss(new int[6], new int[6], 4)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => model.Loss([], [], 4)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => model.Loss(new int[4], new int[3],
            4)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => model.Logits(new int[4], 4,
            new double[27])).ParamName);
        var other = Model(Config with { Layers = 2 });
        Assert.Equal("gradients", Assert.Throws<ArgumentException>(() => model.ComputeGradients(new int[4], new int[4],
            4, other.CreateGradients())).ParamName);
        var layer = new CausalSelfAttention(8, 2, 4, 0.5);
        Assert.Equal("count", Assert.Throws<ArgumentException>(() => layer.Forward(new double[6 * 8], 6,
            new double[6 * 8])).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => new TokenWindowSampler(new int[4], 4,
            new RandomSource(1))).ParamName);
        var sampler = new TokenWindowSampler(new int[9], 4, new RandomSource(1));
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => sampler.Sample(2, new int[8],
            new int[7])).ParamName);
        Assert.Equal("characters", Assert.Throws<ArgumentException>(() => new CharacterVocabulary("aba")).ParamName);
        Assert.Equal("trainFraction", Assert.Throws<ArgumentOutOfRangeException>(() => TextCorpus.Split("abcdef",
            1.0)).ParamName);
        Assert.Equal("MaxDegreeOfParallelism",
            Assert.Throws<ArgumentOutOfRangeException>(() => model.MaxDegreeOfParallelism = 0).ParamName);
        var corpus = TextCorpus.Split("abcdefgh abcdefgh", 0.5);
        Assert.Equal("corpus", Assert.Throws<ArgumentException>(() => new LanguageModelTrainer(model, corpus,
            new LanguageModelOptions())).ParamName);
    }
}
