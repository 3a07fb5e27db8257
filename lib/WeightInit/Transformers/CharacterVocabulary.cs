namespace WeightInit.Transformers;

/// <summary>
/// A character-level vocabulary: token i is the i-th of a set of distinct characters, in a fixed order. Built from a
/// text (<see cref="FromText"/>), the order is ordinal (by UTF-16 code unit), as nanoGPT's character-level Shakespeare
/// builds it (<c>sorted(set(text))</c>, karpathy/nanoGPT <c>data/shakespeare_char/prepare.py</c>), so the same text
/// always gives the same tokens.
/// </summary>
public sealed class CharacterVocabulary
{
    private readonly string _characters;
    private readonly int[] _tokenOf;

    /// <summary>Creates a vocabulary whose token i is <paramref name="characters"/>[i].</summary>
    /// <param name="characters">At least two distinct characters, in token order.</param>
    /// <exception cref="ArgumentException">Fewer than two characters, or a character appears twice.</exception>
    public CharacterVocabulary(string characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        if (characters.Length < 2)
            throw new ArgumentException(
                $"A vocabulary needs at least two characters, but {characters.Length} were given.", nameof(characters));
        _tokenOf = new int[characters.Max() + 1];
        _tokenOf.AsSpan().Fill(-1);
        for (int i = 0; i < characters.Length; i++)
        {
            if (_tokenOf[characters[i]] >= 0)
                throw new ArgumentException(
                    $"The characters must be distinct, but '{Escape(characters[i])}' appears at " +
                        $"{_tokenOf[characters[i]]} and {i}.",
                    nameof(characters));
            _tokenOf[characters[i]] = i;
        }
        _characters = characters;
    }

    /// <summary>The vocabulary of the distinct characters of <paramref name="text"/>, in ordinal order.</summary>
    /// <param name="text">A text with at least two distinct characters.</param>
    /// <returns>The vocabulary.</returns>
    public static CharacterVocabulary FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var distinct = text.Distinct().Order().ToArray();
        if (distinct.Length < 2)
            throw new ArgumentException($"The text must hold at least two distinct characters, but it holds " +
                $"{distinct.Length}.", nameof(text));
        return new CharacterVocabulary(new string(distinct));
    }

    /// <summary>The number of tokens.</summary>
    public int Size => _characters.Length;

    /// <summary>The characters in token order: token i is Characters[i].</summary>
    public string Characters => _characters;

    /// <summary>Whether <paramref name="character"/> has a token.</summary>
    /// <param name="character">A character.</param>
    /// <returns>True if the vocabulary holds it.</returns>
    public bool Contains(char character) => character < _tokenOf.Length && _tokenOf[character] >= 0;

    /// <summary>The tokens of <paramref name="text"/>, one per character.</summary>
    /// <param name="text">Text made of the vocabulary's characters.</param>
    /// <returns>One token per character.</returns>
    /// <exception cref="ArgumentException">A character of the text is not in the vocabulary (the message gives its
    /// position).</exception>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int token = c < _tokenOf.Length ? _tokenOf[c] : -1;
            if (token < 0)
                throw new ArgumentException(
                    $"text[{i}] is '{Escape(c)}' (U+{(int)c:X4}), which is not in the vocabulary of {Size} characters.",
                        nameof(text));
            tokens[i] = token;
        }
        return tokens;
    }

    /// <summary>The text of <paramref name="tokens"/>.</summary>
    /// <param name="tokens">Tokens in [0, <see cref="Size"/>).</param>
    /// <returns>One character per token.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A token is outside [0, Size).</exception>
    public string Decode(ReadOnlySpan<int> tokens)
    {
        CheckTokens(tokens, Size, nameof(tokens));
        var characters = new char[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) characters[i] = _characters[tokens[i]];
        return new string(characters);
    }

    /// <inheritdoc/>
    public override string ToString() => $"CharacterVocabulary({Size} characters)";

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first token outside [0, size).</summary>
    internal static void CheckTokens(ReadOnlySpan<int> tokens, int size, string paramName)
    {
        for (int i = 0; i < tokens.Length; i++)
            if ((uint)tokens[i] >= (uint)size)
                throw new ArgumentOutOfRangeException(paramName, tokens[i],
                    $"{paramName}[{i}] is {tokens[i]}, outside the vocabulary's tokens [0, {size}).");
    }

    private static string Escape(char c) => c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() };
}
