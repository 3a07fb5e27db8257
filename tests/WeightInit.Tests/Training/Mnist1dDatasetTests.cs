using System.IO.Compression;
using System.Security.Cryptography;

namespace WeightInit.Tests.Training;

/// <summary>The shipped MNIST-1D file as data/mnist1d/README.md documents it, and the loader's rules.</summary>
public sealed class Mnist1dDatasetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mnist1d-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static string ShippedPath => Mnist1dDataset.FindFile(AppContext.BaseDirectory);

    [Fact]
    public void ShippedFileIsTheDocumentedOne()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ShippedPath)));
        Assert.Equal("9335ace0c732ddf2415040525cd9d02a1876838f7936da9af5aeac49ab652f47", hash);
        var split = Mnist1dDataset.Load(ShippedPath);
        Assert.Equal((4000, 1000), (split.Train.Count, split.Test.Count));
        Assert.Equal((40, 10), (split.Train.FeatureCount, split.Train.ClassCount));
        Assert.Equal([398, 396, 411, 394, 394, 402, 401, 404, 402, 398], split.Train.ClassCounts());
        Assert.Equal([102, 104, 89, 106, 106, 98, 99, 96, 98, 102], split.Test.ClassCounts());
        Assert.Equal(-0.33200568, split.Train.FeaturesOf(0)[0]);
        Assert.Equal(Enumerable.Range(4000, 1000), split.TestIndices);

        // Mean 0 and standard deviation 1 over the whole set, up to the float32 rounding (at most 2.4e-7 a value).
        double[] all = [.. split.Train.Features.ToArray(), .. split.Test.Features.ToArray()];
        double mean = all.Average(), std = Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / all.Length);
        Assert.Equal(0, mean, 3e-7);
        Assert.Equal(1, std, 3e-7);
    }

    [Fact]
    public void PlainCsvLoadsTheSameAsGzip()
    {
        string plain = Path.Combine(_dir, "mnist1d.csv");
        File.WriteAllLines(plain, ReadLines());
        var a = Mnist1dDataset.Load(ShippedPath);
        var b = Mnist1dDataset.Load(plain);
        Assert.True(a.Train.Features.SequenceEqual(b.Train.Features));
        Assert.True(a.Test.Labels.SequenceEqual(b.Test.Labels));
    }

    private static string[] ReadLines()
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(ShippedPath), CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData(17, "1.5,2", "line 17: expected 41")]
    [InlineData(3, "x", "line 3: value 1 'x'")]
    [InlineData(5000, "label", "line 5000: the label 'label'")]
    [InlineData(9, "NaN", "line 9: value 1 'NaN'")]
    public void MalformedLineNamesTheLine(int line, string replacement, string expected)
    {
        var lines = ReadLines();
        var fields = lines[line - 1].Split(',');
        if (replacement == "label") fields[^1] = "10";
        else if (replacement.Contains(',', StringComparison.Ordinal)) fields = replacement.Split(',');
        else fields[0] = replacement;
        lines[line - 1] = string.Join(',', fields);
        string path = Path.Combine(_dir, "bad.csv");
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<InvalidDataException>(() => Mnist1dDataset.Load(path));
        Assert.Contains(expected.Replace("'label'", "'10'", StringComparison.Ordinal), e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void WrongNumberOfLinesIsRefused()
    {
        var lines = ReadLines();
        string shorter = Path.Combine(_dir, "short.csv"), longer = Path.Combine(_dir, "long.csv");
        File.WriteAllLines(shorter, lines[..4999]);
        File.WriteAllLines(longer, [.. lines, lines[0]]);
        Assert.Contains("4999 lines", Assert.Throws<InvalidDataException>(() => Mnist1dDataset.Load(shorter)).Message,
            StringComparison.Ordinal);
        Assert.Contains("more than 5000", Assert.Throws<InvalidDataException>(() =>
            Mnist1dDataset.Load(longer)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileAndBadArgumentsAreRefused()
    {
        Assert.Throws<FileNotFoundException>(() => Mnist1dDataset.Load(Path.Combine(_dir, "none.csv.gz")));
        Assert.Throws<FileNotFoundException>(() => Mnist1dDataset.FindFile(_dir));
        Assert.Equal("path", Assert.ThrowsAny<ArgumentException>(() => Mnist1dDataset.Load(" ")).ParamName);
        Assert.Equal("startDirectory", Assert.ThrowsAny<ArgumentException>(() =>
            Mnist1dDataset.FindFile("")).ParamName);
    }
}
