using System.Globalization;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Apps;

/// <summary>
/// An app's console text split at its cell markers (<see cref="CellMarkers"/>): the text each code cell printed, and
/// what the app printed after its last cell (its last line names the output folder).
/// </summary>
/// <param name="Cells">The text of each code cell, by cell number (cells that printed nothing have empty text).</param>
/// <param name="Before">What came before the first marker (nothing, when the app works as it should).</param>
/// <param name="After">What came after the end marker.</param>
/// <param name="Ended">Whether the end marker came (the app reached its last line).</param>
public sealed record AppConsole(IReadOnlyDictionary<int, string> Cells, string Before, string After, bool Ended)
{
    /// <summary>Splits <paramref name="text"/> (one stream of the app) at its markers.</summary>
    /// <exception cref="FormatException">A marker is malformed, or cell numbers do not increase.</exception>
    public static AppConsole Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cells = new Dictionary<int, string>();
        var before = "";
        var current = new System.Text.StringBuilder();
        int? cell = null;
        var ended = false;
        foreach (var line in Lines(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            if (ended || line.Length == 0 || line[0] != CellMarkers.Prefix)
            {
                current.Append(line);
                continue;
            }
            var marker = line.TrimEnd('\n');
            var number = 0;
            if (marker != CellMarkers.End && (!marker.StartsWith(CellMarkers.Prefix + "cell ", StringComparison.Ordinal)
                || !int.TryParse(marker.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out number)
                    || number <= (cell ?? 0)))
                throw new FormatException($"unexpected cell marker '{marker.TrimStart(CellMarkers.Prefix)}' after " +
                    $"{(cell is null ? "the start" : $"cell {cell}")}");
            if (cell is null) before = current.ToString();
            else cells[cell.Value] = current.ToString();
            current.Clear();
            if (marker == CellMarkers.End) ended = true;
            else cell = number;
        }
        if (!ended)
        {
            if (cell is null) before = current.ToString();
            else cells[cell.Value] = current.ToString();
            current.Clear();
        }
        return new AppConsole(cells, before, current.ToString(), ended);
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') { yield return text[start..(i + 1)]; start = i + 1; }
        if (start < text.Length) yield return text[start..];
    }
}
