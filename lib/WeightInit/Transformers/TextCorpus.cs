namespace WeightInit.Transformers;

/// <summary>
/// A tokenized text with a fixed split: a <see cref="CharacterVocabulary"/>, the training tokens and the validation
/// tokens. <see cref="Split"/> cuts a text as nanoGPT's character-level Shakespeare does: the first fraction of the
/// characters trains, the rest validates (karpathy/nanoGPT, <c>data/shakespeare_char/prepare.py</c>).
/// </summary>
public sealed class TextCorpus
{
    private readonly int[] _train;
    private readonly int[] _validation;

    /// <summary>Creates a corpus from tokens already encoded with <paramref name="vocabulary"/>.</summary>
    /// <param name="vocabulary">The vocabulary of both parts.</param>
    /// <param name="train">The training tokens; at least two, each in [0, vocabulary.Size).</param>
    /// <param name="validation">The validation tokens; at least two, each in [0, vocabulary.Size).</param>
    public TextCorpus(CharacterVocabulary vocabulary, int[] train, int[] validation)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        if (train.Length < 2)
            throw new ArgumentException($"train must hold at least two tokens (an input and its target), but it " +
                $"holds {train.Length}.", nameof(train));
        if (validation.Length < 2)
            throw new ArgumentException(
                $"validation must hold at least two tokens (an input and its target), but it holds " +
                    $"{validation.Length}.", nameof(validation));
        CharacterVocabulary.CheckTokens(train, vocabulary.Size, nameof(train));
        CharacterVocabulary.CheckTokens(validation, vocabulary.Size, nameof(validation));
        Vocabulary = vocabulary;
        _train = train;
        _validation = validation;
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> with the vocabulary of its own distinct characters and splits it: the first
    /// floor(<paramref name="trainFraction"/> n) characters train, the remaining ones validate.
    /// </summary>
    /// <param name="text">The whole text.</param>
    /// <param name="trainFraction">The training share, in (0, 1); each part must get at least two characters.</param>
    /// <returns>The corpus.</returns>
    public static TextCorpus Split(string text, double trainFraction)
    {
        ArgumentNullException.ThrowIfNull(text);
        Guard.FinitePositive(trainFraction);
        if (trainFraction >= 1)
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction,
                $"trainFraction must be less than 1, but it is {trainFraction}.");
        var vocabulary = CharacterVocabulary.FromText(text);
        var tokens = vocabulary.Encode(text);
        int cut = (int)Math.Floor(trainFraction * tokens.Length);
        return new TextCorpus(vocabulary, tokens[..cut], tokens[cut..]);
    }

    /// <summary>The vocabulary of both parts.</summary>
    public CharacterVocabulary Vocabulary { get; }

    /// <summary>The training tokens, in text order.</summary>
    public ReadOnlyMemory<int> Train => _train;

    /// <summary>The validation tokens, in text order.</summary>
    public ReadOnlyMemory<int> Validation => _validation;

    /// <inheritdoc/>
    public override string ToString() => $"TextCorpus({Vocabulary.Size} tokens; train {_train.Length:N0}, validation " +
        $"{_validation.Length:N0})";
}
