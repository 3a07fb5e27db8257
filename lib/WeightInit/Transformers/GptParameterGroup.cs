namespace WeightInit.Transformers;

/// <summary>
/// The kinds of parameters of a <see cref="GptModel"/>, the rows of a <see cref="GptParametrization"/>'s table. The
/// query, key and value weights are the three (d, d) row blocks of each block's one (3d, d) input projection.
/// </summary>
public enum GptParameterGroup
{
    /// <summary>
    /// The token embedding (V, d) (nanoGPT's <c>wte</c>); also the readout when the embeddings are tied.
    /// </summary>
    TokenEmbedding,

    /// <summary>The learned position embedding (T, d) (<c>wpe</c>).</summary>
    PositionEmbedding,

    /// <summary>Rows [0, d) of the attention's input projection: the query weights.</summary>
    Query,

    /// <summary>Rows [d, 2d) of the attention's input projection: the key weights.</summary>
    Key,

    /// <summary>Rows [2d, 3d) of the attention's input projection: the value weights.</summary>
    Value,

    /// <summary>The biases of the attention's input projection (3d).</summary>
    AttentionInputBias,

    /// <summary>The attention's output projection (d, d) onto the residual stream (<c>attn.c_proj</c>).</summary>
    AttentionOutput,

    /// <summary>The biases of the attention's output projection (d).</summary>
    AttentionOutputBias,

    /// <summary>The MLP's input layer (4d, d) (<c>mlp.c_fc</c>).</summary>
    MlpInput,

    /// <summary>The biases of the MLP's input layer (4d).</summary>
    MlpInputBias,

    /// <summary>The MLP's output projection (d, 4d) onto the residual stream (<c>mlp.c_proj</c>).</summary>
    MlpOutput,

    /// <summary>The biases of the MLP's output projection (d).</summary>
    MlpOutputBias,

    /// <summary>The gain gamma of every layer normalization (d).</summary>
    NormScale,

    /// <summary>The shift beta of every layer normalization (d).</summary>
    NormShift,

    /// <summary>The readout (V, d) (<c>lm_head</c>, no bias) when it is not tied to the token embedding.</summary>
    Readout,
}
