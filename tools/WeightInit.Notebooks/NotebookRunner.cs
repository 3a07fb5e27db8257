using System.Diagnostics;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks;

/// <summary>What to do with the notebooks.</summary>
/// <param name="NotebooksFolder">The folder holding the notebooks and their manifest.</param>
/// <param name="RepositoryRoot">The repository root (for sanitizing paths).</param>
/// <param name="Only">Run only the notebooks whose file name starts with one of these (e.g. "01"); empty = all.</param>
/// <param name="Check">Execute without writing; fail when a notebook's saved text outputs differ from the fresh ones.</param>
/// <param name="Timeout">The longest one notebook may run.</param>
public sealed record RunnerOptions(string NotebooksFolder, string RepositoryRoot, IReadOnlyList<string> Only, bool Check, TimeSpan Timeout);

/// <summary>The result of running one notebook.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Seconds">Wall time including the kernel process start.</param>
/// <param name="KernelSeconds">Time inside the kernel (creation and cells).</param>
/// <param name="Committed">The notebook as it was on disk before the run.</param>
/// <param name="Fresh">The notebook with the fresh, sanitized outputs (and processed, unless checking).</param>
/// <param name="CellFailure">The failing cell (index, first line) and its error, naming the notebook; null when every cell ran.</param>
/// <param name="Failure">Why the notebook failed (the cell failure, or text differences in check mode); null on success.</param>
/// <param name="Differences">Text outputs that differ from the committed ones (computed in every mode).</param>
public sealed record NotebookRunResult(string Name, double Seconds, double KernelSeconds, NotebookFile Committed, NotebookFile Fresh,
    string? CellFailure, string? Failure, IReadOnlyList<string> Differences)
{
    /// <summary>True when the notebook ran without a failing cell (and, in check mode, its text outputs matched).</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Executes the listed notebooks in reading order, each in a fresh kernel process, sanitizes the outputs,
/// applies the output processors and writes each notebook back atomically (or, in check mode, compares text outputs).
/// </summary>
public sealed class NotebookRunner(RunnerOptions options, IReadOnlyList<IOutputProcessor> processors)
{
    /// <summary>The manifest's notebooks selected by <see cref="RunnerOptions.Only"/>, in reading order.</summary>
    /// <exception cref="InvalidNotebookException">The manifest disagrees with the folder, or a filter matches nothing.</exception>
    public IReadOnlyList<string> SelectNotebooks()
    {
        var manifest = NotebookManifest.Load(options.NotebooksFolder);
        if (options.Only.Count == 0) return manifest.Names;
        var selected = manifest.Names.Where(n => options.Only.Any(o => n.StartsWith(o, StringComparison.OrdinalIgnoreCase))).ToList();
        if (selected.Count == 0) throw new InvalidNotebookException($"--only {string.Join(',', options.Only)}: no listed notebook starts with that");
        return selected;
    }

    /// <summary>Runs one notebook: execute in a child process, sanitize, process, then write or compare.</summary>
    public async Task<NotebookRunResult> RunAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Path.GetFullPath(options.NotebooksFolder), name);
        var committed = NotebookFile.Load(path);
        var fresh = NotebookFile.Load(path);
        var stopwatch = Stopwatch.StartNew();
        var execution = await ChildProcessExecutor.ExecuteAsync(path, options.Timeout, cancellationToken);
        var sanitizer = new OutputSanitizer(options.RepositoryRoot, options.NotebooksFolder);
        var sanitized = new NotebookExecution(
            execution.Cells.Select(c => c with { Outputs = sanitizer.Sanitize(c.Outputs), Error = c.Error is null ? null : sanitizer.Replace(c.Error) }).ToList(),
            execution.KernelSeconds);
        fresh.SetOutputs(sanitized.Cells.ToDictionary(c => c.CellIndex, c => c.Outputs));
        string? cellFailure = null;
        if (sanitized.FirstFailure is { } failed)
        {
            var source = NotebookFile.JoinText(fresh.Cells[failed.CellIndex]!["source"]);
            cellFailure = $"{name}: cell {failed.CellIndex} ({TextOutputs.FirstLine(source)}) failed:{Environment.NewLine}{failed.Error}";
        }
        var failure = cellFailure;
        var differences = TextOutputs.Compare(committed.Json, fresh.Json);
        if (options.Check)
        {
            if (failure is null && differences.Count > 0)
                failure = $"{name}: saved outputs are stale (run the notebooks to refresh them):{Environment.NewLine}{string.Join(Environment.NewLine, differences)}";
        }
        else if (failure is null)
        {
            // A failing notebook is not written: its saved outputs stay those of the last good run.
            var processed = new ProcessedNotebook(name, path, fresh.Json);
            foreach (var processor in processors) await processor.ProcessAsync(processed, cancellationToken);
            fresh.WriteAtomically();
        }
        return new NotebookRunResult(name, stopwatch.Elapsed.TotalSeconds, execution.KernelSeconds, committed, fresh, cellFailure, failure, differences);
    }
}
