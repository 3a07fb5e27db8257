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

    /// <summary>
    /// Every notebook from 01 on holds its prose to its outputs: at least three claim checks printed (lines starting
    /// with "✓ ", one behind each takeaway). A check that fails throws, so its notebook already fails the tests above
    /// with the claim in the message.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_notebook_from_01_on_prints_at_least_three_claim_checks(string notebook)
    {
        if (notebook.StartsWith("00", StringComparison.Ordinal)) return; // the reading order is prose only
        var result = await NotebookExecutions.Of(notebook);
        Assert.True(result.CellFailure is null, result.CellFailure);
        var checks = TextOutputs.ClaimChecks(result.Fresh.Json);
        Assert.True(checks.Count >= MinimumClaimChecks,
            $"{notebook} prints {checks.Count} claim check(s) (lines starting with '{TextOutputs.ClaimMark}'); every notebook from 01 on needs at least {MinimumClaimChecks}, one behind each takeaway");
    }

    /// <summary>The fewest claim checks a notebook from 01 on may print.</summary>
    public const int MinimumClaimChecks = 3;
}

/// <summary>Tests that start kernels run one after another (two cores; each kernel uses both).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelCollection
{
    public const string Name = "kernel";
}
