using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>The core's files: the notebook list, a notebook's file, and the sanitizer of fresh outputs.</summary>
public sealed class NotebookFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("weightinit-notebooks-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void Manifest(params string[] names) => Write(NotebookManifest.FileName,
        new JsonObject { ["notebooks"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()) }.ToJsonString());

    [Fact]
    public void AListedNotebookMissingOnDiskIsNamed()
    {
        Write("01-a.ipynb", Fixture.CodeNotebook("1").ToJsonString());
        Manifest("01-a.ipynb", "02-b.ipynb");
        var error = Assert.Throws<InvalidNotebookException>(() => NotebookManifest.Load(_folder.FullName));
        Assert.Contains("02-b.ipynb: listed in notebooks.json but missing on disk", error.Message);
    }

    [Fact]
    public void ANotebookMissingFromTheListIsNamed()
    {
        Write("01-a.ipynb", Fixture.CodeNotebook("1").ToJsonString());
        Write("02-b.ipynb", Fixture.CodeNotebook("1").ToJsonString());
        Manifest("01-a.ipynb");
        var error = Assert.Throws<InvalidNotebookException>(() => NotebookManifest.Load(_folder.FullName));
        Assert.Contains("02-b.ipynb: in the notebooks folder but not listed in notebooks.json", error.Message);
    }

    [Fact]
    public void OnlySelectsByPrefixInReadingOrderAndAPrefixThatMatchesNothingIsNamed()
    {
        foreach (var name in new[] { "01-a.ipynb", "02-b.ipynb", "03-c.ipynb" }) Write(name,
            Fixture.CodeNotebook("1").ToJsonString());
        Manifest("01-a.ipynb", "02-b.ipynb", "03-c.ipynb");
        var manifest = NotebookManifest.Load(_folder.FullName);

        Assert.Equal(["01-a.ipynb", "03-c.ipynb"], manifest.Select(["03", "01"]));
        Assert.Equal(manifest.Names, manifest.Select([]));
        Assert.Contains("--only 04: no listed notebook",
            Assert.Throws<InvalidNotebookException>(() => manifest.Select(["04"])).Message);
    }

    [Fact]
    public void InvalidNotebookJsonIsNamed()
    {
        var error = Assert.Throws<InvalidNotebookException>(() =>
            NotebookFile.Load(Write("01-a.ipynb", "{\"cells\": [")));
        Assert.StartsWith("01-a.ipynb: invalid JSON", error.Message);
    }

    [Fact]
    public void ACellOnAnotherKernelIsRefused()
    {
        var notebook = Fixture.CodeNotebook("1");
        notebook["cells"]![0]!["metadata"] =
            new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" } };
        var error = Assert.Throws<InvalidNotebookException>(() =>
            NotebookFile.Load(Write("01-a.ipynb", notebook.ToJsonString())));
        Assert.Contains("cell 0 runs on kernel 'fsharp'", error.Message);
    }

    [Fact]
    public void WritingAddsTheKernelMetadataReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var file = NotebookFile.Load(Write("01-a.ipynb", Fixture.CodeNotebook("1", "2").ToJsonString()));
        file.NormalizeMetadata();
        file.WriteAtomically();
        Assert.Equal(["01-a.ipynb"], _folder.GetFiles().Select(f => f.Name));
        var written = JsonNode.Parse(File.ReadAllText(file.Path))!;
        Assert.Equal(5, (int)written["nbformat_minor"]!);
        Assert.Equal(["c0", "c1"], written["cells"]!.AsArray().Select(c => (string?)c!["id"]));
        Assert.Equal(".net-csharp", (string?)written["metadata"]!["kernelspec"]!["name"]);
        Assert.EndsWith("}\n", File.ReadAllText(file.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingOutputsTakesTheExecutionsOutputsAndCountsAndKeepsTheNotebooksSources()
    {
        var file = NotebookFile.Load(Write("01-a.ipynb", Fixture.CodeNotebook("Console.WriteLine(1);").ToJsonString()));
        var executed = Fixture.CodeNotebook("changed by the kernel?");
        executed["cells"]![0]!["execution_count"] = 1;
        executed["cells"]![0]!["outputs"] = new JsonArray(Fixture.Stdout("1\n"));

        file.SetOutputs(executed);

        Assert.Equal("Console.WriteLine(1);", (string?)file.Cells[0]!["source"]);
        Assert.Equal(1, (int?)file.Cells[0]!["execution_count"]);
        Assert.Equal("1\n", (string?)file.Cells[0]!["outputs"]![0]!["text"]);
        Assert.Throws<InvalidNotebookException>(() => file.SetOutputs(Fixture.CodeNotebook("1", "2")));
    }

    [Fact]
    public void TheSanitizerReplacesMachinePathsAndDropsKernelNoise()
    {
        var root = Path.Combine(Path.GetTempPath(), "some-repo");
        var sanitizer = new OutputSanitizer(root, Path.Combine(root, "notebooks"));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var outputs = new JsonArray(
            Fixture.Stdout($"{root}/notebooks/x.csv {root}/lib {home}/.nuget/packages/a {Path.GetTempPath()}b\n"),
            new JsonObject
            {
                ["output_type"] = "display_data",
                ["data"] = new JsonObject
                {
                    ["text/plain"] = $"Loading extensions from `{home}/.nuget/packages/plotly.net.interactive/6.0.0/" +
                        "interactive-extensions/dotnet/Plotly.NET.Interactive.dll`",
                },
            },
            Fixture.HtmlOutput("<script type='text/javascript'>function loadDotnetInteractiveApi() {}</script>"));

        var clean = sanitizer.Sanitize(outputs);

        Assert.Equal("./x.csv <repo>/lib <nuget-packages>/a <temp>/b\n",
            NotebookFile.JoinText(Assert.Single(clean)!["text"]));
    }

    [Fact]
    public void TheSanitizerJoinsConsecutiveOutputsOfOneStreamAndKeepsTheOthersApart()
    {
        var sanitizer = new OutputSanitizer("/nowhere/repo", "/nowhere/repo/notebooks");
        var stderr = Fixture.Stdout("warning\n");
        stderr["name"] = "stderr";

        var clean = sanitizer.Sanitize([Fixture.Stdout("a\n"), Fixture.Stdout("b\n"), stderr, Fixture.Stdout("c")]);

        Assert.Equal(["a\nb\n", "warning\n", "c"], clean.Select(o => NotebookFile.JoinText(o!["text"])));
        Assert.Equal(["a\n", "b\n"], clean[0]!["text"]!.AsArray().Select(l => (string?)l));
    }
}
