using System.Diagnostics;
using System.Text;

namespace WeightInit.Notebooks;

/// <summary>The result of a child process.</summary>
/// <param name="ExitCode">Its exit code; -1 when it was killed at its time limit.</param>
/// <param name="Stdout">Its standard output (UTF-8).</param>
/// <param name="Stderr">Its standard error (UTF-8).</param>
/// <param name="Seconds">Its wall time.</param>
/// <param name="TimedOut">Whether it was killed at its time limit.</param>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, double Seconds, bool TimedOut)
{
    /// <summary>The last <paramref name="lines"/> lines of its output (standard output, then error),
    /// indented.</summary>
    public string Tail(int lines) =>
        string.Join(Environment.NewLine, (Stdout + Stderr).TrimEnd().Split('\n').TakeLast(lines)
            .Select(l => "    " + l.TrimEnd('\r')));
}

/// <summary>Runs a child process with its output captured and a time limit (the process tree is killed past
/// it).</summary>
public static class ChildProcess
{
    /// <summary>The environment every child gets on top of this process's: the .NET CLI without telemetry or
    /// banners.</summary>
    public static readonly IReadOnlyDictionary<string, string> QuietDotnet = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> and waits for it, at most
    /// <paramref name="timeout"/>.</summary>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments, each passed as it is.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="timeout">Its time limit.</param>
    /// <param name="environment">Variables to set for it, on top of this process's environment and
    /// <see cref="QuietDotnet"/>.</param>
    /// <param name="cancellationToken">Cancels the run (the process tree is killed).</param>
    /// <exception cref="InvalidOperationException">The program could not be started.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments,
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in QuietDotnet.Concat(environment ?? new Dictionary<string, string>()))
            start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {file}: {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }
            return new ProcessResult(timedOut ? -1 : process.ExitCode, await stdout, await stderr,
                clock.Elapsed.TotalSeconds, timedOut);
        }
    }
}
