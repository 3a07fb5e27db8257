using System.Text;
using System.Text.Json.Nodes;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks;

/// <summary>
/// The text a notebook shows, per code cell: stream output (stdout, stderr), the <c>text/plain</c> of
/// displayed and returned values, and errors. HTML and images are left out (chart ids change from run to run).
/// Used to check that committed outputs are the ones the code produces now; timing lines (<see cref="TimingLines"/>)
/// are compared without their numbers, which differ from run to run.
/// </summary>
public static class TextOutputs
{
    /// <summary>The text of each code cell's outputs, keyed by cell id (cell index when a cell has no id), in order; timing lines
    /// (<see cref="TimingLines"/>) with their numbers replaced by '#'.</summary>
    public static IReadOnlyList<(string Cell, string FirstLine, string Text)> Of(JsonObject notebook)
    {
        var result = new List<(string, string, string)>();
        var cells = notebook["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!;
            if ((string?)cell["cell_type"] != "code") continue;
            var text = new StringBuilder();
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                switch ((string?)output!["output_type"])
                {
                    case "stream":
                        // Timing lines without their numbers: they differ from run to run.
                        text.Append('[').Append((string?)output["name"]).Append(']').Append(' ').Append(TimingLines.Normalize(NotebookFile.JoinText(output["text"])));
                        break;
                    case "display_data" or "execute_result":
                        var plain = (output["data"] as JsonObject)?["text/plain"];
                        if (plain is not null) text.Append("[text/plain] ").Append(NotebookFile.JoinText(plain));
                        break;
                    case "error":
                        text.Append("[error] ").Append((string?)output["evalue"]);
                        break;
                }
                text.Append('\n');
            }
            result.Add(((string?)cell["id"] ?? $"#{i}", FirstLine(NotebookFile.JoinText(cell["source"])), text.ToString()));
        }
        return result;
    }

    /// <summary>Differences between the committed and the fresh text outputs, one message per differing cell.</summary>
    public static IReadOnlyList<string> Compare(JsonObject committed, JsonObject fresh)
    {
        var before = Of(committed);
        var after = Of(fresh);
        var differences = new List<string>();
        if (before.Count != after.Count)
        {
            differences.Add($"the notebook has {after.Count} code cells but its saved outputs cover {before.Count}");
            return differences;
        }
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Text == after[i].Text) continue;
            differences.Add($"code cell {i} ({after[i].FirstLine}): saved text output differs from a fresh run{Environment.NewLine}" +
                $"  saved: {Excerpt(before[i].Text)}{Environment.NewLine}  fresh: {Excerpt(after[i].Text)}");
        }
        return differences;
    }

    /// <summary>The mark that starts the printed line of a claim check that held (WeightInit.Tutorial's Claim).</summary>
    public const string ClaimMark = "✓ ";

    /// <summary>
    /// The claim checks a notebook printed: every line of its code cells' standard output that starts with
    /// <see cref="ClaimMark"/>, in order.
    /// </summary>
    public static IReadOnlyList<string> ClaimChecks(JsonObject notebook)
    {
        var checks = new List<string>();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code") continue;
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                if ((string?)output!["output_type"] != "stream" || (string?)output["name"] != "stdout") continue;
                checks.AddRange(NotebookFile.JoinText(output["text"]).Split('\n').Where(l => l.StartsWith(ClaimMark, StringComparison.Ordinal)));
            }
        }
        return checks;
    }

    /// <summary>The first non-empty line of a cell's source, shortened for messages.</summary>
    public static string FirstLine(string source)
    {
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 70 ? line[..67] + "..." : line;
    }

    private static string Excerpt(string text)
    {
        var flat = text.Replace("\n", "\\n", StringComparison.Ordinal);
        return flat.Length > 300 ? flat[..297] + "..." : flat;
    }
}
