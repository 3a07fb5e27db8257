namespace WeightInit.Notebooks.Tests;

/// <summary>The tables of notebooks in README.md and the map notebook come from one source (issue 20).</summary>
public sealed class NotebookTablesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("tables-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string Notebook(string title) =>
        $$"""{"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# {{title}}\n", "text"]}],""" +
        """ "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Repository(string readme)
    {
        Write("notebooks/notebooks.json", """
            {"notebooks": [{"file": "01-a.ipynb", "summary": "first"}, {"file": "02-b.ipynb", "summary": "second"}]}
            """);
        Write("notebooks/01-a.ipynb", Notebook("Alpha"));
        Write("notebooks/02-b.ipynb", Notebook("Beta"));
        Write("README.md", readme);
    }

    [Fact]
    public void TheTableListsEveryNotebookWithItsTitleAndSummary()
    {
        Repository("");
        var manifest = NotebookManifest.Load(Path.Combine(_root.FullName, "notebooks"));
        Assert.Equal("| # | notebook | what it shows |\n|---|---|---|\n" +
            "| 01 | [Alpha](notebooks/01-a.ipynb) | first |\n" +
            "| 02 | [Beta](notebooks/02-b.ipynb) | second |\n", NotebookTables.Table(manifest, "notebooks/"));
    }

    [Fact]
    public void UpdateRewritesOnlyBetweenTheMarkersAndReportsStaleFiles()
    {
        Repository($"intro\n{NotebookTables.Begin}\n| old |\n{NotebookTables.End}\nafter\n");
        Assert.Equal(["README.md"], NotebookTables.Update(_root.FullName, write: false));
        Assert.Contains("| old |", File.ReadAllText(Path.Combine(_root.FullName, "README.md")));
        Assert.Equal(["README.md"], NotebookTables.Update(_root.FullName, write: true));
        var readme = File.ReadAllText(Path.Combine(_root.FullName, "README.md"));
        Assert.StartsWith($"intro\n{NotebookTables.Begin}\n| # | notebook |", readme);
        Assert.EndsWith($"| second |\n{NotebookTables.End}\nafter\n", readme);
        Assert.Empty(NotebookTables.Update(_root.FullName, write: false));
    }

    [Fact]
    public void ANotebookWithoutASummaryOrAReadmeWithoutMarkersIsNamed()
    {
        Repository("no markers");
        var error = Assert.Throws<InvalidNotebookException>(() => NotebookTables.Update(_root.FullName, write: false));
        Assert.Contains("README.md", error.Message);
        Write("notebooks/notebooks.json", """{"notebooks": ["01-a.ipynb", {"file": "02-b.ipynb", "summary": "s"}]}""");
        var manifest = NotebookManifest.Load(Path.Combine(_root.FullName, "notebooks"));
        Assert.Contains("01-a.ipynb: no summary", Assert.Throws<InvalidNotebookException>(
            () => NotebookTables.Table(manifest, "")).Message);
    }

    [Fact]
    public void ReadmesFigureIsTheNamedChartOfItsNotebook()
    {
        Repository($"{NotebookTables.Begin}\n{NotebookTables.End}\n" +
            "<!-- readme-figure: 02-b.ipynb, chart 2 -->\n![a chart](notebooks/figures/b.png)\n");
        byte[] first = [1, 2, 3], second = [4, 5, 6, 7];
        Write("notebooks/02-b.ipynb", $$$"""
            {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# Beta"]},
            {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1, "source": [], "outputs": [
              {"output_type": "display_data", "metadata": {},
               "data": {"image/png": "{{{Convert.ToBase64String(first)}}}"}},
              {"output_type": "display_data", "metadata": {},
               "data": {"image/png": "{{{Convert.ToBase64String(second)}}}\n"}}
            ]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        Assert.Equal(["README.md", "notebooks/figures/b.png"], NotebookTables.Update(_root.FullName, write: true));
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(_root.FullName, "notebooks", "figures", "b.png")));
        Assert.Empty(NotebookTables.Update(_root.FullName, write: false));
        Write("README.md", $"{NotebookTables.Begin}\n{NotebookTables.End}\n" +
            "<!-- readme-figure: 02-b.ipynb, chart 3 -->\n![a chart](notebooks/figures/b.png)\n");
        Assert.Contains("chart 3 of 02-b.ipynb, which saves 2", Assert.Throws<InvalidNotebookException>(
            () => NotebookTables.Update(_root.FullName, write: false)).Message);
    }

    [Fact]
    public void TheCommittedTablesAreWhatTheManifestMakes() =>
        Assert.Empty(NotebookTables.Update(Tests.Repository.Root, write: false));
}
