using System.IO.Compression;

namespace WeightInit.Tests.Training;

public sealed class DigitsDatasetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("digits-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly int[] s_classCounts = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

    [Fact]
    public void ShippedFileHas1797SamplesWithTheDocumentedClassCounts()
    {
        var data = DigitsDataset.Load(DigitsFixture.Path);
        Assert.Equal(1797, data.Count);
        Assert.Equal(64, data.FeatureCount);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal(s_classCounts, data.ClassCounts());
        foreach (double x in data.Features) Assert.InRange(x, 0.0, 1.0);
        // The first line of the file: 0,0,5,13,9,1,0,0, ... label 0; features are pixel / 16.
        Assert.Equal(new double[] { 0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0, 0 }, data.FeaturesOf(0)[..8]
            .ToArray());
        Assert.Equal(0, data.Labels[0]);
        Assert.Equal(1, data.Labels[1]);
    }

    [Fact]
    public void PlainCsvLoadsTheSameAsGzip()
    {
        string plain = Path.Combine(_dir, "digits.csv");
        using (var gz = new GZipStream(File.OpenRead(DigitsFixture.Path), CompressionMode.Decompress))
        using (var output = File.Create(plain))
            gz.CopyTo(output);
        var a = DigitsDataset.Load(DigitsFixture.Path);
        var b = DigitsDataset.Load(plain);
        Assert.True(a.Features.SequenceEqual(b.Features));
        Assert.True(a.Labels.SequenceEqual(b.Labels));
    }

    [Fact]
    public void FixedSplitIsStratifiedDisjointCompleteAndDeterministic()
    {
        var split = DigitsDataset.LoadSplit(DigitsFixture.Path);
        Assert.Equal(1347, split.Train.Count);
        Assert.Equal(450, split.Test.Count);
        var testCounts = split.Test.ClassCounts();
        for (int c = 0; c < 10; c++)
            Assert.Equal((int)Math.Round(0.25 * s_classCounts[c], MidpointRounding.ToEven), testCounts[c]);
        var all = split.TrainIndices.Concat(split.TestIndices).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 1797), all);
        Assert.True(split.TestIndices.SequenceEqual(split.TestIndices.Order()));

        var again = DigitsDataset.LoadSplit(DigitsFixture.Path);
        Assert.Equal(split.TestIndices, again.TestIndices);
        var other = DigitsDataset.Load(DigitsFixture.Path).StratifiedSplit(0.25, seed: 7);
        Assert.NotEqual(split.TestIndices, other.TestIndices);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void SplitRejectsTestFractionOutsideZeroOne(double fraction)
    {
        var data = DigitsFixture.Split.Test;
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => data.StratifiedSplit(fraction, 1));
        Assert.Equal("testFraction", e.ParamName);
    }

    [Fact]
    public void MissingFileThrowsFileNotFoundNamingTheFile()
    {
        string path = Path.Combine(_dir, "nope.csv.gz");
        var e = Assert.Throws<FileNotFoundException>(() => DigitsDataset.Load(path));
        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message);
    }

    private string Write(params string[] lines)
    {
        string path = Path.Combine(_dir, $"bad-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Row(int label, int pixel = 3, int pixels = 64) =>
        string.Join(',', Enumerable.Repeat(pixel, pixels)) + "," + label;

    private static void AssertInvalid(string path, int line, string fragment)
    {
        var e = Assert.Throws<InvalidDataException>(() => DigitsDataset.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains($"line {line}:", e.Message);
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void MalformedValueNamesFileAndLine() =>
        AssertInvalid(Write(Row(1), Row(2), Row(3).Replace("3,3,3", "3,x7,3")), 3, "'x7' is not a number");

    [Fact]
    public void TooFewColumnsNamesFileAndLine() =>
        AssertInvalid(Write(Row(1), Row(2, pixels: 63)), 2, "found 64");

    [Fact]
    public void TooManyColumnsNamesFileAndLine() =>
        AssertInvalid(Write(Row(1, pixels: 70)), 1, "found 71");

    [Fact]
    public void LabelOutOfRangeNamesFileAndLine() =>
        AssertInvalid(Write(Row(1), Row(9), Row(10)), 3, "label 10 is outside 0..9");

    [Fact]
    public void NonIntegerLabelNamesFileAndLine() =>
        AssertInvalid(Write(Row(1).TrimEnd('1') + "1.5"), 1, "'1.5' is not an integer");

    [Fact]
    public void PixelOutOfRangeNamesFileAndLine() =>
        AssertInvalid(Write(Row(4), Row(5, pixel: 17)), 2, "outside 0..16");

    [Fact]
    public void EmptyLineNamesFileAndLine() =>
        AssertInvalid(Write(Row(4), "", Row(5)), 2, "empty");

    [Fact]
    public void EmptyFileIsInvalid()
    {
        string path = Write();
        var e = Assert.Throws<InvalidDataException>(() => DigitsDataset.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void SmallValidFileLoads()
    {
        var data = DigitsDataset.Load(Write(Row(7, pixel: 16), Row(0, pixel: 0)));
        Assert.Equal(2, data.Count);
        Assert.Equal(new[] { 7, 0 }, data.Labels.ToArray());
        Assert.All(data.FeaturesOf(0).ToArray(), x => Assert.Equal(1.0, x));
    }
}
