using WeightInit.Transformers;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// What the GPT's forward pass must do whatever its weights: causality, exact identities of the schemes at step 0, the
/// places it reports.
/// </summary>
public sealed class GptBehaviourTests
{
    private static readonly GptConfig Small = new() { VocabularySize = 11, ContextLength = 8, Layers = 3, Heads = 2,
        ModelWidth = 16 };

    private static int[] Tokens(int count, ulong seed, int vocabulary = 11)
    {
        var random = new RandomSource(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextInt(vocabulary))];
    }

    [Fact]
    public void ALogitDependsOnlyOnItsOwnAndEarlierTokens()
    {
        var model = GptModel.Create(Small, GptParametrization.PyTorchDefault, new RandomSource(1));
        var tokens = Tokens(2 * 8, 2);
        var logits = new double[tokens.Length * 11];
        model.Logits(tokens, 8, logits);
        for (int changed = 0; changed < 8; changed++)
        {
            var other = (int[])tokens.Clone();
            other[8 + changed] = (other[8 + changed] + 1) % 11; // second sequence, position 'changed'
            var otherLogits = new double[logits.Length];
            model.Logits(other, 8, otherLogits);
            for (int position = 0; position < 8; position++)
            {
                var before = logits.AsSpan((8 + position) * 11, 11).ToArray();
                var after = otherLogits.AsSpan((8 + position) * 11, 11).ToArray();
                if (position < changed) Assert.Equal(before, after);
                else Assert.NotEqual(before, after);
            }
            Assert.Equal(logits.AsSpan(0, 8 * 11).ToArray(), otherLogits.AsSpan(0,
                8 * 11).ToArray()); // the first sequence is untouched
        }
    }

    [Fact]
    public void AShorterSequenceGivesThePrefixOfTheLongerOnesLogits()
    {
        var model = GptModel.Create(Small, GptParametrization.Gpt2, new RandomSource(3));
        var tokens = Tokens(8, 4);
        var full = new double[8 * 11];
        model.Logits(tokens, 8, full);
        var prefix = new double[5 * 11];
        model.Logits(tokens.AsSpan(0, 5), 5, prefix);
        for (int i = 0; i < prefix.Length; i++) Assert.Equal(full[i], prefix[i], 1e-13);
    }

    [Fact]
    public void ZeroResidualProjectionsMakeEveryBlockTheIdentityAtStepZero()
    {
        var model = GptModel.Create(Small, GptParametrization.ZeroResidualProjections, new RandomSource(5));
        var sites = model.ForwardActivations(Tokens(16, 6), 8);
        var embedding = sites.Single(s => s.Name == "embedding").Values;
        for (int b = 1; b <= 3; b++)
        {
            Assert.All(sites.Single(s => s.Name == $"block {b} attention").Values, v => Assert.Equal(0.0, v));
            Assert.All(sites.Single(s => s.Name == $"block {b} mlp").Values, v => Assert.Equal(0.0, v));
            Assert.Equal(embedding, sites.Single(s => s.Name == $"block {b} output").Values);
        }
    }

    [Fact]
    public void TheResidualStreamGrowsWithUnscaledProjectionsAndStaysFlatWithGpt2s()
    {
        // 16 blocks of width 64 at step 0, GPT-2's N(0, 0.02^2): each of the 32 branches adds about half the
        // embedding's variance, so the stream's std after block 16 is about sqrt(1 + 32/2) = 4.1 times the
        // embedding's unscaled, and sqrt(1 + 1/2) = 1.22 times with GPT-2's 1/sqrt(2L). Over seeds 1-8 on this batch
        // the ratios were 4.45 +- 0.22 and 1.22 +- 0.03 (mean +- sd); allow 4 standard deviations.
        var config = new GptConfig { VocabularySize = 11, ContextLength = 64, Layers = 16, Heads = 4,
            ModelWidth = 64 };
        var inputs = Tokens(4 * 64, 8);
        double Ratio(GptParametrization p)
        {
            var sites = GptModel.Create(config, p, new RandomSource(1)).ForwardActivations(inputs, 64);
            return Std(sites.Single(s => s.Name == "block 16 output").Values) /
                Std(sites.Single(s => s.Name == "embedding").Values);
        }
        Assert.InRange(Ratio(GptParametrization.Gpt2 with { ScaleResidualProjections = false }), 3.57, 5.33);
        Assert.InRange(Ratio(GptParametrization.Gpt2), 1.10, 1.34);
        Assert.Equal(1.0, Ratio(GptParametrization.ZeroResidualProjections));
    }

    private static double Std(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    [Fact]
    public void MaximalUpdateWithZeroReadoutAndQueryStartsAtExactlyLnVAndUniformAttention()
    {
        var model = GptModel.Create(Small with { ModelWidth = 32 }, GptParametrization.MaximalUpdate(16),
            new RandomSource(7));
        var tokens = Tokens(16, 8);
        Assert.Equal(Math.Log(11), model.Loss(tokens, Tokens(16, 9), 8), 1e-12);
        foreach (var attention in model.MeasureAttention(tokens, 8))
        {
            Assert.Equal(0.0, attention.LogitStd);
            Assert.Equal(0.0, attention.LogitMeanAbs);
            Assert.Equal(attention.UniformEntropy, attention.MeanEntropy, 1e-12);
        }
    }

    [Fact]
    public void Gpt2StartHasLossNearLnVAndAttentionNearUniform()
    {
        // With GPT-2's 0.02 std and unit-variance normalized rows, a logit has std 0.02 sqrt(d) = 0.08 here, so the
        // mean
        // loss of 16 tokens lies within 5 standard errors (5 x 0.08 / 4 = 0.1) of ln V. An attention logit
        // s q.k has std s sqrt(d_head) (0.02^2 d) = 0.0064 (q, k entries of variance 0.02^2 d): bounded by 3x that, and
        // the entropy then falls short of uniform attention's by about half the logits' variance per row (2e-5).
        var model = GptModel.Create(Small, GptParametrization.Gpt2, new RandomSource(10));
        var tokens = Tokens(16, 11);
        double loss = model.Loss(tokens, Tokens(16, 12), 8);
        Assert.InRange(loss, Math.Log(11) - 0.1, Math.Log(11) + 0.1);
        foreach (var attention in model.MeasureAttention(tokens, 8))
        {
            Assert.InRange(attention.LogitStd, 1e-6, 3 * 0.0064);
            Assert.InRange(attention.MeanEntropy, attention.UniformEntropy - 1e-3, attention.UniformEntropy);
        }
    }

    [Fact]
    public void ForwardActivationsNamesEveryPlaceInOrderWithTheRightSizes()
    {
        var model = GptModel.Create(Small, GptParametrization.Gpt2, new RandomSource(13));
        var tokens = Tokens(16, 14);
        var sites = model.ForwardActivations(tokens, 8);
        string[] expected = ["embedding", .. Enumerable.Range(1, 3).SelectMany(b => new[]
            { $"block {b} attention logits", $"block {b} attention", $"block {b} mlp", $"block {b} output" }),
                "logits"];
        Assert.Equal(expected, sites.Select(s => s.Name));
        Assert.All(sites.Where(s => s.Name.Contains("logits", StringComparison.Ordinal) && s.Name != "logits"),
            s => Assert.Equal(2 * 2 * (8 * 9 / 2), s.Values.Length)); // sequences x heads x causal entries
        Assert.All(sites.Where(s => !s.Name.Contains("logits", StringComparison.Ordinal)), s => Assert.Equal(16 * 16,
            s.Values.Length));
        var logits = new double[16 * 11];
        model.Logits(tokens, 8, logits);
        Assert.Equal(logits, sites[^1].Values);
        var attentionLogits = new List<double>();
        var block = model.Blocks[0];
        ReferenceGpt.Attention(block.Attention, ReferenceGpt.Forward(block.FirstNorm, sites[0].Values, 16), 16, 8,
            attentionLogits);
        // The reference lists them by sequence, head, query; so does the model.
        var recorded = sites[1].Values;
        Assert.Equal(attentionLogits.Count, recorded.Length);
        for (int i = 0; i < recorded.Length; i++) Assert.Equal(attentionLogits[i], recorded[i], 1e-14);
    }

    [Fact]
    public void TiedEmbeddingsShareOneMatrix()
    {
        var model = GptModel.Create(Small with { TiedEmbeddings = true }, GptParametrization.Gpt2,
            new RandomSource(15));
        Assert.True(model.Readout.Overlaps(model.Embedding.TokenTable));
        Assert.Equal(model.Parameters.Count, GptModel.Create(Small, GptParametrization.Gpt2,
            new RandomSource(15)).Parameters.Count - 1);
        Assert.DoesNotContain("readout", model.ParameterNames);
    }

    [Fact]
    public void ParameterCountIsNanoGptsFormula()
    {
        // Per block: 2 norms (2 x 2d), attention 3d^2 + 3d + d^2 + d, MLP 4d^2 + 4d + 4d^2 + d; plus V d + T d + 2d (+
        // V d untied).
        int d = 16, v = 11, t = 8, l = 3;
        long perBlock = 4 * d + (3 * d * d + 3 * d + d * d + d) + (4 * d * d + 4 * d + 4 * d * d + d);
        Assert.Equal(v * d + t * d + l * perBlock + 2 * d + v * d, GptModel.Create(Small, GptParametrization.Gpt2,
            new RandomSource(1)).ParameterCount);
    }
}
