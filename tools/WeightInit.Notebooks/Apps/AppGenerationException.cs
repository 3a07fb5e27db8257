namespace WeightInit.Notebooks.Apps;

/// <summary>
/// A notebook (or the shared setup) does something the app generator cannot translate into a file-based app without
/// changing what it does; each problem names the notebook and the code cell, and says what to change.
/// </summary>
public sealed class AppGenerationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>A single problem.</summary>
    public AppGenerationException(string problem) : this([problem]) { }
}
