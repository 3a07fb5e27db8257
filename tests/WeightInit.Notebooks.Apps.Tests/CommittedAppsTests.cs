using System.Diagnostics;

namespace WeightInit.Notebooks.Apps.Tests;

/// <summary>The committed apps are the generator's output, and an app run from the wrong folder says what to run.</summary>
public sealed class CommittedAppsTests
{
    [Fact]
    public void The_committed_apps_are_what_the_generator_makes_from_the_notebooks()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = AppFiles.Generate(Repository.Root, check: true, output, error);

        Assert.True(exitCode == 0, error.ToString());
    }

    [Fact]
    [Trait("Category", "App")]
    public async Task An_app_copied_out_of_notebooks_apps_stops_with_the_command_to_run()
    {
        // Two folders below the root, so that the app's #:project paths (../../lib/...) still resolve, and with the apps' build
        // settings beside it (their usings), so that the copy builds: the app itself must then refuse to run there.
        var folder = Path.Combine(Repository.Root, "artifacts", $"app-copy-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            var copy = Path.Combine(folder, "00-reading-order.cs");
            File.Copy(Path.Combine(Repository.Root, "notebooks", "apps", "00-reading-order.cs"), copy);
            File.Copy(Path.Combine(Repository.Root, "notebooks", "apps", "Directory.Build.props"), Path.Combine(folder, "Directory.Build.props"));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
            foreach (var a in new[] { "run", "-c", "Release", "--file", copy }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == WeightInit.Tutorial.Apps.NotebookApp.SetupExitCode, $"exit code {process.ExitCode}: {stdout}{await stderr}");
            Assert.Contains("a notebook app runs where the generator wrote it, in notebooks/apps/", await stderr);
            Assert.Contains("run: dotnet run -c Release --file notebooks/apps/00-reading-order.cs", await stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
