using System.Security.Cryptography;
using WeightInit.Transformers;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// The shipped corpus is the documented file, its vocabulary and split are fixed, and the batches are windows of it
/// fixed by a seed.
/// </summary>
public sealed class TinyShakespeareTests
{
    private static readonly Lazy<TextCorpus> Corpus = new(() => TinyShakespeare.Load(Path));

    private static string Path => TinyShakespeare.FindFile(AppContext.BaseDirectory);

    [Fact]
    public void TheFileIsCharRnnsByteForByte()
    {
        using var stream = File.OpenRead(Path);
        Assert.Equal("86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed",
            Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [Fact]
    public void TheCorpusHas65CharactersInOrdinalOrderAndTheNinetyTenSplit()
    {
        var corpus = Corpus.Value;
        Assert.Equal(TinyShakespeare.VocabularySize, corpus.Vocabulary.Size);
        Assert.Equal("\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            corpus.Vocabulary.Characters);
        Assert.Equal(1_003_854, corpus.Train.Length);
        Assert.Equal(111_540, corpus.Validation.Length);
        Assert.Equal("First Citizen:\nBefore we proceed", corpus.Vocabulary.Decode(corpus.Train.Span[..32]));
        var text = File.ReadAllText(Path);
        Assert.Equal(text[1_003_854..], corpus.Vocabulary.Decode(corpus.Validation.Span));
    }

    [Fact]
    public void EncodeThenDecodeGivesTheTextBack()
    {
        var vocabulary = Corpus.Value.Vocabulary;
        const string text = "To be, or not to be: that is the question!\n";
        var tokens = vocabulary.Encode(text);
        Assert.Equal(text, vocabulary.Decode(tokens));
        Assert.Equal(0, vocabulary.Encode("\n")[0]);
        Assert.Equal(1, vocabulary.Encode(" ")[0]);
        Assert.True(vocabulary.Contains('Z'));
        Assert.False(vocabulary.Contains('#'));
    }

    [Fact]
    public void TheSamplerDrawsWindowsWhoseTargetsAreTheNextTokensFromTheSeed()
    {
        var tokens = Corpus.Value.Train;
        var a = new TokenWindowSampler(tokens, 16, new RandomSource(3));
        var b = new TokenWindowSampler(tokens, 16, new RandomSource(3));
        int[] inputsA = new int[8 * 16], targetsA = new int[8 * 16], inputsB = new int[8 * 16],
            targetsB = new int[8 * 16];
        a.Sample(8, inputsA, targetsA);
        b.Sample(8, inputsB, targetsB);
        Assert.Equal(inputsA, inputsB);
        Assert.Equal(targetsA, targetsB);
        var text = tokens.ToArray();
        for (int w = 0; w < 8; w++)
        {
            var window = inputsA.AsSpan(w * 16, 16);
            Assert.Equal(window[1..].ToArray(), targetsA.AsSpan(w * 16, 15).ToArray());
            // The window occurs in the text with its target: find a start s with text[s..s+17) = inputs + last target.
            int[] expected = [.. window.ToArray(), targetsA[w * 16 + 15]];
            Assert.True(Occurs(text, expected), $"window {w} does not occur in the text");
        }
        a.Sample(8, inputsB, targetsB);
        Assert.NotEqual(inputsA, inputsB); // the next batch is another one
    }

    [Fact]
    public void TheSamplerReachesTheFirstAndLastWindowStartsUniformly()
    {
        // 6 tokens, T = 3: starts 0..2, each with probability 1/3; 3,000 windows put 1,000 +- 5 x 26 on each.
        int[] tokens = [0, 1, 2, 3, 4, 5];
        var sampler = new TokenWindowSampler(tokens, 3, new RandomSource(8));
        var inputs = new int[3000 * 3];
        sampler.Sample(3000, inputs, new int[inputs.Length]);
        var counts = new int[3];
        for (int w = 0; w < 3000; w++) counts[inputs[w * 3]]++;
        double se = Math.Sqrt(3000 * (1 / 3.0) * (2 / 3.0));
        Assert.All(counts, c => Assert.InRange(c, 1000 - 5 * se, 1000 + 5 * se));
    }

    private static bool Occurs(int[] text, int[] pattern)
    {
        for (int s = 0; s + pattern.Length <= text.Length; s++)
            if (text.AsSpan(s, pattern.Length).SequenceEqual(pattern)) return true;
        return false;
    }
}
