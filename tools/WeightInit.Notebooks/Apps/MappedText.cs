using System.Text;

namespace WeightInit.Notebooks.Apps;

/// <summary>A stretch of generated text copied verbatim from a cell's source: text [TargetStart, +Length) is source
/// [SourceStart, +Length).</summary>
/// <param name="TargetStart">Where it starts in the generated text.</param>
/// <param name="SourceStart">Where it starts in the cell's source.</param>
/// <param name="Length">Its length.</param>
internal readonly record struct SourceSegment(int TargetStart, int SourceStart, int Length);

/// <summary>
/// Generated text built from pieces of one cell's source and literal text, remembering where each copied piece came
/// from, so that a position in the generated app (a compiler error, a name to rename) maps back to the cell.
/// </summary>
internal sealed class MappedText
{
    private readonly StringBuilder _text = new();
    private readonly List<SourceSegment> _segments = [];

    /// <summary>The text.</summary>
    public string Text => _text.ToString();

    /// <summary>The copied pieces, in order.</summary>
    public IReadOnlyList<SourceSegment> Segments => _segments;

    /// <summary>Appends source[start, end).</summary>
    public MappedText Source(string source, int start, int end)
    {
        if (end <= start) return this;
        _segments.Add(new SourceSegment(_text.Length, start, end - start));
        _text.Append(source, start, end - start);
        return this;
    }

    /// <summary>Appends text that is not in the cell.</summary>
    public MappedText Literal(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>The cell-source position of text position <paramref name="position"/>, or null if it is generated
    /// text.</summary>
    public int? ToSource(int position)
    {
        foreach (var s in _segments)
            if (position >= s.TargetStart && position < s.TargetStart + s.Length) return s.SourceStart
                + position - s.TargetStart;
        return null;
    }

    /// <summary>The text with <paramref name="indent"/> before each non-blank line, keeping the map right.</summary>
    public MappedText Indented(string indent)
    {
        var text = Text;
        var result = new MappedText();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            if (text[start..end].Trim().Length > 0) result.Literal(indent);
            result.Copy(this, start, end);
            start = end;
        }
        return result;
    }

    // Appends other's text [start, end): its copied pieces as copied pieces, its generated text as generated text.
    private void Copy(MappedText other, int start, int end)
    {
        var text = other.Text;
        for (var position = start; position < end;)
        {
            var segment = other._segments.FirstOrDefault(s => position >= s.TargetStart && position < s.TargetStart
                + s.Length);
            if (segment.Length > 0)
            {
                var stop = Math.Min(end, segment.TargetStart + segment.Length);
                _segments.Add(new SourceSegment(_text.Length, segment.SourceStart + position - segment.TargetStart,
                    stop - position));
                _text.Append(text, position, stop - position);
                position = stop;
            }
            else
            {
                var next = other._segments.Where(s => s.TargetStart > position).Select(s =>
                    s.TargetStart).DefaultIfEmpty(end).Min();
                var stop = Math.Min(end, next);
                _text.Append(text, position, stop - position);
                position = stop;
            }
        }
    }

    /// <summary>Removes blank lines at the start and white space at the end, keeping the map right.</summary>
    public MappedText Trim()
    {
        var text = _text.ToString();
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0 || text[start..newline].Trim().Length > 0) break;
            start = newline + 1;
        }
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var trimmed = new MappedText();
        trimmed._text.Append(text, start, end - start);
        foreach (var s in _segments)
        {
            var from = Math.Max(s.TargetStart, start);
            var to = Math.Min(s.TargetStart + s.Length, end);
            if (to > from) trimmed._segments.Add(new SourceSegment(from - start, s.SourceStart + from - s.TargetStart,
                to - from));
        }
        return trimmed;
    }
}
