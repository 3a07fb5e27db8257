using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>One notebook as Jupyter executed it.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Path">The executed notebook's file (null when the kernel could not run it).</param>
/// <param name="Failure">Why it failed: the failing code cell and its error, a time-out, or the kernel's own failure;
/// null when every cell ran.</param>
/// <param name="Seconds">Its wall time, kernel start included.</param>
public sealed record JupyterExecution(string Name, string? Path, string? Failure, double Seconds)
{
    /// <summary>True when every cell ran.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Executes notebooks as their readers run them: on the <c>.net-csharp</c> Jupyter kernel (the pinned
/// dotnet-interactive tool, registered by <c>scripts/jupyter-kernel-setup.sh</c>, as on Binder), started in the
/// notebook's folder, through nbclient, the library behind <c>jupyter nbconvert --execute</c>
/// (<c>execute_notebook.py</c>, run by Debian's python3, where <c>scripts/setup.sh</c> installs python3-nbclient).
/// Execution stops at the first failing cell; the executed notebook keeps the outputs up to it.
/// </summary>
public static class JupyterExecutor
{
    /// <summary>The Jupyter kernel the notebooks name and run on.</summary>
    public const string KernelName = ".net-csharp";

    // execute_notebook.py's exit code when the kernel died before it ran a cell.
    private const int KernelDiedAtStart = 4;

    /// <summary>Debian's python3: a python3 earlier on the PATH (pyenv, a virtual environment) may lack
    /// nbclient.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Executes <paramref name="notebookPath"/> into <paramref name="outputPath"/> (never the
    /// notebook).</summary>
    /// <param name="notebookPath">The notebook.</param>
    /// <param name="outputPath">Where the executed notebook is written.</param>
    /// <param name="timeout">The longest the notebook may run (also the longest one cell may run).</param>
    /// <param name="cancellationToken">Cancels the run (the kernel is stopped).</param>
    public static async Task<JupyterExecution> ExecuteAsync(string notebookPath, string outputPath, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var name = System.IO.Path.GetFileName(notebookPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(outputPath))!);
        File.Delete(outputPath);
        if (!NotebookFile.CodeCells(NotebookFile.Load(notebookPath).Json).Any())
        {
            // Nothing to run: a prose-only notebook (the reading order) is its own execution, without a kernel.
            File.Copy(notebookPath, outputPath);
            return new JupyterExecution(name, outputPath, null, 0);
        }
        var driver = System.IO.Path.Combine(AppContext.BaseDirectory, "execute_notebook.py");
        var seconds = ((int)Math.Ceiling(timeout.TotalSeconds))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ProcessResult run;
        var attempts = 0;
        do
        {
            // A kernel that dies before it runs a cell (two kernels starting at once may race for a port) is started
            // once more; a kernel that dies later fails the notebook.
            run = await ChildProcess.RunAsync(File.Exists(Python) ? Python : "python3",
                [driver, notebookPath, outputPath, KernelName, seconds],
                System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(notebookPath))!,
                timeout + TimeSpan.FromMinutes(1), cancellationToken: cancellationToken);
        }
        while (run.ExitCode == KernelDiedAtStart && ++attempts < 2);
        string? failure = run switch
        {
            { TimedOut: true } => $"did not finish within {timeout.TotalSeconds:0} s",
            { ExitCode: 0 } when File.Exists(outputPath) => null,
            { ExitCode: KernelDiedAtStart } => $"the kernel died before it ran a cell, twice:{Environment.NewLine}" +
                run.Tail(30),
            { ExitCode: 3 } when File.Exists(outputPath) =>
                FirstFailure(NotebookFile.Load(outputPath).Json) ?? "a cell failed, but no cell has an error output",
            _ => $"the kernel could not run it (exit code {run.ExitCode}):{Environment.NewLine}{run.Tail(30)}",
        };
        return new JupyterExecution(name, File.Exists(outputPath) ? outputPath : null, failure,
            clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Executes the notebooks, up to <paramref name="jobs"/> at once, and hands each execution to
    /// <paramref name="completed"/> in the order of <paramref name="notebookPaths"/>, as soon as it and the ones before
    /// it are done.
    /// </summary>
    public static async Task ExecuteAllAsync(IReadOnlyList<string> notebookPaths, string outputFolder, int jobs,
        TimeSpan timeout, Func<JupyterExecution, Task> completed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebookPaths);
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        using var slots = new SemaphoreSlim(jobs);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var executions = notebookPaths.Select(async path =>
        {
            await slots.WaitAsync(stop.Token);
            try
            {
                var output = System.IO.Path.Combine(outputFolder, System.IO.Path.GetFileName(path));
                return await ExecuteAsync(path, output, timeout, stop.Token);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        try
        {
            foreach (var execution in executions) await completed(await execution);
        }
        finally
        {
            // When a hand-over throws, the executions still running are stopped before the exception leaves.
            await stop.CancelAsync();
            await Task.WhenAll(executions.Select(e => e.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    /// <summary>
    /// The first failing cell of an executed notebook (its first error output), as a message naming the code cell and
    /// the error; null when no cell failed.
    /// </summary>
    public static string? FirstFailure(JsonObject executed)
    {
        var number = 0;
        foreach (var (_, cell) in NotebookFile.CodeCells(executed))
        {
            number++;
            var error = (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(o => (string?)o["output_type"] == "error");
            if (error is null) continue;
            // The kernel's error: a runtime exception's message and stack, or "compilation error" with the compiler's
            // diagnostics on the cell's standard error.
            var message = ((string?)error["evalue"] ?? "").Trim();
            var traceback = string.Join('\n', (error["traceback"] as JsonArray ?? []).Select(t => (string?)t)).Trim();
            var stderr = string.Concat((cell["outputs"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stderr")
                .Select(o => NotebookFile.JoinText(o["text"]))).Trim();
            var detail = string.Join(Environment.NewLine, new[]
            {
                traceback.Contains(message, StringComparison.Ordinal) ? "" : message, traceback, stderr,
            }.Where(p => p.Length > 0));
            var source = NotebookFile.FirstLine(NotebookFile.JoinText(cell["source"]));
            return $"code cell {number} ({source}) failed:{Environment.NewLine}{detail}";
        }
        return null;
    }
}
