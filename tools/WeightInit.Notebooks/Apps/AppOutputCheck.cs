using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.Apps;

/// <summary>
/// Compares what an app printed and drew with what its notebook saved, code cell by code cell: the standard output and
/// standard error text must be equal (timing lines without their numbers, see
/// <see cref="OutputComparison.NormalizeText"/>); every chart the notebook saved must be drawn by the app in the same
/// cell, from the same figure (<see cref="OutputComparison.FigureDifference"/>), as an HTML page that loads plotly.js
/// from a local file.
/// </summary>
public static partial class AppOutputCheck
{
    /// <summary>The saved text of each code cell of <paramref name="notebook"/> (cell 1, the setup, left out): stdout
    /// and stderr.</summary>
    public static IReadOnlyDictionary<int, (string Stdout, string Stderr)> SavedText(JsonObject notebook)
    {
        var result = new Dictionary<int, (string, string)>();
        foreach (var (number, cell) in NumberedCodeCells(notebook).Skip(1))
        {
            var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
                if ((string?)output["output_type"] == "stream")
                    ((string?)output["name"] == "stderr" ? stderr
                        : stdout).Append(NotebookFile.JoinText(output["text"]));
            result[number] = (stdout.ToString(), stderr.ToString());
        }
        return result;
    }

    /// <summary>Compares the app's console (split at its markers) with the notebook's saved text; one message per
    /// differing cell.</summary>
    public static IReadOnlyList<string> CompareText(JsonObject notebook, AppConsole stdout, AppConsole stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var differences = new List<string>();
        var saved = SavedText(notebook);
        var names = NumberedCodeCells(notebook).ToDictionary(c => c.Number,
            c => $"code cell {c.Number} ({NotebookFile.FirstLine(NotebookFile.JoinText(c.Cell["source"]))})");
        foreach (var (number, text) in saved)
        {
            if (!stdout.Cells.TryGetValue(number, out var printed))
            {
                differences.Add($"{names[number]}: the app never entered it");
                continue;
            }
            var errors = stderr.Cells.GetValueOrDefault(number, "");
            foreach (var (stream, expected, actual) in new[] { ("output", text.Stdout, printed),
                ("error", text.Stderr, errors) })
                if (OutputComparison.NormalizeText(expected) != OutputComparison.NormalizeText(actual))
                    differences.Add($"{names[number]}: the app's standard {stream} differs from the notebook's: " +
                        OutputComparison.FirstDifferentLine(expected, actual, "notebook", "app"));
        }
        foreach (var extra in stdout.Cells.Keys.Where(k => !saved.ContainsKey(k)))
            differences.Add($"the app printed under code cell {extra}, which the notebook does not have (regenerate " +
                "the apps)");
        if (stdout.Before.Length > 0 || stderr.Before.Length > 0)
            differences.Add("the app printed before its first cell: " +
                $"{OutputComparison.Excerpt(stdout.Before + stderr.Before)}");
        if (!stdout.Ended) differences.Add("the app did not reach its end");
        if (stderr.After.Length > 0)
            differences.Add("the app printed to standard error after its last cell: " +
                $"{OutputComparison.Excerpt(stderr.After)}");
        return differences;
    }

    /// <summary>
    /// Compares the charts the app wrote into <paramref name="outputFolder"/> (cell-NN.html) with the notebook's saved
    /// charts, and gives the largest difference between two figure numbers it saw, relative to their series' scale (0
    /// when every number is bit for bit the same).
    /// </summary>
    public static IReadOnlyList<string> CompareCharts(JsonObject notebook, string outputFolder,
        out double largestRelativeDifference)
    {
        largestRelativeDifference = 0;
        var differences = new List<string>();
        var saved = NumberedCodeCells(notebook).ToDictionary(c => c.Number,
            c => PlotlyChart.ChartOutputs(c.Cell).Select(PlotlyChart.FigureOf).ToList());
        var pages = Directory.Exists(outputFolder) ? Directory.GetFiles(outputFolder, "cell-*.html") : [];
        var drawn = pages.Order(StringComparer.Ordinal)
            .GroupBy(p => int.Parse(PageName().Match(Path.GetFileName(p)).Groups["cell"].Value,
                CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var cell in saved.Where(s => s.Value.Count > 0).Select(s => s.Key).Union(drawn.Keys).Order())
        {
            var expected = saved.GetValueOrDefault(cell) ?? [];
            var files = drawn.GetValueOrDefault(cell) ?? [];
            if (expected.Count != files.Count)
            {
                differences.Add($"code cell {cell}: the notebook saved {expected.Count} chart(s), the app wrote " +
                    $"{files.Count}");
                continue;
            }
            for (var i = 0; i < files.Count; i++)
            {
                var page = Path.GetFileName(files[i]);
                var html = File.ReadAllText(files[i]);
                var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
                if (scripts.Count == 0 || scripts.Any(s => s.Contains("://", StringComparison.Ordinal)
                    || s.StartsWith("//", StringComparison.Ordinal)))
                    differences.Add($"code cell {cell}: {page} loads scripts from {string.Join(", ", scripts)}, " +
                        "not only from local files");
                else if (scripts.Any(s => !File.Exists(Path.Combine(outputFolder, Uri.UnescapeDataString(s)))))
                    differences.Add($"code cell {cell}: {page} loads {string.Join(", ", scripts)}, which is not " +
                        "there (scripts/setup.sh installs plotly.js)");
                var difference = OutputComparison.FigureDifference(expected[i], PlotlyChart.Parse(html),
                    out var largest);
                largestRelativeDifference = Math.Max(largestRelativeDifference, largest);
                if (difference is not null) differences.Add($"code cell {cell}: {page} is not the notebook's chart: " +
                    $"{difference}");
            }
        }
        return differences;
    }

    private static IEnumerable<(int Number, JsonObject Cell)> NumberedCodeCells(JsonObject notebook) =>
        NotebookFile.CodeCells(notebook).Select((c, i) => (i + 1, c.Cell));

    [GeneratedRegex(@"^cell-(?<cell>\d+)(-\d+)?\.html$")]
    private static partial Regex PageName();

    [GeneratedRegex("""<script[^>]*\bsrc="(?<src>[^"]*)"[^>]*>""")]
    private static partial Regex ScriptSource();
}
