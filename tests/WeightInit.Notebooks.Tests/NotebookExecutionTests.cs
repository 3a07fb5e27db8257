namespace WeightInit.Notebooks.Tests;

/// <summary>Every notebook runs top to bottom on the real kernel, and its saved text is what its code prints now.</summary>
[Collection(KernelCollection.Name)]
public sealed class NotebookExecutionTests
{
    public static TheoryData<string> Notebooks() => Repository.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_cell_runs_without_error(string notebook)
    {
        var result = await NotebookExecutions.Of(notebook);
        Assert.True(result.CellFailure is null, result.CellFailure);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Saved_text_outputs_match_a_fresh_run(string notebook)
    {
        var result = await NotebookExecutions.Of(notebook);
        Assert.True(result.CellFailure is null, result.CellFailure);
        Assert.True(result.Differences.Count == 0,
            $"{notebook}: saved outputs are stale; run `dotnet run --project tools/WeightInit.Notebooks -c Release -- --only {notebook[..2]}`{Environment.NewLine}" +
            string.Join(Environment.NewLine, result.Differences));
    }
}

/// <summary>Tests that start kernels run one after another (two cores; each kernel uses both).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelCollection
{
    public const string Name = "kernel";
}
