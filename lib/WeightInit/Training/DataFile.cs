using System.IO.Compression;

namespace WeightInit.Training;

/// <summary>What the data set loaders (<see cref="DigitsDataset"/>, <see cref="Mnist1dDataset"/>) share: finding the
/// repository's copy of a file, opening it gzip-compressed or plain, and naming a bad line.</summary>
internal static class DataFile
{
    /// <summary>The full path of <paramref name="path"/>; throws <see cref="FileNotFoundException"/> naming the data
    /// set when there is no such file.</summary>
    public static string Existing(string path, string dataSet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"The {dataSet} file '{fullPath}' does not exist.", fullPath);
        return fullPath;
    }

    /// <summary>
    /// Finds <paramref name="relativePath"/> in <paramref name="startDirectory"/> or the nearest of its ancestors that
    /// has it (so that code running in bin/ or in notebooks/ finds the repository's copy).
    /// </summary>
    public static string Find(string relativePath, string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"Could not find '{relativePath}' in '{Path.GetFullPath(startDirectory)}' " +
            "or any of its parent directories.",
            relativePath);
    }

    /// <summary>Opens a text file, gzip-compressed or plain (detected from its first two bytes).</summary>
    public static StreamReader OpenText(string path)
    {
        var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        bool gzip = read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        return gzip ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress)) : new StreamReader(stream);
    }

    /// <summary>The exception for a malformed line: "path, line n: problem.".</summary>
    public static InvalidDataException Invalid(string path, int line, string problem) =>
        new($"{path}, line {line}: {problem}.");
}
