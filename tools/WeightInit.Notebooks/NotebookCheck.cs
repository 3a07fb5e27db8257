using System.Diagnostics;
using System.Globalization;
using WeightInit.Notebooks.Site;

namespace WeightInit.Notebooks;

/// <summary>
/// The <c>check</c> verb, the CI path: every notebook executed once with Jupyter, and every check read from that
/// execution: no cell fails, the outputs are the saved ones (<see cref="OutputComparison"/>), a notebook with code
/// prints at least <see cref="MinimumClaimChecks"/> claim checks; then the book site is built from the executions
/// (<see cref="BookSite"/>) and checked in headless chromium: every page loads without an error, every live chart
/// draws, every slider moves its chart, every formula is typeset, every internal link resolves, the search finds a
/// term. The committed notebooks are never written.
/// </summary>
internal static class NotebookCheck
{
    /// <summary>The fewest claim checks (lines starting with ✓) a notebook with code may print: one behind each
    /// takeaway.</summary>
    public const int MinimumClaimChecks = 3;

    /// <summary>Runs the verb for the repository at <paramref name="root"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string root, ToolOptions options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var manifest = NotebookManifest.Load(Path.Combine(root, "notebooks"));
        var names = manifest.Select(options.Only);
        var tools = BrowserTools.Locate(root);
        if (!await KernelSpecCheck.ReportAsync(names.Select(manifest.PathOf), error, cancellationToken))
            return Tool.Failed;
        output.WriteLine(
            $"kernelspec: {names.Count} notebook(s) name the registered {JupyterExecutor.KernelName} kernel");
        var folder = Path.GetFullPath(Path.Combine(root, options.Out));
        // Only what an earlier check wrote there goes: --out may name a folder that holds other files.
        foreach (var part in new[] { Path.Combine(folder, "executed"), Path.Combine(folder, "site") })
            if (Directory.Exists(part)) Directory.Delete(part, recursive: true);
        var sanitizer = new OutputSanitizer(root, manifest.Folder);
        var failures = new List<string>();
        await JupyterExecutor.ExecuteAllAsync(names.Select(manifest.PathOf).ToList(), Path.Combine(folder, "executed"),
            options.Jobs, options.Timeout, execution =>
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{execution.Name,-44} {execution.Seconds,6:0.0} s");
                var problems = execution.Succeeded
                    ? CheckExecution(manifest.PathOf(execution.Name), execution.Path!, sanitizer)
                    : ([execution.Failure!], "");
                output.WriteLine($"{(problems.Problems.Count == 0 ? "ok  " : "FAIL")} {line}{problems.Summary}");
                failures.AddRange(problems.Problems.Select(p => $"{execution.Name}: {p}"));
                return Task.CompletedTask;
            }, cancellationToken);
        // The site is built from every notebook, so only a check of all of them builds it.
        if (options.Only.Count == 0 && failures.Count == 0)
            failures.AddRange(await CheckSiteAsync(root, Path.Combine(folder, "executed"), Path.Combine(folder, "site"),
                tools, output, cancellationToken));
        foreach (var failure in failures) error.WriteLine($"FAIL {failure}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check: {names.Count} notebook(s) executed, {failures.Count} problem(s), in " +
            $"{clock.Elapsed.TotalSeconds:0} s; book site in " +
            $"{Path.GetRelativePath(root, folder)}/site/_site/index.html"));
        return failures.Count == 0 ? Tool.Success : Tool.Failed;
    }

    // Compares one execution with its saved notebook, then writes it sanitized, for the book site.
    private static (IReadOnlyList<string> Problems, string Summary) CheckExecution(string notebookPath,
        string executedPath, OutputSanitizer sanitizer)
    {
        var saved = NotebookFile.Load(notebookPath).Json;
        var executed = NotebookFile.Load(executedPath);
        sanitizer.SanitizeNotebook(executed.Json);
        var problems = OutputComparison.Compare(saved, executed.Json, out var largest).ToList();
        var claims = OutputComparison.ClaimChecks(executed.Json).Count;
        if (NotebookFile.CodeCells(saved).Any() && claims < MinimumClaimChecks)
            problems.Add($"it prints {claims} claim check(s) (lines starting with '{OutputComparison.ClaimMark}'); a " +
                $"notebook with code needs at least {MinimumClaimChecks}, one behind each takeaway");
        var charts = PlotlyChart.ChartOutputsOf(executed.Json).Count;
        executed.WriteAtomically();
        var figures = charts == 0 ? "no charts"
            : largest == 0 ? $"{charts} chart(s) bit for bit"
            : string.Create(CultureInfo.InvariantCulture, $"{charts} chart(s) within {largest:0.0e0} of scale");
        return (problems, problems.Count == 0 ? $", outputs as saved ({figures}), {claims} claim check(s)" : "");
    }

    // Builds the book site from the executed notebooks and checks it in headless chromium; returns the problems.
    private static async Task<IReadOnlyList<string>> CheckSiteAsync(string root, string executedFolder, string folder,
        BrowserTools tools, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Page, int Charts)> pages;
        try
        {
            pages = await BookSite.BuildAsync(root, executedFolder, folder, tools.PlotlyJsPath, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return [$"book site: {e.Message}"];
        }
        return await BookSite.CheckAsync(root, Path.Combine(folder, "_site"), pages, tools, output,
            cancellationToken);
    }
}
