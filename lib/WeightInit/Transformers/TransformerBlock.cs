using WeightInit.Kernels;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// A pre-LN transformer block (GPT-2, section 2.3; nanoGPT's <c>Block</c>): H = X + Attention(LN_1(X)), then
/// Y = H + Mlp(LN_2(H)), with <see cref="LayerNormLayer"/>s, a <see cref="CausalSelfAttention"/> and an
/// <see cref="MlpBlock"/>. Each branch adds to the residual stream; a branch whose output projection is zero leaves
/// the stream unchanged.
/// </summary>
/// <remarks>
/// Backward, from G = dLoss/dY: dLoss/dH = G + LN_2'(Mlp'(G)) and dLoss/dX = dLoss/dH + LN_1'(Attention'(dLoss/dH)),
/// each prime the layer's own backward pass.
/// </remarks>
public sealed class TransformerBlock : Layer
{
    private readonly LayerNormLayer _firstNorm, _secondNorm;
    private readonly CausalSelfAttention _attention;
    private readonly MlpBlock _mlp;
    private readonly Parameter[] _parameters;
    private readonly int[] _parameterStart;
    private double[] _normalized1 = [], _attentionOutput = [], _middle = [], _normalized2 = [], _mlpOutput = [];
    private double[] _branchGradient = [], _normGradient = [], _middleGradient = [];

    /// <summary>Creates a block with all-zero projections and unit layer normalizations.</summary>
    /// <param name="width">d; at least 1 and a multiple of <paramref name="heads"/>.</param>
    /// <param name="heads">The attention heads; at least 1.</param>
    /// <param name="contextLength">The longest sequence; at least 1.</param>
    /// <param name="logitScale">The attention's logit scale; finite and non-negative.</param>
    /// <param name="layerNormEpsilon">The layer normalizations' epsilon; finite and positive.</param>
    public TransformerBlock(int width, int heads, int contextLength, double logitScale,
        double layerNormEpsilon = NormalizationLayer.DefaultEpsilon)
        : base(width, width)
    {
        _firstNorm = new LayerNormLayer(width, layerNormEpsilon);
        _attention = new CausalSelfAttention(width, heads, contextLength, logitScale);
        _secondNorm = new LayerNormLayer(width, layerNormEpsilon);
        _mlp = new MlpBlock(width, 4 * width);
        Layer[] parts = [_firstNorm, _attention, _secondNorm, _mlp];
        _parameters = [.. parts.SelectMany(p => p.Parameters)];
        _parameterStart = new int[parts.Length + 1];
        for (int i = 0; i < parts.Length; i++) _parameterStart[i + 1] = _parameterStart[i] + parts[i].Parameters.Count;
    }

    /// <summary>LN_1, before the attention.</summary>
    public LayerNormLayer FirstNorm => _firstNorm;

    /// <summary>The attention branch.</summary>
    public CausalSelfAttention Attention => _attention;

    /// <summary>LN_2, before the MLP.</summary>
    public LayerNormLayer SecondNorm => _secondNorm;

    /// <summary>The MLP branch.</summary>
    public MlpBlock Mlp => _mlp;

    /// <summary>LN_1's, the attention's, LN_2's and the MLP's parameters, in that order.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    internal override IReadOnlyList<Layer> Sublayers => [_firstNorm, _attention, _secondNorm, _mlp];

    /// <summary>The attention branch's output of the last forward pass (count x d).</summary>
    internal ReadOnlySpan<double> AttentionOutput(int count) => _attentionOutput.AsSpan(0, count * InputWidth);

    /// <summary>The MLP branch's output of the last forward pass (count x d).</summary>
    internal ReadOnlySpan<double> MlpOutput(int count) => _mlpOutput.AsSpan(0, count * InputWidth);

    /// <inheritdoc/>
    public override TransformerBlock Clone()
    {
        var copy = new TransformerBlock(InputWidth, _attention.Heads, _attention.ContextLength, _attention.LogitScale,
            _firstNorm.Epsilon);
        copy._attention.SequenceLength = _attention.SequenceLength;
        copy._attention.MaxDegreeOfParallelism = _attention.MaxDegreeOfParallelism;
        copy._mlp.MaxDegreeOfParallelism = _mlp.MaxDegreeOfParallelism;
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Values.CopyTo(copy._parameters[i].Values);
            copy._parameters[i].LearningRateMultiplier = _parameters[i].LearningRateMultiplier;
        }
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"TransformerBlock({InputWidth}, {_attention.Heads} heads)";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        int size = count * InputWidth;
        var normalized1 = Buffer(ref _normalized1, size);
        var attention = Buffer(ref _attentionOutput, size);
        var middle = Buffer(ref _middle, size);
        var normalized2 = Buffer(ref _normalized2, size);
        var mlp = Buffer(ref _mlpOutput, size);
        _firstNorm.ForwardCore(input, count, normalized1, context);
        _attention.ForwardCore(normalized1, count, attention, context);
        SimdMap.Run(new AddOperator(), input, attention, default, middle);
        _secondNorm.ForwardCore(middle, count, normalized2, context);
        _mlp.ForwardCore(normalized2, count, mlp, context);
        SimdMap.Run(new AddOperator(), middle, mlp, default, output);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int size = count * InputWidth;
        var branch = Buffer(ref _branchGradient, size);
        var norm = Buffer(ref _normGradient, size);
        var middle = Buffer(ref _middleGradient, size);
        outputGradient.CopyTo(branch);
        _mlp.BackwardCore(_normalized2.AsSpan(0, size), branch, count, norm, Slice(parameterGradients, 3), context);
        _secondNorm.BackwardCore(_middle.AsSpan(0, size), norm, count, middle, Slice(parameterGradients, 2), context);
        SimdMap.Run(new AddOperator(), middle, outputGradient, default, middle);
        middle.CopyTo(branch);
        _attention.BackwardCore(_normalized1.AsSpan(0, size), branch, count, norm, Slice(parameterGradients, 1),
            context);
        _firstNorm.BackwardCore(input, norm, count, inputGradient, Slice(parameterGradients, 0), context);
        if (!inputGradient.IsEmpty)
            SimdMap.Run(new AddOperator(), inputGradient, middle, default, inputGradient);
    }

    private ReadOnlySpan<double[]> Slice(ReadOnlySpan<double[]> gradients, int part) =>
        gradients[_parameterStart[part].._parameterStart[part + 1]];
}
