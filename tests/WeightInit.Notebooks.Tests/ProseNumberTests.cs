using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// Drift checks on the committed notebooks (issue 20): every number their prose states appears in their code or
/// outputs (<see cref="ProseNumbers"/> gives the rules), and every number of a summary row (00's table, README's
/// table) appears in the code or outputs of the notebook it summarizes. They read the files only (no kernel).
/// </summary>
public sealed partial class ProseNumberTests
{
    /// <summary>
    /// Numbers a notebook's prose may state without computing them, each with its reason: constants of the
    /// setting or of a formula that the code does not spell out. Keep it short; a number that is a result belongs
    /// in a printed line or a ✓ check instead.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
    };

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var name in Repository.Notebooks())
            if (!name.StartsWith("00-", StringComparison.Ordinal)) data.Add(name);
        return data;
    }

    private static JsonObject Read(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, notebook)))!.AsObject();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryNumberOfTheProseAppearsInTheCodeOrTheOutputs(string notebook)
    {
        var (markdown, code) = ProseNumbers.Split(Read(notebook));
        var pool = ProseNumbers.Pool(code);
        var allowed = Allowed.GetValueOrDefault(notebook[..2], []);
        var missing = markdown.SelectMany(ProseNumbers.In)
            .Where(n => !ProseNumbers.IsFoundIn(n, pool) && !allowed.Contains(n.Text))
            .Select(n => n.Text).Distinct().ToList();
        Assert.True(missing.Count == 0,
            $"{notebook}: the prose states {string.Join(", ", missing)}, which no code line or output of the " +
            "notebook " +
            "contains (rounded as written). Print the number where it is computed, or fix the sentence.");
    }

    [GeneratedRegex(@"^\|\s*(?<nn>\d\d)\s*\|(?<row>.*)$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    /// <summary>The rows of a markdown table whose first column is a notebook number: number -> row text.</summary>
    private static Dictionary<string, string> SummaryRows(string markdown) =>
        TableRow().Matches(markdown).ToDictionary(m => m.Groups["nn"].Value, m => m.Groups["row"].Value);

    [Fact]
    public void EveryNumberOfTheReadingOrdersTableAppearsInTheNotebookItSummarizes() =>
        CheckSummaries("00-reading-order.ipynb",
            string.Concat(ProseNumbers.Split(Read("00-reading-order.ipynb")).Markdown));

    [Fact]
    public void EveryNumberOfTheREADMEsTableAppearsInTheNotebookItSummarizes() =>
        CheckSummaries("README.md", File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    private static void CheckSummaries(string where, string markdown)
    {
        var rows = SummaryRows(markdown);
        var notebooks = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Select(Path.GetFileName)
            .Where(n => !n!.StartsWith("00-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(rows.Count >= notebooks.Count, $"{where}: expected a table row per notebook, found {rows.Count}");
        var problems = new List<string>();
        foreach (var notebook in notebooks)
        {
            if (!rows.TryGetValue(notebook![..2], out var row))
            {
                problems.Add($"no row for {notebook}");
                continue;
            }
            var pool = ProseNumbers.Pool(ProseNumbers.Split(Read(notebook)).CodeAndOutputs);
            var allowed = Allowed.GetValueOrDefault(notebook[..2], []);
            var missing = ProseNumbers.In(row).Where(n => !ProseNumbers.IsFoundIn(n, pool) && !allowed.Contains(n.Text))
                .Select(n => n.Text).Distinct().ToList();
            if (missing.Count > 0) problems.Add($"row {notebook[..2]} states {string.Join(", ", missing)}");
        }
        Assert.True(problems.Count == 0,
            $"{where}: {string.Join("; ", problems)} (not in that notebook's code or outputs)");
    }
}
