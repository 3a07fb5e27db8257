using WeightInit.Kernels;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// A token embedding with learned positions (GPT-2; nanoGPT's <c>wte</c> and <c>wpe</c>): row r of a batch of sequences
/// of length T is x_r = E[token_r] + P[r mod T], with E the (V, d) token table and P the (T_max, d) position table.
/// </summary>
/// <remarks>
/// Backward, from G = dLoss/dX: dE[v] = the sum of G_r over the rows r whose token is v, dP[t] = the sum of G_r over
/// the rows at position t, both added in row order (so the same bits whatever the thread count).
/// </remarks>
public sealed class TokenEmbedding
{
    private readonly double[] _tokens, _positions;

    /// <summary>Creates an embedding whose tables are all zero.</summary>
    /// <param name="vocabularySize">V, the number of tokens; at least 2.</param>
    /// <param name="contextLength">The number of positions; at least 1.</param>
    /// <param name="width">d, the features per row; at least 1.</param>
    public TokenEmbedding(int vocabularySize, int contextLength, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contextLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        VocabularySize = vocabularySize;
        ContextLength = contextLength;
        Width = width;
        _tokens = new double[checked(vocabularySize * width)];
        _positions = new double[checked(contextLength * width)];
        TokenParameter = new Parameter("token embedding", ParameterRole.Weights, _tokens, vocabularySize, width);
        PositionParameter = new Parameter("position embedding", ParameterRole.Weights, _positions, contextLength,
            width);
    }

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>The number of positions.</summary>
    public int ContextLength { get; }

    /// <summary>d.</summary>
    public int Width { get; }

    /// <summary>The token table E, (V, d) row-major; writable.</summary>
    public Span<double> TokenTable => _tokens;

    /// <summary>The position table P, (positions, d) row-major; writable.</summary>
    public Span<double> PositionTable => _positions;

    /// <summary>E as a learnable parameter.</summary>
    public Parameter TokenParameter { get; }

    /// <summary>P as a learnable parameter.</summary>
    public Parameter PositionParameter { get; }

    /// <summary>
    /// x_r = E[tokens[r]] + P[r mod T] for validated tokens (each in [0, V)) and T &lt;= ContextLength.
    /// </summary>
    internal void Forward(ReadOnlySpan<int> tokens, int sequenceLength, Span<double> output)
    {
        int d = Width;
        for (int r = 0; r < tokens.Length; r++)
        {
            var row = output.Slice(r * d, d);
            SimdMap.Run(new AddOperator(), _tokens.AsSpan(tokens[r] * d, d),
                _positions.AsSpan(r % sequenceLength * d, d), default, row, default);
        }
    }

    /// <summary>
    /// dE and dP from <paramref name="outputGradient"/>; dE is added to <paramref name="tokenGradient"/> when
    /// <paramref name="accumulateTokens"/> (a tied readout has written its part there), else overwritten.
    /// </summary>
    internal void Backward(ReadOnlySpan<int> tokens, int sequenceLength, ReadOnlySpan<double> outputGradient,
        Span<double> tokenGradient, bool accumulateTokens, Span<double> positionGradient)
    {
        int d = Width;
        if (!accumulateTokens) tokenGradient.Clear();
        positionGradient.Clear();
        for (int r = 0; r < tokens.Length; r++)
        {
            var g = outputGradient.Slice(r * d, d);
            var tokenRow = tokenGradient.Slice(tokens[r] * d, d);
            SimdMap.Run(new AddOperator(), tokenRow, g, default, tokenRow);
            var positionRow = positionGradient.Slice(r % sequenceLength * d, d);
            SimdMap.Run(new AddOperator(), positionRow, g, default, positionRow);
        }
    }
}
