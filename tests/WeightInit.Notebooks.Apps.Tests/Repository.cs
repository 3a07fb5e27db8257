using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks.Apps.Tests;

/// <summary>Where the repository is, found from the test binaries upwards, and its apps' setup.</summary>
internal static class Repository
{
    public static string Root { get; } = NotebookManifest.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("cannot find WeightInitNotebooks.sln above " + AppContext.BaseDirectory);

    public static AppSetup Setup { get; } = AppSetup.Load(Root);
}
