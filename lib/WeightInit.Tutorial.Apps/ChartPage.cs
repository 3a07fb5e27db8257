using Microsoft.FSharp.Core;
using Plotly.NET;

namespace WeightInit.Tutorial.Apps;

/// <summary>
/// A chart as a stand-alone HTML page (Plotly.NET's <c>GenericChart.toEmbeddedHTML</c>) that draws offline: it loads
/// plotly.js from a local file instead of Plotly.NET's default CDN, or, where that file is not installed (a machine
/// with only the .NET SDK), carries the copy of plotly.js that the Plotly.NET package embeds.
/// </summary>
public static class ChartPage
{
    /// <summary>The page of <paramref name="chart"/>, loading plotly.js from <paramref name="plotlyJsUrl"/>.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="plotlyJsUrl">Where the page loads plotly.js from, e.g. a path relative to the page.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(GenericChart chart, string plotlyJsUrl)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(plotlyJsUrl);
        var options = DisplayOptions.init(null, null, null, null, null, null,
            FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NewCDN(plotlyJsUrl)));
        return GenericChart.toEmbeddedHTML(GenericChart.addDisplayOptions(options, chart));
    }

    /// <summary>The page of <paramref name="chart"/> with plotly.js inline: the copy embedded in the Plotly.NET
    /// package (Plotly.NET's <c>PlotlyJSReference.Full</c>), so the page needs no other file and no network.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The HTML document (about 3.6 MB: plotly.js itself).</returns>
    public static string HtmlWithInlinePlotlyJs(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var options = DisplayOptions.init(null, null, null, null, null, null,
            FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        return GenericChart.toEmbeddedHTML(GenericChart.addDisplayOptions(options, chart));
    }

    /// <summary>The URL of <paramref name="file"/> relative to <paramref name="fromFolder"/>, with forward slashes and
    /// escaped segments.</summary>
    /// <param name="fromFolder">The folder of the page.</param>
    /// <param name="file">The file the page refers to.</param>
    /// <returns>A relative URL such as
    /// <c>../../../tools/chart-renderer/node_modules/plotly.js-dist-min/plotly.min.js</c>.</returns>
    public static string RelativeUrl(string fromFolder, string file)
    {
        ArgumentNullException.ThrowIfNull(fromFolder);
        ArgumentNullException.ThrowIfNull(file);
        var relative = Path.GetRelativePath(fromFolder, file);
        return string.Join('/',
            relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
