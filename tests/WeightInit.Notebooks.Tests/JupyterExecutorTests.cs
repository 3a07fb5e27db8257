using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// Small notebooks executed on the real .net-csharp Jupyter kernel (registered by scripts/jupyter-kernel-setup.sh), as
/// check and run execute the notebooks: a claim that fails stops the notebook and is named with its cell (how a compile
/// error is reported is tested on the outputs the kernel saves for it, in <see cref="OutputComparisonTests"/>). The
/// notebooks are written inside the repository (artifacts/), where the kernel finds the pinned tool.
/// </summary>
[Trait("Category", "Notebooks")]
public sealed class JupyterExecutorTests : IDisposable
{
    private readonly DirectoryInfo _folder =
        Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "tests", $"jupyter-{Guid.NewGuid():N}"));

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<(JupyterExecution Execution, JsonObject? Executed)> Execute(params string[] cells)
    {
        var path = Path.Combine(_folder.FullName, "01-test.ipynb");
        File.WriteAllText(path, Fixture.CodeNotebook(cells).ToJsonString());
        var execution = await JupyterExecutor.ExecuteAsync(path,
            Path.Combine(_folder.FullName, "executed", "01-test.ipynb"),
            TimeSpan.FromMinutes(5));
        return (execution, execution.Path is null ? null : NotebookFile.Load(execution.Path).Json);
    }

    private static string Library(string name) => Path.Combine(Repository.Root, "artifacts", "notebook-lib", name);

    [Fact]
    public async Task AFailingClaimStopsTheNotebookAndItsCellAndClaimAreNamed()
    {
        var (execution, executed) = await Execute(
            $"#r \"{Library("WeightInit.dll")}\"\n#r \"{Library("WeightInit.Tutorial.dll")}\"",
            "WeightInit.Tutorial.Claim.Within(0.9, 0.5, 2, \"He keeps the RMS within [0.5, 2]\");",
            "WeightInit.Tutorial.Claim.Within(0.42, 0.5, 2, \"He keeps the RMS within [0.5, 2] at layer 83\");",
            "Console.WriteLine(\"after\");");

        Assert.False(execution.Succeeded);
        Assert.StartsWith("code cell 3 (WeightInit.Tutorial.Claim.Within(0.42", execution.Failure,
            StringComparison.Ordinal);
        Assert.Contains("✗ He keeps the RMS within [0.5, 2] at layer 83 (0.42 ∉ [0.5, 2])", execution.Failure,
            StringComparison.Ordinal);
        Assert.Equal(["✓ He keeps the RMS within [0.5, 2] (0.9 ∈ [0.5, 2])"], OutputComparison.ClaimChecks(executed!));
        Assert.Empty(executed!["cells"]![3]!["outputs"]!.AsArray());
    }
}
