using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>
/// The lines of a notebook's text output that are known to differ from run to run: timings, which WeightInit.Tutorial's
/// Timing prints on lines of their own starting with <see cref="Mark"/>. Text is compared after <see cref="Normalize"/>,
/// which keeps such a line but replaces its numbers by '#': the line must still be there, saying the same thing.
/// </summary>
public static partial class TimingLines
{
    /// <summary>The mark that starts a timing line (the same as WeightInit.Tutorial.Timing.Mark).</summary>
    public const string Mark = "⏱ ";

    /// <summary>The text with LF line ends and the numbers of every timing line replaced by '#'.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Select(l => l.StartsWith(Mark, StringComparison.Ordinal) ? Number().Replace(l, "#") : l));
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();
}
