using System.Diagnostics;
using System.Globalization;

namespace WeightInit.Notebooks;

/// <summary>
/// The <c>check</c> verb, the CI path: every notebook executed once with Jupyter, and every check read from that
/// execution: no cell fails, the outputs are the saved ones (<see cref="OutputComparison"/>), a notebook with code
/// prints at least <see cref="MinimumClaimChecks"/> claim checks, and its HTML export (<see cref="HtmlExport"/>) shows
/// every chart, typesets every formula and names no machine path (<see cref="HtmlExportCheck"/>). The committed
/// notebooks are never written.
/// </summary>
public static class NotebookCheck
{
    /// <summary>The fewest claim checks (lines starting with ✓) a notebook with code may print: one behind each
    /// takeaway.</summary>
    public const int MinimumClaimChecks = 3;

    /// <summary>Runs the verb for the repository at <paramref name="root"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string root, ToolOptions options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
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
        foreach (var part in new[] { Path.Combine(folder, "executed"), Path.Combine(folder, "html") })
            if (Directory.Exists(part)) Directory.Delete(part, recursive: true);
        var sanitizer = new OutputSanitizer(root, manifest.Folder);
        var renderer = new ChartRenderer(tools);
        var failures = new List<string>();
        var executed = new List<string>();
        await JupyterExecutor.ExecuteAllAsync(names.Select(manifest.PathOf).ToList(), Path.Combine(folder, "executed"),
            options.Jobs, options.Timeout, async execution =>
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{execution.Name,-44} {execution.Seconds,6:0.0} s");
                var problems = execution.Succeeded
                    ? await CheckExecutionAsync(manifest.PathOf(execution.Name), execution.Path!, sanitizer, renderer,
                        cancellationToken)
                    : ([execution.Failure!], "");
                if (execution.Succeeded) executed.Add(execution.Path!);
                output.WriteLine($"{(problems.Problems.Count == 0 ? "ok  " : "FAIL")} {line}{problems.Summary}");
                failures.AddRange(problems.Problems.Select(p => $"{execution.Name}: {p}"));
            }, cancellationToken);
        var pages = executed.Count == 0
            ? []
            : await CheckHtmlAsync(executed, Path.Combine(folder, "html"), tools, output, cancellationToken);
        failures.AddRange(pages);
        foreach (var failure in failures) error.WriteLine($"FAIL {failure}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check: {names.Count} notebook(s) executed, {failures.Count} problem(s), in " +
            $"{clock.Elapsed.TotalSeconds:0} s; HTML export in {Path.GetRelativePath(root, folder)}/html/index.html"));
        return failures.Count == 0 ? Tool.Success : Tool.Failed;
    }

    // Compares one execution with its saved notebook, then writes it sanitized and with chart images for the export.
    private static async Task<(IReadOnlyList<string> Problems, string Summary)> CheckExecutionAsync(string notebookPath,
        string executedPath, OutputSanitizer sanitizer, ChartRenderer renderer, CancellationToken cancellationToken)
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
        try
        {
            await renderer.AddImagesAsync(executed.Json, cancellationToken);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or TimeoutException)
        {
            problems.Add($"its charts could not be drawn: {e.Message}");
        }
        executed.WriteAtomically();
        var figures = charts == 0 ? "no charts"
            : largest == 0 ? $"{charts} chart(s) bit for bit"
            : string.Create(CultureInfo.InvariantCulture, $"{charts} chart(s) within {largest:0.0e0} of scale");
        return (problems, problems.Count == 0 ? $", outputs as saved ({figures}), {claims} claim check(s)" : "");
    }

    // Exports the executed notebooks to HTML and checks every page in headless chromium; returns the problems.
    private static async Task<IReadOnlyList<string>> CheckHtmlAsync(List<string> executed, string folder,
        BrowserTools tools, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await HtmlExport.ExportAsync(executed, folder, tools, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return [$"HTML export: {e.Message}"];
        }
        var problems = new List<string>();
        var (images, formulas) = (0, 0);
        foreach (var path in executed)
        {
            var json = NotebookFile.Load(path).Json;
            var page = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".html");
            HtmlPageCheck check;
            try
            {
                check = await HtmlExportCheck.CheckPageAsync(tools.ChromiumPath, page,
                    HtmlExportCheck.CountImageOutputs(json), HtmlExportCheck.HasMath(json), cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException
                or FormatException)
            {
                problems.Add($"{Path.GetFileName(page)}: {e.Message}");
                continue;
            }
            var drawn = check.Images.Count(i => i.IsDrawn);
            (images, formulas) = (images + drawn, formulas + check.Math.Typeset);
            problems.AddRange(check.Problems);
            output.WriteLine($"{(check.Problems.Count == 0 ? "ok  " : "FAIL")} {check.Page,-44} {drawn} of " +
                $"{check.ExpectedImages} chart image(s) drawn, {check.Math.Typeset} formula(s) typeset");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTML export: {images} chart images drawn, {formulas} formulas typeset, " +
            $"{executed.Count} page(s) checked in {clock.Elapsed.TotalSeconds:0} s"));
        return problems;
    }
}
