namespace WeightInit.Transformers;

/// <summary>
/// The shape of a GPT (Radford et al. 2019, "Language Models are Unsupervised Multitask Learners"; in the form of
/// karpathy/nanoGPT's <c>GPTConfig</c>): a token embedding and a learned position embedding of width d
/// (<see cref="ModelWidth"/>), <see cref="Layers"/> pre-LN transformer blocks with <see cref="Heads"/> causal
/// self-attention heads of d / heads features each and a GELU MLP of width 4d, a final layer normalization, and a
/// readout to <see cref="VocabularySize"/> logits, tied to the token embedding or not.
/// </summary>
/// <remarks>
/// Each property checks its own range when set (<see cref="ArgumentOutOfRangeException"/> naming it); that the width
/// divides among the heads is checked by <see cref="Validate"/>, which <see cref="GptModel.Create"/> calls.
/// </remarks>
public sealed record GptConfig
{
    /// <summary>The number of tokens V; at least 2.</summary>
    public required int VocabularySize
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(VocabularySize)); field = value; }
    } = 2;

    /// <summary>
    /// The context T: the longest sequence the model takes (the rows of the position embedding); at least 1.
    /// </summary>
    public required int ContextLength
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(ContextLength)); field = value; }
    } = 1;

    /// <summary>The number of transformer blocks L; at least 1.</summary>
    public required int Layers
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Layers)); field = value; }
    } = 1;

    /// <summary>
    /// The number of attention heads per block; at least 1, and it must divide <see cref="ModelWidth"/>.
    /// </summary>
    public required int Heads
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Heads)); field = value; }
    } = 1;

    /// <summary>
    /// The model width d (n_embd): the width of the residual stream; at least 1, a multiple of <see cref="Heads"/>.
    /// </summary>
    public required int ModelWidth
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(ModelWidth)); field = value; }
    } = 1;

    /// <summary>
    /// Whether the readout reuses the token embedding's matrix (weight tying, as GPT-2 and nanoGPT do; Press &amp; Wolf
    /// 2017, "Using the Output Embedding to Improve Language Models"). Default false: a readout of its own.
    /// </summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>
    /// The epsilon of every layer normalization; finite and positive. Default 1e-5 (PyTorch's and nanoGPT's).
    /// </summary>
    public double LayerNormEpsilon
    {
        get;
        init { Guard.FinitePositive(value, nameof(LayerNormEpsilon)); field = value; }
    } = 1e-5;

    /// <summary>d_head = d / heads, the features per head (valid once <see cref="Validate"/> passes).</summary>
    public int HeadWidth => ModelWidth / Heads;

    /// <summary>The hidden width of each block's MLP: 4d, as in GPT-2 and nanoGPT.</summary>
    public int MlpWidth => 4 * ModelWidth;

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/> unless the heads divide the width.
    /// </summary>
    /// <param name="paramName">The caller's name for this configuration.</param>
    public void Validate(string paramName = "config")
    {
        if (ModelWidth % Heads != 0)
            throw new ArgumentException(
                $"ModelWidth ({ModelWidth}) must be divisible by Heads ({Heads}): each head takes ModelWidth / Heads " +
                    $"features.", paramName);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"GPT(layers {Layers}, heads {Heads}, width {ModelWidth}, context {ContextLength}, vocabulary " +
            $"{VocabularySize}" +
        $"{(TiedEmbeddings ? ", tied" : "")})";
}
