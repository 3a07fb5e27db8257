using WeightInit.Tests.Support;
using WeightInit.Transformers;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// The schemes' tables against their sources, and the models they build against their tables: each group's values
/// have the table's distribution (mean and variance within 5 standard errors; constants exactly), each parameter the
/// table's learning-rate multiplier; muP's factors between two widths are the exact powers of the width multiplier.
/// </summary>
public sealed class GptParametrizationTests
{
    private static GptConfig Config(int width, int layers = 2, bool tied = false) =>
        new() { VocabularySize = 65, ContextLength = 32, Layers = layers, Heads = 4, ModelWidth = width,
            TiedEmbeddings = tied };

    private static readonly GptParameterGroup[] Hidden =
    [
        GptParameterGroup.Query, GptParameterGroup.Key, GptParameterGroup.Value, GptParameterGroup.AttentionOutput,
        GptParameterGroup.MlpInput, GptParameterGroup.MlpOutput,
    ];

    [Fact]
    public void Gpt2IsNanoGptsInitialization()
    {
        var config = Config(64, layers: 3);
        var p = GptParametrization.Gpt2;
        foreach (var rule in p.Rules(config))
        {
            double expected = rule.Group switch
            {
                GptParameterGroup.AttentionOutput or GptParameterGroup.MlpOutput => 0.02 / Math.Sqrt(2 * 3),
                GptParameterGroup.AttentionInputBias or GptParameterGroup.AttentionOutputBias
                    or GptParameterGroup.MlpInputBias or GptParameterGroup.MlpOutputBias
                    or GptParameterGroup.NormScale or GptParameterGroup.NormShift =>
                        0,
                _ => 0.02,
            };
            Assert.Equal(expected, rule.Std, 1e-17);
            Assert.Equal(rule.Group == GptParameterGroup.NormScale ? 1 : 0, rule.Mean);
            Assert.Equal(1.0, rule.LearningRateMultiplier);
        }
        Assert.Equal(1 / Math.Sqrt(16), p.AttentionScale(config));
        Assert.Equal(1.0, p.OutputMultiplier(config));
    }

    [Fact]
    public void ZeroResidualProjectionsDiffersFromGpt2OnlyInTheResidualProjections()
    {
        var config = Config(64);
        foreach (var rule in GptParametrization.ZeroResidualProjections.Rules(config))
        {
            var gpt2 = GptParametrization.Gpt2.Rule(rule.Group, config);
            if (rule.Group is GptParameterGroup.AttentionOutput or GptParameterGroup.MlpOutput)
            {
                Assert.IsType<ZerosInitializer>(rule.Initializer);
                Assert.Equal(0.0, rule.Std);
            }
            else
            {
                Assert.Equal(gpt2.Initializer.Name, rule.Initializer.Name);
                Assert.Equal(gpt2 with { Initializer = rule.Initializer }, rule);
            }
        }
    }

    [Fact]
    public void UnscaledResidualProjectionsLeaveOutOnlyTheFactorOneOverRootTwoL()
    {
        // GPT-2, SP and muP without 1/sqrt(2L): the residual projections get the std of the other hidden weights of
        // their scheme, every other row is unchanged; PyTorch's defaults and zero projections have no such factor.
        var config = Config(128, layers: 4);
        foreach (var scheme in new[] { GptParametrization.Gpt2, GptParametrization.Standard(32),
            GptParametrization.MaximalUpdate(32) with { ZeroQuery = false } })
        {
            var unscaled = scheme with { ScaleResidualProjections = false };
            Assert.EndsWith(", unscaled residual projections", unscaled.Name);
            foreach (var rule in unscaled.Rules(config))
            {
                var scaled = scheme.Rule(rule.Group, config);
                if (rule.Group is GptParameterGroup.AttentionOutput or GptParameterGroup.MlpOutput)
                {
                    Assert.Equal(scaled.Std * Math.Sqrt(2 * 4), rule.Std, 1e-17);
                    Assert.Equal(scheme.Rule(GptParameterGroup.Key, config).Std, rule.Std, 1e-17);
                    Assert.Equal(scaled.LearningRateMultiplier, rule.LearningRateMultiplier);
                }
                else Assert.Equal(scaled with { Initializer = rule.Initializer }, rule);
            }
        }
        foreach (var scheme in new[] { GptParametrization.PyTorchDefault, GptParametrization.ZeroResidualProjections })
            Assert.Equal(nameof(GptParametrization.ScaleResidualProjections), Assert.Throws<ArgumentException>(() =>
                scheme with { ScaleResidualProjections = false }).ParamName);
    }

    [Fact]
    public void PyTorchDefaultIsWhatTheModulesDo()
    {
        var config = Config(64);
        var p = GptParametrization.PyTorchDefault;
        Assert.Equal(1.0, p.Rule(GptParameterGroup.TokenEmbedding, config).Std);
        Assert.Equal(1.0, p.Rule(GptParameterGroup.PositionEmbedding, config).Std);
        Assert.IsType<PyTorchLinearDefaultInitializer>(p.Rule(GptParameterGroup.Query, config).Initializer);
        // U(+-1/sqrt(fan_in)) has std 1/sqrt(3 fan_in); the MLP's output projection has fan_in 4d.
        Assert.Equal(1 / Math.Sqrt(3 * 64), p.Rule(GptParameterGroup.MlpInput, config).Std, 1e-16);
        Assert.Equal(1 / Math.Sqrt(3 * 256), p.Rule(GptParameterGroup.MlpOutput, config).Std, 1e-16);
        Assert.Equal(1 / Math.Sqrt(3 * 256), p.Rule(GptParameterGroup.MlpOutputBias, config).Std, 1e-16);
        Assert.Equal(1 / Math.Sqrt(3 * 64), p.Rule(GptParameterGroup.Readout, config).Std, 1e-16);
    }

    [Fact]
    public void MaximalUpdateAtTwoWidthsScalesByExactPowersOfTheWidthMultiplier()
    {
        // Base width 32; widths 64 (m = 2) and 256 (m = 8): the hidden std goes as m^(-1/2) and its Adam rate as m^-1,
        // everything else stays; the logits' multiplier is 1/m and the attention scale 1/d_head.
        var p = GptParametrization.MaximalUpdate(32) with { ZeroQuery = false, ZeroReadout = false };
        var narrow = Config(64);
        var wide = Config(256);
        Assert.Equal(2.0, p.WidthMultiplier(narrow));
        Assert.Equal(8.0, p.WidthMultiplier(wide));
        foreach (var group in Enum.GetValues<GptParameterGroup>())
        {
            var a = p.Rule(group, narrow);
            var b = p.Rule(group, wide);
            bool hidden = Hidden.Contains(group);
            if (a.Std > 0) Assert.Equal(hidden ? 0.5 : 1.0, b.Std / a.Std, 1e-15);
            Assert.Equal(hidden ? 0.25 : 1.0, b.LearningRateMultiplier / a.LearningRateMultiplier, 1e-15);
            Assert.Equal(hidden ? 1 / 2.0 : 1.0, a.LearningRateMultiplier, 1e-15);
        }
        Assert.Equal(0.02 / Math.Sqrt(2), p.Rule(GptParameterGroup.MlpInput, narrow).Std, 1e-17);
        Assert.Equal(0.02 / Math.Sqrt(2 * 2 * 2), p.Rule(GptParameterGroup.MlpOutput, narrow).Std, 1e-17);
        Assert.Equal(0.02, p.Rule(GptParameterGroup.Readout, wide).Std);
        Assert.Equal(0.02, p.Rule(GptParameterGroup.TokenEmbedding, wide).Std);
        Assert.Equal(0.5, p.OutputMultiplier(narrow));
        Assert.Equal(0.125, p.OutputMultiplier(wide));
        Assert.Equal(1.0 / 16, p.AttentionScale(narrow));
        Assert.Equal(1.0 / 64, p.AttentionScale(wide));
    }

    [Fact]
    public void StandardScalesEveryFanInGrowingWeightAsOneOverFanInWithOneLearningRate()
    {
        // SP (Tensor Programs V's comparison): at the base width GPT-2's init; at m = 4 the hidden weights and the
        // readout have std 0.02 / 2, the embeddings keep 0.02; every rate 1, no output multiplier, attention
        // 1/sqrt(d_head).
        var sp = GptParametrization.Standard(32);
        var config = Config(128);
        foreach (var group in Enum.GetValues<GptParameterGroup>())
        {
            var rule = sp.Rule(group, config);
            var atBase = sp.Rule(group, Config(32));
            Assert.Equal(1.0, rule.LearningRateMultiplier);
            Assert.Equal(GptParametrization.Gpt2.Rule(group, Config(32)).Std, atBase.Std, 1e-17);
            bool constant = group is GptParameterGroup.TokenEmbedding or GptParameterGroup.PositionEmbedding;
            if (atBase.Std > 0) Assert.Equal(constant ? 1.0 : 0.5, rule.Std / atBase.Std, 1e-15);
        }
        Assert.Equal(1.0, sp.OutputMultiplier(config));
        Assert.Equal(1 / Math.Sqrt(32), sp.AttentionScale(config));
        Assert.Equal(4.0, sp.WidthMultiplier(config));
        // muP differs from SP by its learning rates, its logit multiplier, its attention and its zero readout and
        // query.
        var mup = GptParametrization.MaximalUpdate(32) with { ZeroQuery = false, ZeroReadout = false };
        foreach (var group in Enum.GetValues<GptParameterGroup>())
            if (group != GptParameterGroup.Readout)
                Assert.Equal(sp.Rule(group, config).Std, mup.Rule(group, config).Std, 1e-17);
        Assert.Equal(0.02, mup.Rule(GptParameterGroup.Readout, config).Std);
        Assert.Equal(0.01, sp.Rule(GptParameterGroup.Readout, config).Std, 1e-17);
    }

    [Fact]
    public void MaximalUpdateAtTheBaseWidthIsGpt2ExceptAttentionZeroQueryAndZeroReadout()
    {
        var config = Config(64);
        var mup = GptParametrization.MaximalUpdate(64);
        foreach (var group in Enum.GetValues<GptParameterGroup>())
        {
            var rule = mup.Rule(group, config);
            Assert.Equal(1.0, rule.LearningRateMultiplier);
            if (group is GptParameterGroup.Query or GptParameterGroup.Readout) Assert.Equal(0.0, rule.Std);
            else Assert.Equal(GptParametrization.Gpt2.Rule(group, config).Std, rule.Std, 1e-17);
        }
        Assert.Equal(1.0, mup.OutputMultiplier(config));
        Assert.Equal(1.0 / 16, mup.AttentionScale(config));
        Assert.Equal(1 / Math.Sqrt(16), GptParametrization.Gpt2.AttentionScale(config));
    }

    public static TheoryData<string> Schemes => new() { "PyTorch default", "GPT-2", "zero residual projections", "SP",
        "muP", "muP with random readout and query" };

    private static GptParametrization Scheme(string name) => name switch
    {
        "PyTorch default" => GptParametrization.PyTorchDefault,
        "GPT-2" => GptParametrization.Gpt2,
        "zero residual projections" => GptParametrization.ZeroResidualProjections,
        "SP" => GptParametrization.Standard(32),
        "muP" => GptParametrization.MaximalUpdate(32),
        _ => GptParametrization.MaximalUpdate(32) with { ZeroQuery = false, ZeroReadout = false },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void TheModelFollowsItsTableInEveryGroupOfEveryBlock(string name)
    {
        var config = Config(128);
        var p = Scheme(name);
        var model = GptModel.Create(config, p, new RandomSource(2026));
        foreach (var rule in p.Rules(config))
        {
            bool shared = rule.Group is GptParameterGroup.TokenEmbedding or GptParameterGroup.PositionEmbedding
                or GptParameterGroup.Readout;
            int[] blocks = shared ? [1] : [1, 2];
            foreach (int block in blocks)
            {
                var values = model.Values(rule.Group, block).ToArray();
                string where = $"{name}: {rule.Group} of block {block}";
                Assert.Equal(rule.LearningRateMultiplier, model.ParameterOf(rule.Group, block).LearningRateMultiplier);
                if (rule.Std == 0)
                {
                    Assert.All(values, v => Assert.Equal(rule.Mean, v));
                    continue;
                }
                bool uniform = rule.Initializer is not NormalInitializer;
                StatisticalAssert.MeanWithin(values, rule.Mean, rule.Std);
                StatisticalAssert.VarianceWithin(values, rule.Std * rule.Std, uniform ? 1.8 : 3.0);
                if (uniform) Assert.All(values, v => Assert.InRange(Math.Abs(v), 0,
                    Math.Sqrt(3) * rule.Std * (1 + 1e-12)));
                Assert.True(values.Distinct().Count() == values.Length, where + " repeats values");
            }
        }
        Assert.Equal(p.OutputMultiplier(config), model.OutputMultiplier);
        Assert.All(model.Blocks, b => Assert.Equal(p.AttentionScale(config), b.Attention.LogitScale));
        Assert.All(model.Blocks, b => Assert.Equal(1.0, b.SecondNorm.Scale.ToArray().Distinct().Single()));
    }

    [Fact]
    public void TwoSchemesFromOneSeedShareTheirDraws()
    {
        // Each piece is drawn from its own fork: GPT-2's and muP's hidden weights differ by the factor 1/sqrt(m) only.
        var config = Config(128);
        var gpt2 = GptModel.Create(config, GptParametrization.Gpt2, new RandomSource(9));
        var mup = GptModel.Create(config, GptParametrization.MaximalUpdate(32), new RandomSource(9));
        var a = gpt2.Values(GptParameterGroup.Key, 2).ToArray();
        var b = mup.Values(GptParameterGroup.Key, 2).ToArray();
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i] / 2, b[i], 1e-17);
        Assert.Equal(gpt2.Values(GptParameterGroup.TokenEmbedding).ToArray(),
            mup.Values(GptParameterGroup.TokenEmbedding).ToArray());
    }

    [Fact]
    public void TheSameSeedBuildsTheSameModelAndAnotherSeedAnother()
    {
        var config = Config(64);
        double[] All(ulong seed) => [.. GptModel.Create(config, GptParametrization.PyTorchDefault,
            new RandomSource(seed)).Parameters.SelectMany(p => p.Values.ToArray())];
        Assert.Equal(All(1), All(1));
        Assert.NotEqual(All(1), All(2));
    }

    [Fact]
    public void ZeroQueryAndZeroReadoutApplyToAnySchemeKeepingItsLearningRates()
    {
        var config = Config(128);
        var p = GptParametrization.Gpt2 with { ZeroQuery = true, ZeroReadout = true };
        foreach (var group in Enum.GetValues<GptParameterGroup>())
        {
            var rule = p.Rule(group, config);
            var plain = GptParametrization.Gpt2.Rule(group, config);
            Assert.Equal(plain.LearningRateMultiplier, rule.LearningRateMultiplier);
            Assert.Equal(group is GptParameterGroup.Query or GptParameterGroup.Readout ? 0 : plain.Std, rule.Std);
        }
        var model = GptModel.Create(config, p, new RandomSource(4));
        Assert.All(model.Values(GptParameterGroup.Query, 2).ToArray(), v => Assert.Equal(0.0, v));
        Assert.All(model.Values(GptParameterGroup.Readout).ToArray(), v => Assert.Equal(0.0, v));
        Assert.Contains(model.Values(GptParameterGroup.Key, 2).ToArray(), v => v != 0);
        var mup = GptParametrization.MaximalUpdate(32) with { ZeroQuery = true };
        Assert.Equal(0.25, mup.Rule(GptParameterGroup.Query, config).LearningRateMultiplier);
        Assert.Throws<ArgumentException>(() => GptModel.Create(config with { TiedEmbeddings = true }, p,
            new RandomSource(4)));
    }

    [Fact]
    public void RulesListEveryGroupAndTheReadoutOnlyWhenUntied()
    {
        Assert.Equal(Enum.GetValues<GptParameterGroup>(),
            GptParametrization.Gpt2.Rules(Config(64)).Select(r => r.Group));
        Assert.DoesNotContain(GptParametrization.Gpt2.Rules(Config(64, tied: true)),
            r => r.Group == GptParameterGroup.Readout);
    }
}
