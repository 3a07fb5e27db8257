using System.Text;

namespace WeightInit.Transformers;

/// <summary>
/// Tiny Shakespeare: 1,115,394 characters of Shakespeare's plays (public domain), the example corpus of
/// karpathy/char-rnn (<c>data/tinyshakespeare/input.txt</c>) and of nanoGPT's character-level model; shipped in
/// data/tinyshakespeare with its source and checksum (data/tinyshakespeare/README.md).
/// </summary>
public static class TinyShakespeare
{
    /// <summary>The data file's path relative to the repository's root.</summary>
    public const string RelativePath = "data/tinyshakespeare/input.txt";

    /// <summary>
    /// The share of the characters that trains (the first 90%), as nanoGPT's <c>prepare.py</c> splits it.
    /// </summary>
    public const double TrainFraction = 0.9;

    /// <summary>The number of distinct characters of the shipped file: the vocabulary size.</summary>
    public const int VocabularySize = 65;

    /// <summary>
    /// Reads the file (UTF-8) and splits it with <see cref="TextCorpus.Split"/> at <see cref="TrainFraction"/>: for the
    /// shipped file, 65 tokens, 1,003,854 training and 111,540 validation tokens.
    /// </summary>
    /// <param name="path">The file, e.g. from <see cref="FindFile"/>.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TextCorpus Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"The text file '{fullPath}' does not exist.", fullPath);
        return TextCorpus.Split(File.ReadAllText(fullPath, Encoding.UTF8), TrainFraction);
    }

    /// <summary>
    /// Finds <see cref="RelativePath"/> in <paramref name="startDirectory"/> or the nearest of its ancestors that has
    /// it (so that code running in bin/ or in notebooks/ finds the repository's copy).
    /// </summary>
    /// <param name="startDirectory">Where to start looking, e.g. the current directory.</param>
    /// <returns>The full path of the data file.</returns>
    /// <exception cref="FileNotFoundException">No ancestor has the file.</exception>
    public static string FindFile(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"Could not find '{RelativePath}' in '{Path.GetFullPath(startDirectory)}' or any of its parent " +
                $"directories.", RelativePath);
    }
}
