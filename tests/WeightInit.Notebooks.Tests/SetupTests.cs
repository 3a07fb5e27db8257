using System.Text.Json.Nodes;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// setup.dib's cells run without error on the real kernel. They are run here as cells of their own,
/// because <c>#!import setup.dib</c> does not report the failure of an imported cell.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class SetupTests
{
    [Fact]
    public async Task Every_cell_of_setup_dib_runs_without_error()
    {
        var dib = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "setup.dib"));
        var cells = dib.Split("#!csharp", StringSplitOptions.None).Skip(1).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        Assert.True(cells.Count >= 3, "setup.dib should have the resolver, the references and the usings as #!csharp cells");
        var chart = "var check = Chart.Line<int, int, string>(new[] { 1, 2 }, new[] { 3, 4 });\n" +
                    "Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(check, \"text/html\").Contains(\"plotly\"));";
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(cells.Append(chart).Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = c, ["outputs"] = new JsonArray(),
            }).ToArray()),
        };
        var folder = Directory.CreateTempSubdirectory("weightinit-setup-");
        try
        {
            var path = Path.Combine(folder.FullName, "setup-check.ipynb");
            File.WriteAllText(path, notebook.ToJsonString());
            var execution = await ChildProcessExecutor.ExecuteAsync(path, Repository.NotebooksFolder, TimeSpan.FromSeconds(300));
            Assert.True(execution.FirstFailure is null, $"setup.dib cell {execution.FirstFailure?.CellIndex}: {execution.FirstFailure?.Error}");
            Assert.Equal(cells.Count + 1, execution.Cells.Count);
            // The chart is formatted as HTML by Plotly.NET.Interactive's formatter (the kernel extension was loaded).
            Assert.Equal("True\n", NotebookFile.JoinText(execution.Cells[^1].Outputs[0]!["text"]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
