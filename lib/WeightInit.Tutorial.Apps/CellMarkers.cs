namespace WeightInit.Tutorial.Apps;

/// <summary>
/// The lines a notebook app prints, when <see cref="EnvironmentVariable"/> is 1, where each of the notebook's code
/// cells
/// begins and where the last one ends, on standard output and on standard error: the app check
/// (tools/WeightInit.Notebooks, verb check-apps) splits the app's console text at them and compares each cell's text
/// with the
/// notebook's saved outputs. Without the variable the app prints only what the notebook prints.
/// </summary>
public static class CellMarkers
{
    /// <summary>The environment variable that turns the markers on (value 1).</summary>
    public const string EnvironmentVariable = "WEIGHTINIT_APP_CELL_MARKERS";

    /// <summary>The character that starts every marker line (the ASCII record separator, which no notebook
    /// prints).</summary>
    public const char Prefix = '\u001E';

    /// <summary>The marker after the last cell.</summary>
    public const string End = "\u001Eend";

    /// <summary>The marker before code cell <paramref name="number"/> (1 for the notebook's first code cell).</summary>
    /// <param name="number">The code cell's number, counting code cells only, from 1.</param>
    /// <returns>The marker line (without the line break).</returns>
    public static string Cell(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return FormattableString.Invariant($"{Prefix}cell {number}");
    }

    /// <summary>True when the markers are requested in this process.</summary>
    public static bool Requested => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
}
