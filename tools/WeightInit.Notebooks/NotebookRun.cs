using System.Diagnostics;
using System.Globalization;
using WeightInit.Notebooks.Apps;

namespace WeightInit.Notebooks;

/// <summary>
/// The <c>run</c> verb, the writer path: executes each notebook with Jupyter (<see cref="JupyterExecutor"/>), and
/// writes it back with the fresh outputs, sanitized (<see cref="OutputSanitizer"/>), each chart with a stable id
/// (<see cref="StableChartIds"/>) and a PNG (<see cref="ChartRenderer"/>); a notebook with a failing cell is not
/// written. First it rewrites the tables of notebooks in README.md and the map notebook from the manifest's summaries
/// (<see cref="NotebookTables"/>); last it regenerates the apps (<see cref="AppFiles"/>).
/// </summary>
internal static class NotebookRun
{
    /// <summary>Runs the verb for the repository at <paramref name="root"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string root, ToolOptions options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var manifest = NotebookManifest.Load(Path.Combine(root, "notebooks"));
        var names = manifest.Select(options.Only);
        foreach (var updated in NotebookTables.Update(root, write: true))
            output.WriteLine($"ok   {updated}: its table of notebooks rewritten from {NotebookManifest.FileName}");
        var renderer = new ChartRenderer(BrowserTools.Locate(root));
        if (!await KernelSpecCheck.ReportAsync(names.Select(manifest.PathOf), error, cancellationToken))
            return Tool.Failed;
        var sanitizer = new OutputSanitizer(root, manifest.Folder);
        var failures = new List<string>();
        await JupyterExecutor.ExecuteAllAsync(names.Select(manifest.PathOf).ToList(),
            Path.Combine(root, "artifacts", "notebooks", "run"), options.Jobs, options.Timeout, async execution =>
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{execution.Name,-44} {execution.Seconds,6:0.0} s");
                if (!execution.Succeeded)
                {
                    output.WriteLine($"FAIL {line}, not written");
                    failures.Add($"{execution.Name}: {execution.Failure}");
                    return;
                }
                try
                {
                    var (changes, charts) = await WriteAsync(manifest.PathOf(execution.Name), execution.Path!,
                        sanitizer, renderer, cancellationToken);
                    output.WriteLine($"ok   {line}, written ({(changes == 0 ? "outputs as saved" : $"{changes} code " +
                        "cell(s) changed")}, {charts} chart image(s))");
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or TimeoutException)
                {
                    output.WriteLine($"FAIL {line}, not written");
                    failures.Add($"{execution.Name}: its charts could not be drawn: {e.Message}");
                }
            }, cancellationToken);
        foreach (var failure in failures) error.WriteLine($"FAIL {failure}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run: {names.Count - failures.Count} of {names.Count} notebook(s) written in " +
            $"{clock.Elapsed.TotalSeconds:0} s"));
        if (failures.Count > 0) return Tool.Failed;
        return AppFiles.Generate(root, check: false, output, error);
    }

    // Writes the notebook with the outputs of its execution; returns how many code cells changed and how many charts
    // it drew.
    private static async Task<(int Changes, int Charts)> WriteAsync(string notebookPath, string executedPath,
        OutputSanitizer sanitizer, ChartRenderer renderer, CancellationToken cancellationToken)
    {
        var executed = NotebookFile.Load(executedPath).Json;
        sanitizer.SanitizeNotebook(executed);
        var notebook = NotebookFile.Load(notebookPath);
        var changes = OutputComparison.Compare(notebook.Json, executed, out _).Count;
        notebook.SetOutputs(executed);
        StableChartIds.Apply(notebook.Json, notebook.Name);
        var charts = await renderer.AddImagesAsync(notebook.Json, cancellationToken);
        notebook.WriteAtomically();
        return (changes, charts);
    }
}
