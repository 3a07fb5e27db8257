using WeightInit.Random;

namespace WeightInit.Transformers;

/// <summary>
/// Batches of random windows of a token sequence for next-token prediction, as nanoGPT's <c>get_batch</c> draws them
/// (karpathy/nanoGPT, <c>train.py</c>): each window starts at s uniform in [0, n - T - 1] (n tokens, T the sequence
/// length), its inputs are tokens [s, s + T) and its targets tokens [s + 1, s + T + 1). The windows come from the
/// <see cref="RandomSource"/> passed in, so a seed fixes every batch.
/// </summary>
public sealed class TokenWindowSampler
{
    private readonly ReadOnlyMemory<int> _tokens;
    private readonly RandomSource _random;

    /// <summary>Creates a sampler over <paramref name="tokens"/>.</summary>
    /// <param name="tokens">The token sequence; at least <paramref name="sequenceLength"/> + 1 tokens.</param>
    /// <param name="sequenceLength">T, the tokens per window (inputs); at least 1.</param>
    /// <param name="random">The source of the window starts.</param>
    public TokenWindowSampler(ReadOnlyMemory<int> tokens, int sequenceLength, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        if (tokens.Length < sequenceLength + 1)
            throw new ArgumentException(
                $"tokens must hold at least sequenceLength + 1 = {sequenceLength + 1} tokens, but it holds " +
                    $"{tokens.Length}.", nameof(tokens));
        _tokens = tokens;
        SequenceLength = sequenceLength;
        _random = random;
    }

    /// <summary>T, the input tokens per window.</summary>
    public int SequenceLength { get; }

    /// <summary>
    /// Draws <paramref name="sequences"/> windows: their inputs and targets, one window after another.
    /// </summary>
    /// <param name="sequences">The number of windows; at least 1.</param>
    /// <param name="inputs">sequences x T tokens to overwrite.</param>
    /// <param name="targets">sequences x T tokens to overwrite: each input's next token.</param>
    public void Sample(int sequences, Span<int> inputs, Span<int> targets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequences);
        int t = SequenceLength;
        Guard.Length(inputs.Length, sequences * t, nameof(inputs), $"{sequences} windows x {t} tokens");
        Guard.Length(targets.Length, sequences * t, nameof(targets), $"{sequences} windows x {t} tokens");
        var tokens = _tokens.Span;
        for (int s = 0; s < sequences; s++)
        {
            int start = _random.NextInt(tokens.Length - t);
            tokens.Slice(start, t).CopyTo(inputs.Slice(s * t, t));
            tokens.Slice(start + 1, t).CopyTo(targets.Slice(s * t, t));
        }
    }
}
