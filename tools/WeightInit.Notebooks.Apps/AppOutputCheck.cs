using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks.Apps;

/// <summary>
/// Compares what an app printed and drew with what its notebook saved, code cell by code cell: the standard output and
/// standard error text must be equal, except the numbers of timing lines (<see cref="TimingLines"/>: they differ from
/// run to run, and say so in both); every chart the notebook saved must be drawn by the app in the same
/// cell, from the same figure (every number within <see cref="RelativeTolerance"/>), as an HTML page that loads plotly.js
/// from a local file. Figure numbers are compared relative to the largest magnitude in their series, so that a value near
/// zero computed as a difference (e.g. a bin edge) may differ in the last bits of the series' scale, as it does between
/// the notebook's kernel and an app, or between two processors' vector widths.
/// </summary>
public static partial class AppOutputCheck
{
    /// <summary>The difference two figure numbers may have, relative to their series' largest magnitude: rounding in the last
    /// digits, not a different experiment.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>The saved text of each code cell of <paramref name="notebook"/> (cell 1, the setup, left out): stdout and stderr.</summary>
    public static IReadOnlyDictionary<int, (string Stdout, string Stderr)> SavedText(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var result = new Dictionary<int, (string, string)>();
        var number = 0;
        foreach (var cell in notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code"))
        {
            if (++number == 1) continue;
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            foreach (var output in cell["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
                if ((string?)output["output_type"] == "stream")
                    ((string?)output["name"] == "stderr" ? stderr : stdout).Append(NotebookFile.JoinText(output["text"]));
            result[number] = (stdout.ToString(), stderr.ToString());
        }
        return result;
    }

    /// <summary>The charts the notebook saved, with the number of the code cell that drew each.</summary>
    public static IReadOnlyList<(int Cell, PlotlyFigure Figure)> SavedCharts(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var result = new List<(int, PlotlyFigure)>();
        var number = 0;
        foreach (var cell in notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code"))
        {
            number++;
            foreach (var output in cell["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
                if (PlotlyChartHtml.TryParse(NotebookChartImages.MimeText(output, NotebookChartImages.HtmlMimeType), out var figure))
                    result.Add((number, figure!));
        }
        return result;
    }

    /// <summary>Compares the app's console (split at its markers) with the notebook's saved text; one message per differing cell.</summary>
    public static IReadOnlyList<string> CompareText(JsonObject notebook, AppConsole stdout, AppConsole stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var differences = new List<string>();
        var saved = SavedText(notebook);
        var sources = CodeSources(notebook);
        foreach (var (number, text) in saved)
        {
            var name = $"code cell {number} ({CodeCell.FirstLine(sources[number - 1])})";
            if (!stdout.Cells.TryGetValue(number, out var printed))
            {
                differences.Add($"{name}: the app never entered it");
                continue;
            }
            if (Normalize(printed) != Normalize(text.Stdout))
                differences.Add($"{name}: the app's standard output differs from the notebook's{Environment.NewLine}{FirstDifferentLine(text.Stdout, printed)}");
            var errors = stderr.Cells.GetValueOrDefault(number, "");
            if (Normalize(errors) != Normalize(text.Stderr))
                differences.Add($"{name}: the app's standard error differs from the notebook's{Environment.NewLine}{FirstDifferentLine(text.Stderr, errors)}");
        }
        foreach (var extra in stdout.Cells.Keys.Where(k => !saved.ContainsKey(k)))
            differences.Add($"the app printed under code cell {extra}, which the notebook does not have (regenerate the apps)");
        if (stdout.Before.Length > 0 || stderr.Before.Length > 0)
            differences.Add($"the app printed before its first cell: {Excerpt(stdout.Before + stderr.Before)}");
        if (!stdout.Ended) differences.Add("the app did not reach its end");
        if (stderr.After.Length > 0) differences.Add($"the app printed to standard error after its last cell: {Excerpt(stderr.After)}");
        return differences;
    }

    /// <summary>
    /// Compares the charts the app wrote into <paramref name="outputFolder"/> (cell-NN.html) with the notebook's saved charts.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="outputFolder">The app's output folder.</param>
    /// <param name="expectImages">Whether every page must have its PNG beside it (the static renderer is installed).</param>
    public static IReadOnlyList<string> CompareCharts(JsonObject notebook, string outputFolder, bool expectImages) =>
        CompareCharts(notebook, outputFolder, expectImages, out _);

    /// <summary>
    /// Compares the charts as <see cref="CompareCharts(JsonObject, string, bool)"/> does, and gives the largest difference
    /// between two figure numbers it saw, relative to their series' scale (0 when every number is bit for bit the same).
    /// </summary>
    public static IReadOnlyList<string> CompareCharts(JsonObject notebook, string outputFolder, bool expectImages, out double largestRelativeDifference)
    {
        largestRelativeDifference = 0;
        var differences = new List<string>();
        var saved = SavedCharts(notebook).GroupBy(c => c.Cell).ToDictionary(g => g.Key, g => g.Select(c => c.Figure).ToList());
        var pages = Directory.Exists(outputFolder) ? Directory.GetFiles(outputFolder, "cell-*.html").Order(StringComparer.Ordinal).ToList() : [];
        var drawn = pages.GroupBy(p => int.Parse(PageName().Match(Path.GetFileName(p)).Groups["cell"].Value, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var cell in saved.Keys.Union(drawn.Keys).Order())
        {
            var expected = saved.GetValueOrDefault(cell) ?? [];
            var files = drawn.GetValueOrDefault(cell) ?? [];
            if (expected.Count != files.Count)
            {
                differences.Add($"code cell {cell}: the notebook saved {expected.Count} chart(s), the app wrote {files.Count}");
                continue;
            }
            for (var i = 0; i < files.Count; i++)
            {
                var page = Path.GetFileName(files[i]);
                var html = File.ReadAllText(files[i]);
                var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
                if (scripts.Count == 0 || scripts.Any(s => s.Contains("://", StringComparison.Ordinal) || s.StartsWith("//", StringComparison.Ordinal)))
                    differences.Add($"code cell {cell}: {page} loads scripts from {string.Join(", ", scripts)}, not only from local files");
                else if (scripts.Any(s => !File.Exists(Path.Combine(outputFolder, Uri.UnescapeDataString(s)))))
                    differences.Add($"code cell {cell}: {page} loads {string.Join(", ", scripts)}, which is not there (scripts/setup.sh installs plotly.js)");
                var difference = FigureDifference(expected[i], PlotlyChartHtml.Parse(html), out var largest);
                largestRelativeDifference = Math.Max(largestRelativeDifference, largest);
                if (difference is not null) differences.Add($"code cell {cell}: {page} is not the notebook's chart: {difference}");
                if (expectImages && !File.Exists(Path.ChangeExtension(files[i], ".png")))
                    differences.Add($"code cell {cell}: {page} has no PNG image beside it");
            }
        }
        return differences;
    }

    /// <summary>The first difference between two figures' data and layout, or null when they agree (numbers within the tolerance).</summary>
    public static string? FigureDifference(PlotlyFigure expected, PlotlyFigure actual) => FigureDifference(expected, actual, out _);

    /// <summary>
    /// The first difference between two figures, as <see cref="FigureDifference(PlotlyFigure, PlotlyFigure)"/>, and the
    /// largest difference between two numbers compared before it, relative to their series' scale.
    /// </summary>
    public static string? FigureDifference(PlotlyFigure expected, PlotlyFigure actual, out double largestRelativeDifference)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        largestRelativeDifference = 0;
        return Difference(expected.Data, actual.Data, "data", 0, ref largestRelativeDifference)
            ?? Difference(expected.Layout, actual.Layout, "layout", 0, ref largestRelativeDifference);
    }

    private static string? Difference(JsonNode? a, JsonNode? b, string path, double scale, ref double largest)
    {
        switch (a, b)
        {
            case (null, null): return null;
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!x.ContainsKey(key) || !y.ContainsKey(key)) return $"{path}.{key} is only in the {(x.ContainsKey(key) ? "notebook's" : "app's")} chart";
                    if (Difference(x[key], y[key], $"{path}.{key}", 0, ref largest) is { } d) return d;
                }
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count) return $"{path} has {x.Count} entries in the notebook's chart, {y.Count} in the app's";
                var series = x.Concat(y).OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.Number)
                    .Select(v => Math.Abs(v.GetValue<double>())).Where(double.IsFinite).DefaultIfEmpty(0).Max();
                for (var i = 0; i < x.Count; i++)
                    if (Difference(x[i], y[i], $"{path}[{i}]", series, ref largest) is { } d) return d;
                return null;
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                double p = x.GetValue<double>(), q = y.GetValue<double>();
                if (p.Equals(q)) return null;
                var relative = Math.Abs(p - q) / Math.Max(scale, Math.Max(Math.Abs(p), Math.Abs(q)));
                if (!(relative <= RelativeTolerance)) return $"{path} is {p} in the notebook's chart, {q} in the app's";
                largest = Math.Max(largest, relative);
                return null;
            default:
                return JsonNode.DeepEquals(a, b) ? null : $"{path} is {Excerpt(a?.ToJsonString() ?? "null")} in the notebook's chart, {Excerpt(b?.ToJsonString() ?? "null")} in the app's";
        }
    }

    /// <summary>Text as it is compared: LF line ends, and the numbers of timing lines replaced by '#'.</summary>
    public static string Normalize(string text) => TimingLines.Normalize(text);

    private static List<string> CodeSources(JsonObject notebook) =>
        notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code").Select(c => NotebookFile.JoinText(c["source"])).ToList();

    private static string FirstDifferentLine(string expected, string actual)
    {
        var a = Normalize(expected).Split('\n');
        var b = Normalize(actual).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<no more lines>";
            var y = i < b.Length ? b[i] : "<no more lines>";
            if (x != y) return $"  line {i + 1}, notebook: {Excerpt(x)}{Environment.NewLine}  line {i + 1}, app:      {Excerpt(y)}";
        }
        return "  (line endings)";
    }

    private static string Excerpt(string text)
    {
        var flat = text.Replace("\n", "\\n", StringComparison.Ordinal);
        return flat.Length > 160 ? flat[..157] + "..." : flat;
    }

    [GeneratedRegex(@"^cell-(?<cell>\d+)(-\d+)?\.html$")]
    private static partial Regex PageName();

    [GeneratedRegex("""<script[^>]*\bsrc="(?<src>[^"]*)"[^>]*>""")]
    private static partial Regex ScriptSource();
}
