using System.Diagnostics;
using System.Globalization;

namespace WeightInit.Notebooks.Site;

/// <summary>The <c>site</c> verb: the book site built from the committed notebooks, checked on request.</summary>
internal static class SiteVerb
{
    /// <summary>Runs the verb for the repository at <paramref name="root"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string root, ToolOptions options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        // Building needs only plotly.js (a publishing machine may have no chromium); checking needs the browser too.
        var tools = options.CheckOnly ? BrowserTools.Locate(root) : null;
        var plotly = tools?.PlotlyJsPath ?? BrowserTools.PlotlyJsFile(root);
        if (!File.Exists(plotly))
            throw new BrowserToolsMissingException(
                $"plotly.js is not installed ({plotly}). {BrowserTools.InstallHint}");
        var folder = Path.Combine(Path.GetFullPath(Path.Combine(root, options.Out)), "site");
        IReadOnlyList<(string Page, int Charts)> pages;
        try
        {
            pages = await BookSite.BuildAsync(root, Path.Combine(root, "notebooks"), folder, plotly, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"FAIL book site: {e.Message}");
            return Tool.Failed;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"site: {pages.Count} notebook page(s) built in {clock.Elapsed.TotalSeconds:0} s into " +
            $"{Path.GetRelativePath(root, folder)}/_site"));
        if (!options.CheckOnly) return Tool.Success;
        var problems = await BookSite.CheckAsync(root, Path.Combine(folder, "_site"), pages, tools!, output,
            cancellationToken);
        foreach (var problem in problems) error.WriteLine($"FAIL {problem}");
        return problems.Count == 0 ? Tool.Success : Tool.Failed;
    }
}
