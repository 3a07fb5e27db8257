using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks;

/// <summary>
/// What a notebook shows, compared between two executions (the saved notebook and a fresh run, or a notebook and its
/// app), code cell by code cell: stream text and every text output must be equal, except the numbers of timing lines
/// (lines that start with <see cref="TimingMark"/>: they differ from run to run, and say so in both); every chart must
/// be the same figure, its numbers within <see cref="RelativeTolerance"/> of the largest magnitude of their series and
/// everything else equal. Images are left out: they are drawn from the figures.
/// </summary>
public static partial class OutputComparison
{
    /// <summary>The mark that starts a timing line (the same as WeightInit.Tutorial.Timing.Mark).</summary>
    public const string TimingMark = "⏱ ";

    /// <summary>The mark that starts the printed line of a claim check that held (WeightInit.Tutorial's
    /// Claim).</summary>
    public const string ClaimMark = "✓ ";

    /// <summary>
    /// The difference two figure numbers may have, relative to the largest magnitude of their series: rounding in the
    /// last digits (a value near zero computed as a difference, another processor's vector width), not another
    /// experiment.
    /// </summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>The text with LF line ends and the numbers of every timing line replaced by '#'.</summary>
    public static string NormalizeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Select(l => l.StartsWith(TimingMark, StringComparison.Ordinal)
            ? Number().Replace(l, "#")
            : l));
    }

    /// <summary>
    /// The differences between a saved notebook and a fresh execution of it, one message per differing code cell
    /// (numbered from 1, as the execution counts are); empty when they show the same.
    /// </summary>
    /// <param name="saved">The saved notebook.</param>
    /// <param name="fresh">The fresh execution, sanitized as the saved one was.</param>
    /// <param name="largestRelativeDifference">The largest difference seen between two figure numbers, relative to
    /// their series' scale (0 when the figures are bit for bit the same).</param>
    public static IReadOnlyList<string> Compare(JsonObject saved, JsonObject fresh,
        out double largestRelativeDifference)
    {
        largestRelativeDifference = 0;
        var before = NotebookFile.CodeCells(saved).ToList();
        var after = NotebookFile.CodeCells(fresh).ToList();
        if (before.Count != after.Count)
            return [$"the fresh execution has {after.Count} code cells, the saved notebook {before.Count}"];
        var differences = new List<string>();
        for (var i = 0; i < before.Count; i++)
        {
            var name = $"code cell {i + 1} ({NotebookFile.FirstLine(NotebookFile.JoinText(after[i].Cell["source"]))})";
            var savedOutputs = Shown(before[i].Cell);
            var freshOutputs = Shown(after[i].Cell);
            if (savedOutputs.Count != freshOutputs.Count)
            {
                differences.Add(
                    $"{name}: {savedOutputs.Count} output(s) saved, {freshOutputs.Count} in the fresh run " +
                    $"(saved: {string.Join(", ", savedOutputs.Select(o => o.Kind))}; " +
                    $"fresh: {string.Join(", ", freshOutputs.Select(o => o.Kind))})");
                continue;
            }
            for (var k = 0; k < savedOutputs.Count; k++)
            {
                var (a, b) = (savedOutputs[k], freshOutputs[k]);
                string? difference;
                if (a.Kind != b.Kind) difference = $"a {a.Kind} output was saved, the fresh run has a {b.Kind}";
                else if (a.Figure is not null && b.Figure is not null)
                {
                    difference = FigureDifference(a.Figure, b.Figure, out var largest);
                    largestRelativeDifference = Math.Max(largestRelativeDifference, largest);
                    if (difference is not null) difference = $"its chart differs: {difference}";
                }
                else difference = a.Text == b.Text ? null : FirstDifferentLine(a.Text, b.Text, "saved", "fresh");
                if (difference is null) continue;
                differences.Add($"{name}, output {k + 1} ({a.Kind}): {difference}");
                break;
            }
        }
        return differences;
    }

    /// <summary>The first difference between two figures, or null when they agree (numbers within the
    /// tolerance).</summary>
    /// <param name="expected">The saved figure.</param>
    /// <param name="actual">The fresh figure.</param>
    /// <param name="largestRelativeDifference">The largest difference between two numbers compared before the first
    /// difference, relative to their series' scale.</param>
    public static string? FigureDifference(PlotlyFigure expected, PlotlyFigure actual,
        out double largestRelativeDifference)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        largestRelativeDifference = 0;
        return Difference(expected.Data, actual.Data, "data", 0, ref largestRelativeDifference)
            ?? Difference(expected.Layout, actual.Layout, "layout", 0, ref largestRelativeDifference)
            ?? Difference(expected.Config, actual.Config, "config", 0, ref largestRelativeDifference);
    }

    /// <summary>
    /// The claim checks a notebook printed: every line of its code cells' standard output that starts with
    /// <see cref="ClaimMark"/>, in order.
    /// </summary>
    public static IReadOnlyList<string> ClaimChecks(JsonObject notebook) =>
        NotebookFile.CodeCells(notebook)
            .SelectMany(c => (c.Cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stdout")
            .SelectMany(o => NotebookFile.JoinText(o["text"]).Split('\n'))
            .Where(l => l.StartsWith(ClaimMark, StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// The first line where two texts differ (compared as <see cref="NormalizeText"/> leaves them), each side labelled.
    /// </summary>
    public static string FirstDifferentLine(string expected, string actual, string expectedLabel, string actualLabel)
    {
        ArgumentNullException.ThrowIfNull(expectedLabel);
        ArgumentNullException.ThrowIfNull(actualLabel);
        var a = NormalizeText(expected).Split('\n');
        var b = NormalizeText(actual).Split('\n');
        var width = Math.Max(expectedLabel.Length, actualLabel.Length) + 1;
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<no more lines>";
            var y = i < b.Length ? b[i] : "<no more lines>";
            if (x != y)
                return $"line {i + 1} differs{Environment.NewLine}" +
                    $"  {(expectedLabel + ":").PadRight(width)} {Excerpt(x)}{Environment.NewLine}" +
                    $"  {(actualLabel + ":").PadRight(width)} {Excerpt(y)}";
        }
        return "line endings differ";
    }

    /// <summary>A text shortened for a message, its line breaks shown as \n.</summary>
    public static string Excerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = text.Replace("\n", "\\n", StringComparison.Ordinal);
        return flat.Length > 160 ? flat[..157] + "..." : flat;
    }

    // One output as it is compared: its kind, its normalized text, or its chart's figure.
    private sealed record ShownOutput(string Kind, string Text, PlotlyFigure? Figure);

    private static List<ShownOutput> Shown(JsonObject cell)
    {
        var shown = new List<ShownOutput>();
        foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var kind = (string?)output["output_type"] ?? "";
            switch (kind)
            {
                case "stream":
                    var stream = NormalizeText(NotebookFile.JoinText(output["text"]));
                    shown.Add(new((string?)output["name"] ?? "stream", stream, null));
                    break;
                case "error":
                    shown.Add(new(kind, $"{(string?)output["ename"]}: {(string?)output["evalue"]}", null));
                    break;
                default:
                    var html = PlotlyChart.MimeText(output, PlotlyChart.HtmlMimeType);
                    if (PlotlyChart.IsChart(html))
                    {
                        shown.Add(new("chart", "", PlotlyChart.Parse(html!)));
                        break;
                    }
                    var text = new StringBuilder();
                    foreach (var (mime, value) in output["data"] as JsonObject ?? [])
                        if (!mime.StartsWith("image/", StringComparison.Ordinal))
                            text.Append(CultureInfo.InvariantCulture, $"[{mime}] {NotebookFile.JoinText(value)}\n");
                    shown.Add(new(kind, NormalizeText(text.ToString()), null));
                    break;
            }
        }
        return shown;
    }

    private static string? Difference(JsonNode? a, JsonNode? b, string path, double scale, ref double largest)
    {
        switch (a, b)
        {
            case (null, null): return null;
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!x.ContainsKey(key) || !y.ContainsKey(key))
                        return $"{path}.{key} is only in the {(x.ContainsKey(key) ? "saved" : "fresh")} chart";
                    if (Difference(x[key], y[key], $"{path}.{key}", 0, ref largest) is { } d) return d;
                }
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                    return $"{path} has {x.Count} entries in the saved chart, {y.Count} in the fresh one";
                var series = x.Concat(y).OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.Number)
                    .Select(v => Math.Abs(v.GetValue<double>())).Where(double.IsFinite).DefaultIfEmpty(0).Max();
                for (var i = 0; i < x.Count; i++)
                    if (Difference(x[i], y[i], $"{path}[{i}]", series, ref largest) is { } d) return d;
                return null;
            case (JsonValue x, JsonValue y)
                when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                double p = x.GetValue<double>(), q = y.GetValue<double>();
                if (p.Equals(q)) return null;
                var relative = Math.Abs(p - q) / Math.Max(scale, Math.Max(Math.Abs(p), Math.Abs(q)));
                if (!(relative <= RelativeTolerance))
                    return string.Create(CultureInfo.InvariantCulture,
                        $"{path} is {p} in the saved chart, {q} in the fresh one");
                largest = Math.Max(largest, relative);
                return null;
            default:
                return JsonNode.DeepEquals(a, b)
                    ? null
                    : $"{path} is {Excerpt(a?.ToJsonString() ?? "null")} in the saved chart, " +
                      $"{Excerpt(b?.ToJsonString() ?? "null")} in the fresh one";
        }
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();
}
