using WeightInit.Initializers;
using WeightInit.Scaling;

namespace WeightInit.Transformers;

/// <summary>
/// How a <see cref="GptModel"/> starts and scales: the initial distribution and the learning-rate multiplier of every
/// <see cref="GptParameterGroup"/>, the attention logit scale and the multiplier on the output logits. The named
/// schemes are <see cref="PyTorchDefault"/>, <see cref="Gpt2"/>, <see cref="ZeroResidualProjections"/>,
/// <see cref="Standard"/> and <see cref="MaximalUpdate"/>; a record, so a variant is one <c>with</c> away
/// (<c>GptParametrization.Gpt2 with { Attention = AttentionScaling.InverseHeadWidth }</c>).
/// </summary>
/// <remarks>
/// <para>The table, for L blocks, width d, width multiplier m = d / base width (SP and muP), std sigma (0.02); each
/// entry lists PyTorch default; GPT-2; zero residual projections; SP; muP (init std, then muP's Adam rate; every
/// other rate is 1):</para>
/// <list type="table">
/// <item><term>embeddings</term><description>N(0, 1); sigma; sigma; sigma; sigma, 1</description></item>
/// <item><term>query</term><description>U(+-1/sqrt(d)); sigma; sigma; sigma/sqrt(m); 0 (zero query),
/// 1/m</description></item>
/// <item><term>key, value, MLP input</term><description>U(+-1/sqrt(fan_in)); sigma; sigma; sigma/sqrt(m);
/// sigma/sqrt(m), 1/m</description></item>
/// <item><term>attention and MLP output</term><description>U(+-1/sqrt(fan_in)); sigma/sqrt(2L); 0;
/// sigma/sqrt(2Lm); sigma/sqrt(2Lm), 1/m</description></item>
/// <item><term>biases</term><description>U(+-1/sqrt(fan_in)); 0; 0; 0; 0, 1</description></item>
/// <item><term>layer norm</term><description>gain 1, shift 0 in every scheme</description></item>
/// <item><term>readout (untied)</term><description>U(+-1/sqrt(d)); sigma; sigma; sigma/sqrt(m); 0 (zero readout),
/// 1</description></item>
/// <item><term>logit multiplier</term><description>1; 1; 1; 1; 1/m</description></item>
/// <item><term>attention scale</term><description>1/sqrt(d_head) in every scheme but muP's
/// 1/d_head</description></item>
/// </list>
/// <para>Sources: PyTorch's <c>nn.Embedding</c>, <c>nn.Linear</c> and <c>nn.LayerNorm</c> defaults; GPT-2 (Radford et
/// al. 2019, section 2.3) as karpathy/nanoGPT's <c>model.py</c> initializes it; modded-nanogpt and nanochat for the
/// zero residual projections; Tensor Programs V (Yang et al. 2022, Table 3) for SP and muP, muP as EleutherAI's
/// nanoGPT-mup (init std sigma/sqrt(m) and sigma/sqrt(2Lm), Adam rate 1/m on the hidden weights, logits times 1/m,
/// attention 1/d_head) and the <c>mup</c> package (zero readout via <c>MuReadout(readout_zero_init=True)</c>, zero
/// query) implement it (<see cref="Scaling.MaximalUpdate"/>). <see cref="ZeroQuery"/> and <see cref="ZeroReadout"/>
/// apply to any scheme; <see cref="ScaleResidualProjections"/> = false leaves out the 1/sqrt(2L) of GPT-2, SP and
/// muP (GPT-1's N(0, sigma^2) everywhere). With tied embeddings the shared matrix starts as the token embedding.</para>
/// </remarks>
public sealed record GptParametrization
{
    /// <summary>GPT-2's initial standard deviation, 0.02.</summary>
    public const double Gpt2Std = 0.02;

    private readonly double _initStd = Gpt2Std;

    private GptParametrization(GptScheme scheme, AttentionScaling attention)
    {
        Scheme = scheme;
        Attention = attention;
    }

    /// <summary>PyTorch's module defaults (<see cref="GptScheme.PyTorchDefault"/>).</summary>
    public static GptParametrization PyTorchDefault { get; } = new(GptScheme.PyTorchDefault,
        AttentionScaling.InverseSqrtHeadWidth);

    /// <summary>GPT-2 / nanoGPT (<see cref="GptScheme.Gpt2"/>).</summary>
    public static GptParametrization Gpt2 { get; } = new(GptScheme.Gpt2, AttentionScaling.InverseSqrtHeadWidth);

    /// <summary>
    /// GPT-2 / nanoGPT with zero residual projections (<see cref="GptScheme.ZeroResidualProjections"/>).
    /// </summary>
    public static GptParametrization ZeroResidualProjections { get; } =
        new(GptScheme.ZeroResidualProjections, AttentionScaling.InverseSqrtHeadWidth);

    /// <summary>
    /// Maximal update parametrization for Adam relative to <paramref name="baseWidth"/>
    /// (<see cref="GptScheme.MaximalUpdate"/>), with zero readout and zero query by default (the <c>mup</c> package's
    /// recommendation), attention 1/d_head.
    /// </summary>
    /// <param name="baseWidth">The model width the hyperparameters are tuned at; at least 1.</param>
    /// <returns>The parametrization.</returns>
    public static GptParametrization MaximalUpdate(int baseWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseWidth);
        return new(GptScheme.MaximalUpdate, AttentionScaling.InverseHeadWidth) { BaseWidth = baseWidth,
            ZeroReadout = true, ZeroQuery = true };
    }

    /// <summary>
    /// The standard parametrization relative to <paramref name="baseWidth"/> (<see cref="GptScheme.Standard"/>): the
    /// scheme Tensor Programs V compares muP with, variance 1/fan_in everywhere, one learning rate.
    /// </summary>
    /// <param name="baseWidth">The model width at which it is GPT-2's initialization; at least 1.</param>
    /// <returns>The parametrization.</returns>
    public static GptParametrization Standard(int baseWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseWidth);
        return new(GptScheme.Standard, AttentionScaling.InverseSqrtHeadWidth) { BaseWidth = baseWidth };
    }

    /// <summary>The scheme.</summary>
    public GptScheme Scheme { get; }

    /// <summary>The factor on the attention logits. Default 1/sqrt(d_head); 1/d_head for muP.</summary>
    public AttentionScaling Attention
    {
        get;
        init { Guard.Defined(value, nameof(Attention)); field = value; }
    }

    /// <summary>
    /// sigma, the std of GPT-2's scheme and of muP at its base width; finite and non-negative. Default 0.02.
    /// </summary>
    public double InitStd
    {
        get => _initStd;
        init { Guard.FiniteNonNegative(value, nameof(InitStd)); _initStd = value; }
    }

    /// <summary>
    /// Whether GPT-2's factor 1/sqrt(2L) divides the std of the residual projections (attention and MLP output) in
    /// the schemes that have it, GPT-2, SP and muP (default true). False gives their unscaled start, every weight
    /// N(0, sigma^2) as GPT-1 did (Radford et al. 2018, section 4.1), under which the residual stream's std at step 0
    /// grows like the square root of the number of residual branches. PyTorch's defaults and the zero residual
    /// projections have no such factor: setting false there throws an <see cref="ArgumentException"/>.
    /// </summary>
    public bool ScaleResidualProjections
    {
        get;
        init
        {
            if (!value && Scheme is GptScheme.PyTorchDefault or GptScheme.ZeroResidualProjections)
                throw new ArgumentException($"The scheme {Scheme} has no 1/sqrt(2L) factor to leave out.",
                    nameof(ScaleResidualProjections));
            field = value;
        }
    } = true;

    /// <summary>The width muP and SP are relative to (0 for the other schemes).</summary>
    public int BaseWidth { get; private init; }

    /// <summary>
    /// Whether the readout starts at zero, in any scheme (it needs an untied readout); the learning-rate multiplier
    /// stays the scheme's. Default true for muP (the <c>mup</c> package's <c>readout_zero_init</c>), false otherwise.
    /// </summary>
    public bool ZeroReadout { get; init; }

    /// <summary>
    /// Whether the query weights start at zero, in any scheme; the learning-rate multiplier stays the scheme's. Default
    /// true for muP (the <c>mup</c> package's recommendation), false otherwise.
    /// </summary>
    public bool ZeroQuery { get; init; }

    /// <summary>A short name: the scheme, muP's and SP's base width, and whether the residual projections are
    /// unscaled.</summary>
    public string Name => Scheme switch
    {
        GptScheme.MaximalUpdate => $"muP (base width {BaseWidth})",
        GptScheme.Standard => $"SP (base width {BaseWidth})",
        GptScheme.PyTorchDefault => "PyTorch default",
        GptScheme.Gpt2 => "GPT-2",
        _ => "zero residual projections",
    } + (ScaleResidualProjections ? "" : ", unscaled residual projections");

    /// <summary>The width multiplier m = d / base width for muP and SP, 1 for the other schemes.</summary>
    /// <param name="config">The model's shape.</param>
    /// <returns>m.</returns>
    public double WidthMultiplier(GptConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Scheme is GptScheme.MaximalUpdate or GptScheme.Standard
            ? Scaling.MaximalUpdate.WidthMultiplier(config.ModelWidth, BaseWidth)
            : 1;
    }

    /// <summary>The factor on the attention logits: 1/sqrt(d_head) or 1/d_head (<see cref="Attention"/>).</summary>
    /// <param name="config">The model's shape.</param>
    /// <returns>The scale.</returns>
    public double AttentionScale(GptConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate(nameof(config));
        return Attention == AttentionScaling.InverseHeadWidth
            ? Scaling.MaximalUpdate.AttentionScale(config.HeadWidth)
            : 1 / Math.Sqrt(config.HeadWidth);
    }

    /// <summary>The multiplier on the output logits: 1/m for muP, 1 otherwise.</summary>
    /// <param name="config">The model's shape.</param>
    /// <returns>The multiplier.</returns>
    public double OutputMultiplier(GptConfig config) =>
        Scheme == GptScheme.MaximalUpdate ? Scaling.MaximalUpdate.OutputMultiplier(WidthMultiplier(config)) : 1;

    /// <summary>The table's row for <paramref name="group"/> in a model of shape <paramref name="config"/>.</summary>
    /// <param name="group">The parameters.</param>
    /// <param name="config">The model's shape.</param>
    /// <returns>The initializer, its mean and std, and the learning-rate multiplier.</returns>
    public GptParameterRule Rule(GptParameterGroup group, GptConfig config)
    {
        Guard.Defined(group);
        Check(config, nameof(config));
        int d = config.ModelWidth;
        int fanIn = group is GptParameterGroup.MlpOutput or GptParameterGroup.MlpOutputBias ? config.MlpWidth : d;
        bool residualProjection = group is GptParameterGroup.AttentionOutput or GptParameterGroup.MlpOutput;
        bool bias = group is GptParameterGroup.AttentionInputBias or GptParameterGroup.AttentionOutputBias
            or GptParameterGroup.MlpInputBias or GptParameterGroup.MlpOutputBias;
        if (group == GptParameterGroup.NormScale) return Constant(group, 1, 1);
        if (group == GptParameterGroup.NormShift) return Constant(group, 0, 1);
        var rule = SchemeRule(group, config, fanIn, bias, residualProjection);
        return (group == GptParameterGroup.Query && ZeroQuery) || (group == GptParameterGroup.Readout && ZeroReadout)
            ? Constant(group, 0, rule.LearningRateMultiplier)
            : rule;
    }

    private GptParameterRule SchemeRule(GptParameterGroup group, GptConfig config, int fanIn, bool bias,
        bool residualProjection)
    {
        switch (Scheme)
        {
            case GptScheme.PyTorchDefault:
                if (group is GptParameterGroup.TokenEmbedding or GptParameterGroup.PositionEmbedding)
                    return Normal(group, 1, 1);
                double bound = PyTorchLinearDefaultInitializer.BiasBound(fanIn);
                return bias
                    ? new GptParameterRule(group, Init.Uniform(-bound, bound), 0, bound / Math.Sqrt(3), 1)
                    : new GptParameterRule(group, Init.PyTorchLinearDefault(), 0, bound / Math.Sqrt(3), 1);
            case GptScheme.Gpt2:
            case GptScheme.ZeroResidualProjections:
                if (bias) return Constant(group, 0, 1);
                if (residualProjection)
                    return Scheme == GptScheme.ZeroResidualProjections
                        ? Constant(group, 0, 1)
                        : Normal(group, InitStd / ResidualFactor(config), 1);
                return Normal(group, InitStd, 1);
            case GptScheme.Standard:
                if (bias) return Constant(group, 0, 1);
                bool fanInGrows =
                    group is not (GptParameterGroup.TokenEmbedding or GptParameterGroup.PositionEmbedding);
                double std = fanInGrows ? InitStd / Math.Sqrt(WidthMultiplier(config)) : InitStd;
                return Normal(group, residualProjection ? std / ResidualFactor(config) : std, 1);
            default:
                return MaximalUpdateRule(group, config, bias, residualProjection);
        }
    }

    /// <summary>
    /// Every row of the table for <paramref name="config"/>, in the order of <see cref="GptParameterGroup"/> (the
    /// readout only when untied).
    /// </summary>
    /// <param name="config">The model's shape.</param>
    /// <returns>The rows.</returns>
    public IReadOnlyList<GptParameterRule> Rules(GptConfig config)
    {
        Check(config, nameof(config));
        return [.. Enum.GetValues<GptParameterGroup>()
            .Where(g => g != GptParameterGroup.Readout || !config.TiedEmbeddings)
            .Select(g => Rule(g, config))];
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/> if this parametrization cannot
    /// build a model of shape <paramref name="config"/>: the heads do not divide the width, or a zero readout meets
    /// tied embeddings (the readout would zero the token embedding).
    /// </summary>
    /// <param name="config">The model's shape.</param>
    /// <param name="paramName">The caller's name for the configuration.</param>
    public void Check(GptConfig config, string paramName = "config")
    {
        ArgumentNullException.ThrowIfNull(config, paramName);
        config.Validate(paramName);
        if (ZeroReadout && config.TiedEmbeddings)
            throw new ArgumentException(
                "A zero readout needs an untied readout: with TiedEmbeddings the readout is the token embedding, which "
                + "must not start at zero. Set TiedEmbeddings = false or ZeroReadout = false.", paramName);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}, std {InitStd}, zero readout {ZeroReadout}, zero query {ZeroQuery}, attention {Attention}";

    private GptParameterRule MaximalUpdateRule(GptParameterGroup group, GptConfig config, bool bias,
        bool residualProjection)
    {
        double m = WidthMultiplier(config);
        var role = group switch
        {
            GptParameterGroup.Query or GptParameterGroup.Key or GptParameterGroup.Value or GptParameterGroup.MlpInput
                or GptParameterGroup.AttentionOutput or GptParameterGroup.MlpOutput => MaximalUpdateRole.Hidden,
            GptParameterGroup.Readout => MaximalUpdateRole.Output,
            _ => MaximalUpdateRole.Input,
        };
        double rate = Scaling.MaximalUpdate.AdamLearningRateFactor(role, m);
        if (bias) return Constant(group, 0, rate);
        double std = InitStd * Scaling.MaximalUpdate.InitStdFactor(role, m);
        if (residualProjection) std /= ResidualFactor(config);
        return Normal(group, std, rate);
    }

    /// <summary>sqrt(2L), or 1 when <see cref="ScaleResidualProjections"/> is false.</summary>
    private double ResidualFactor(GptConfig config) => ScaleResidualProjections ? Math.Sqrt(2.0 * config.Layers) : 1;

    private static GptParameterRule Normal(GptParameterGroup group, double std, double rate) => new(group,
        Init.Normal(0, std), 0, std, rate);

    private static GptParameterRule Constant(GptParameterGroup group, double value, double rate) =>
        new(group, value == 0 ? Init.Zeros() : value == 1 ? Init.Ones() : Init.Constant(value), value, 0, rate);
}
