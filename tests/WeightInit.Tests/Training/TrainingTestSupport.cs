namespace WeightInit.Tests.Training;

internal static class DigitsFixture
{
    private static readonly Lazy<TrainTestSplit> s_split = new(() => DigitsDataset.LoadSplit(Path));

    /// <summary>The repository's digits file, found from the test's working directory upwards.</summary>
    public static string Path => DigitsDataset.FindFile(AppContext.BaseDirectory);

    /// <summary>The fixed split (loaded once per test run).</summary>
    public static TrainTestSplit Split => s_split.Value;
}
