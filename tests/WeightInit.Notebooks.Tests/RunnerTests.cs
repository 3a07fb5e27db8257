using System.Diagnostics;
using System.Text.Json.Nodes;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks.Tests;

/// <summary>The runner's handling of bad input: wrong notebook lists, invalid JSON, failing cells; and its file writing.</summary>
public sealed class RunnerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("weightinit-runner-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static JsonObject Notebook(params string[] codeCells) => new()
    {
        ["cells"] = new JsonArray(codeCells.Select(c => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["id"] = $"c{Array.IndexOf(codeCells, c)}", ["metadata"] = new JsonObject(), ["source"] = c,
            ["outputs"] = new JsonArray(), ["execution_count"] = null,
        }).ToArray()),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder.FullName, name), text);

    private void Manifest(params string[] names) => Write(NotebookManifest.FileName, new JsonObject { ["notebooks"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()) }.ToJsonString());

    [Fact]
    public void A_listed_notebook_missing_on_disk_is_named()
    {
        Write("01-a.ipynb", Notebook("1").ToJsonString());
        Manifest("01-a.ipynb", "02-b.ipynb");
        var error = Assert.Throws<InvalidNotebookException>(() => NotebookManifest.Load(_folder.FullName));
        Assert.Contains("02-b.ipynb: listed in notebooks.json but missing on disk", error.Message);
    }

    [Fact]
    public void A_notebook_missing_from_the_list_is_named()
    {
        Write("01-a.ipynb", Notebook("1").ToJsonString());
        Write("02-b.ipynb", Notebook("1").ToJsonString());
        Manifest("01-a.ipynb");
        var error = Assert.Throws<InvalidNotebookException>(() => NotebookManifest.Load(_folder.FullName));
        Assert.Contains("02-b.ipynb: in the notebooks folder but not listed in notebooks.json", error.Message);
    }

    [Fact]
    public void Invalid_notebook_json_is_named()
    {
        Write("01-a.ipynb", "{\"cells\": [");
        var error = Assert.Throws<InvalidNotebookException>(() => NotebookFile.Load(Path.Combine(_folder.FullName, "01-a.ipynb")));
        Assert.StartsWith("01-a.ipynb: invalid JSON", error.Message);
    }

    [Fact]
    public void Writing_replaces_the_file_and_leaves_no_temporary_file()
    {
        Write("01-a.ipynb", Notebook("1", "2").ToJsonString());
        var file = NotebookFile.Load(Path.Combine(_folder.FullName, "01-a.ipynb"));
        file.NormalizeMetadata();
        file.WriteAtomically();
        Assert.Equal(["01-a.ipynb"], _folder.GetFiles().Select(f => f.Name));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "01-a.ipynb")))!;
        Assert.Equal(5, (int)written["nbformat_minor"]!);
        Assert.Equal(["c0", "c1"], written["cells"]!.AsArray().Select(c => (string?)c!["id"]));
        Assert.Equal(".net-csharp", (string?)written["metadata"]!["kernelspec"]!["name"]);
    }

    [Fact]
    public void The_sanitizer_replaces_machine_paths_and_drops_kernel_noise()
    {
        var root = Path.Combine(Path.GetTempPath(), "some-repo");
        var sanitizer = new OutputSanitizer(root, Path.Combine(root, "notebooks"));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var outputs = new JsonArray(
            new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = $"{root}/notebooks/x.csv {root}/lib {home}/.nuget/packages/a {Path.GetTempPath()}b\n" },
            new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/plain"] = $"Loading extensions from `{home}/.nuget/packages/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`" } });
        var clean = sanitizer.Sanitize(outputs);
        Assert.Single(clean);
        Assert.Equal("./x.csv <repo>/lib <nuget-packages>/a <temp>/b\n", (string?)clean[0]!["text"]);
    }

    [Fact]
    public void The_sanitizer_cleans_every_cell_of_a_notebook_executed_by_Jupyter()
    {
        // What the Jupyter kernel saves for the setup cell: the extension-loading line with the NuGet cache's path.
        var root = Path.Combine(Path.GetTempPath(), "some-repo");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var notebook = Notebook("#!import setup.dib", "Console.WriteLine(1);");
        notebook["cells"]![0]!["outputs"] = new JsonArray(new JsonObject
        {
            ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/markdown"] = $"Loading extensions from `{home}/.nuget/packages/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`" },
        });
        notebook["cells"]![1]!["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = $"read {root}/data/x.csv\n" });

        var dropped = new OutputSanitizer(root, Path.Combine(root, "notebooks")).SanitizeNotebook(notebook);

        Assert.Equal(1, dropped);
        Assert.Empty(notebook["cells"]![0]!["outputs"]!.AsArray());
        Assert.Equal("read <repo>/data/x.csv\n", (string?)notebook["cells"]![1]!["outputs"]![0]!["text"]);
    }

    [Fact]
    public void Timing_lines_are_compared_without_their_numbers()
    {
        var (saved, fresh) = SavedAndFresh("Timing.Print(\"a pass\", clock.Elapsed);", "⏱ a pass: 1.2 s\n", "⏱ a pass: 0.87 s\n");
        Assert.Empty(TextOutputs.Compare(saved, fresh));
        fresh["cells"]![0]!["outputs"]![0]!["text"] = "⏱ two passes: 0.87 s\n";
        Assert.Single(TextOutputs.Compare(saved, fresh));
    }

    [Fact]
    public void Text_outputs_that_changed_are_reported_with_the_cell()
    {
        var (saved, fresh) = SavedAndFresh("Console.WriteLine(1);", "1\n", "2\n");
        var difference = Assert.Single(TextOutputs.Compare(saved, fresh));
        Assert.Contains("code cell 0 (Console.WriteLine(1);)", difference);
        Assert.Empty(TextOutputs.Compare(saved, saved.DeepClone().AsObject()));
    }

    [Fact]
    public void The_runner_exits_2_and_names_the_notebook_when_the_list_is_wrong()
    {
        Write("01-a.ipynb", Notebook("1").ToJsonString());
        Manifest("01-a.ipynb", "02-missing.ipynb");
        var (exitCode, _, stderr) = RunRunner("--notebooks", _folder.FullName);
        Assert.Equal(2, exitCode);
        Assert.Contains("02-missing.ipynb", stderr);
    }

    /// <summary>Runs the runner's program in a child process; returns its exit code and output.</summary>
    /// <summary>A one-cell notebook saved with <paramref name="savedText"/> on stdout, and a fresh run of it that printed <paramref name="freshText"/>.</summary>
    private static (JsonObject Saved, JsonObject Fresh) SavedAndFresh(string source, string savedText, string freshText)
    {
        var saved = Notebook(source);
        saved["cells"]![0]!["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = savedText });
        var fresh = saved.DeepClone().AsObject();
        fresh["cells"]![0]!["outputs"]![0]!["text"] = freshText;
        return (saved, fresh);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunRunner(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "exec", typeof(NotebookRunner).Assembly.Location }.Concat(arguments)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    [Fact]
    public void The_runner_prints_its_usage_and_exits_0_on_help()
    {
        var (exitCode, stdout, _) = RunRunner("--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--only PREFIX", stdout);
    }

    [Fact]
    [Trait("Category", "Kernel")]
    public async Task A_failing_cell_is_named_and_the_notebook_is_not_written()
    {
        var notebook = Notebook("Console.WriteLine(\"before\");", "throw new InvalidOperationException(\"boom\");", "Console.WriteLine(\"after\");");
        Write("01-fails.ipynb", notebook.ToJsonString());
        Manifest("01-fails.ipynb");
        var before = File.ReadAllText(Path.Combine(_folder.FullName, "01-fails.ipynb"));
        var options = new RunnerOptions(_folder.FullName, _folder.FullName, [], Check: false, TimeSpan.FromSeconds(300));
        var result = await new NotebookRunner(options, []).RunAsync("01-fails.ipynb");
        Assert.False(result.Succeeded);
        Assert.StartsWith("01-fails.ipynb: cell 1 (throw new InvalidOperationException(\"boom\");) failed:", result.CellFailure);
        Assert.Contains("boom", result.CellFailure);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_folder.FullName, "01-fails.ipynb")));
        Assert.Equal(["01-fails.ipynb", "notebooks.json"], _folder.GetFiles().Select(f => f.Name).Order());
    }

    [Fact]
    [Trait("Category", "Kernel")]
    public async Task A_failing_claim_check_fails_the_notebook_and_the_failure_names_the_claim()
    {
        // The notebooks' claim checks (WeightInit.Tutorial.Claim) throw when the experiment contradicts the prose.
        var lib = Path.Combine(Repository.Root, "artifacts", "notebook-lib");
        var notebook = Notebook(
            $"#r \"{Path.Combine(lib, "WeightInit.dll")}\"\n#r \"{Path.Combine(lib, "WeightInit.Tutorial.dll")}\"",
            "WeightInit.Tutorial.Claim.Within(0.9, 0.5, 2, \"He keeps the RMS within [0.5, 2]\");",
            "WeightInit.Tutorial.Claim.Within(0.42, 0.5, 2, \"He keeps the RMS within [0.5, 2] at layer 83\");");
        Write("01-claims.ipynb", notebook.ToJsonString());
        Manifest("01-claims.ipynb");
        var options = new RunnerOptions(_folder.FullName, _folder.FullName, [], Check: true, TimeSpan.FromSeconds(300));
        var result = await new NotebookRunner(options, []).RunAsync("01-claims.ipynb");
        Assert.False(result.Succeeded);
        Assert.StartsWith("01-claims.ipynb: cell 2 (WeightInit.Tutorial.Claim.Within(0.42", result.CellFailure);
        Assert.Contains("✗ He keeps the RMS within [0.5, 2] at layer 83 (0.42 ∉ [0.5, 2])", result.CellFailure);
        Assert.Equal(["✓ He keeps the RMS within [0.5, 2] (0.9 ∈ [0.5, 2])"], TextOutputs.ClaimChecks(result.Fresh.Json));
    }

    [Fact]
    public void Claim_checks_are_the_printed_lines_that_start_with_the_mark()
    {
        var notebook = Notebook("a", "b");
        notebook["cells"]![0]!["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "table\n✓ one (1 ∈ [0, 2])\n  ✓ indented is not a check\n" });
        notebook["cells"]![1]!["outputs"] = new JsonArray(
            new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = "✓ not stdout\n" },
            new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = new JsonArray("✓ two\n", "✓ three") });
        Assert.Equal(["✓ one (1 ∈ [0, 2])", "✓ two", "✓ three"], TextOutputs.ClaimChecks(notebook));
    }

    [Fact]
    [Trait("Category", "Kernel")]
    public async Task A_compile_error_fails_the_notebook()
    {
        Write("01-typo.ipynb", Notebook("int x = \"text\";").ToJsonString());
        Manifest("01-typo.ipynb");
        var options = new RunnerOptions(_folder.FullName, _folder.FullName, [], Check: true, TimeSpan.FromSeconds(300));
        var result = await new NotebookRunner(options, []).RunAsync("01-typo.ipynb");
        Assert.Contains("cell 0 (int x = \"text\";) failed:", result.CellFailure);
        Assert.Contains("CS0029", result.CellFailure);
    }
}
