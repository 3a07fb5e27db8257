using System.Diagnostics;

namespace WeightInit.Notebooks.Tests.Apps;

/// <summary>
/// Apps run by the .NET SDK: an app run from the wrong folder says what to run; an app whose claim fails exits with
/// code
/// 1 and the claim. (That the committed apps are the generator's output is checked by the tool's apps --check and
/// check-apps, not here: it compiles every app.)
/// </summary>
public sealed class CommittedAppsTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunApp(string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Repository.Root };
        foreach (var a in new[] { "run", "-c", "Release", "--file", file }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout, await stderr);
    }

    [Fact]
    [Trait("Category", "Notebooks")]
    public async Task AnAppWhoseClaimFailsExitsWithCode1NamingTheCellAndTheClaim()
    {
        var name = $"zz-failing-claim-{Environment.ProcessId}";
        var file = Path.Combine(Repository.Root, "notebooks", "apps", name + ".cs");
        var header = string.Concat(File.ReadLines(Path.Combine(Repository.Root, "notebooks", "apps",
            "00-reading-order.cs")).Where(l => l.StartsWith("#:", StringComparison.Ordinal)).Select(l => l + "\n"));
        File.WriteAllText(file, header + $$"""
            NotebookApp.Start("{{name}}");
            NotebookApp.Cell(2);
            Claim.Within(1.5, 0.5, 2, "the RMS stays within [0.5, 2]");
            NotebookApp.Cell(3);
            Claim.Within(3, 0.5, 2, "the RMS stays within [0.5, 2] at layer 100");
            NotebookApp.Finish();
            """);
        try
        {
            var (exitCode, stdout, stderr) = await RunApp(file);

            Assert.True(exitCode == WeightInit.Tutorial.Apps.NotebookApp.FailedExitCode,
                $"exit code {exitCode}: {stdout}{stderr}");
            Assert.Equal("✓ the RMS stays within [0.5, 2] (1.5 ∈ [0.5, 2])\n", stdout);
            Assert.Contains($"{name}.cs, code cell 3: a claim does not hold: ✗ the RMS stays within [0.5, 2] at " +
                "layer 100 (3 ∉ [0.5, 2])", stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
