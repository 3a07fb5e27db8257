using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// Executes one notebook in a fresh child process of this program (<c>--execute-one</c>), so that every
/// notebook starts from a clean process: no assembly, formatter, current directory or static state
/// left by an earlier notebook. The child writes its <see cref="NotebookExecution"/> as JSON to a temporary file.
/// </summary>
public static class ChildProcessExecutor
{
    /// <summary>The command-line switch that makes this program execute one notebook and exit.</summary>
    public const string ExecuteOneSwitch = "--execute-one";

    /// <summary>The switch naming the file the child writes its result to.</summary>
    public const string ResultSwitch = "--result";

    /// <summary>Runs <paramref name="notebookPath"/> in a child process and returns its cells' outputs.</summary>
    /// <exception cref="NotebookExecutionException">The child crashed or timed out; the message names the notebook.</exception>
    public static async Task<NotebookExecution> ExecuteAsync(string notebookPath, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(notebookPath, Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, timeout, cancellationToken);

    /// <summary>Runs <paramref name="notebookPath"/> in a child process whose current directory is <paramref name="workingDirectory"/>.</summary>
    public static async Task<NotebookExecution> ExecuteAsync(string notebookPath, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(notebookPath);
        var resultFile = Path.Combine(Path.GetTempPath(), $"weightinit-notebook-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var runner = typeof(ChildProcessExecutor).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetFullPath(workingDirectory),
        };
        foreach (var a in new[] { "exec", runner, ExecuteOneSwitch, Path.GetFullPath(notebookPath), ResultSwitch, resultFile }) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            using var process = Process.Start(start) ?? throw new NotebookExecutionException($"{name}: could not start the kernel process");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested) throw;
                throw new NotebookExecutionException($"{name}: did not finish within {timeout.TotalSeconds:0} s");
            }
            var output = (await stdout + await stderr).Trim();
            if (process.ExitCode != 0 || !File.Exists(resultFile))
                throw new NotebookExecutionException($"{name}: the kernel process failed (exit code {process.ExitCode}){(output.Length > 0 ? Environment.NewLine + output : "")}");
            return NotebookExecution.FromJson(JsonNode.Parse(await File.ReadAllTextAsync(resultFile, cancellationToken))!.AsObject());
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>The entry point of the child process: executes the notebook and writes the result file.</summary>
    public static async Task<int> RunChildAsync(string notebookPath, string resultFile)
    {
        var execution = await KernelCellExecutor.ExecuteAsync(notebookPath, Directory.GetCurrentDirectory());
        var temporary = resultFile + ".tmp";
        await File.WriteAllTextAsync(temporary, execution.ToJson().ToJsonString());
        File.Move(temporary, resultFile, overwrite: true);
        return 0;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
        return "dotnet";
    }
}

/// <summary>A notebook could not be executed (a failing cell, a crashed or timed-out kernel process).</summary>
public sealed class NotebookExecutionException(string message) : Exception(message);
