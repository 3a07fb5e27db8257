using WeightInit.Notebooks.Apps;

namespace WeightInit.Notebooks.Tests;

/// <summary>Where the repository and its notebooks are, found from the test binaries upwards, and its apps'
/// setup.</summary>
internal static class Repository
{
    public static string Root { get; } = NotebookManifest.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("cannot find WeightInitNotebooks.sln above " + AppContext.BaseDirectory);

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    public static AppSetup Setup { get; } = AppSetup.Load(Root);

    /// <summary>The notebooks of the manifest, in reading order, as xunit theory data.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var name in NotebookManifest.Load(NotebooksFolder).Names) data.Add(name);
        return data;
    }
}
