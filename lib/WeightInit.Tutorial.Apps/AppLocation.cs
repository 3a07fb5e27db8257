namespace WeightInit.Tutorial.Apps;

/// <summary>
/// Where a notebook app runs: the file-based app <c>notebooks/apps/NAME.cs</c> of the WeightInitNotebooks repository,
/// the notebooks folder it works in (the folder a notebook's kernel starts in, so that relative paths such as the data
/// set's resolve alike), and the folder its charts are written to, <c>artifacts/apps/NAME/</c>.
/// </summary>
/// <param name="RepositoryRoot">The repository's root (the folder with WeightInitNotebooks.sln).</param>
/// <param name="AppFile">The app's source file.</param>
/// <param name="Notebook">The notebook's name without extension, e.g. <c>01-why-initialization-matters</c>.</param>
public sealed record AppLocation(string RepositoryRoot, string AppFile, string Notebook)
{
    /// <summary>The file that marks the repository's root.</summary>
    public const string SolutionFile = "WeightInitNotebooks.sln";

    /// <summary>The apps' folder, relative to the repository's root.</summary>
    public const string AppsFolder = "notebooks/apps";

    /// <summary>The folder, relative to the repository's root, that holds one output folder per app.</summary>
    public const string OutputRoot = "artifacts/apps";

    /// <summary>The pinned plotly.js bundle the chart pages load, relative to the repository's root (installed by
    /// scripts/setup.sh with npm from tools/chart-renderer/package-lock.json).</summary>
    public const string PlotlyJs = "tools/chart-renderer/node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>The notebooks folder: the app's working directory, as the notebook's kernel has it.</summary>
    public string NotebooksFolder => Path.Combine(RepositoryRoot, "notebooks");

    /// <summary>The folder the app writes its charts to.</summary>
    public string OutputFolder => Path.Combine(RepositoryRoot, "artifacts", "apps", Notebook);

    /// <summary>The pinned plotly.js bundle the chart pages load.</summary>
    public string PlotlyJsFile => Path.Combine(RepositoryRoot, PlotlyJs);

    /// <summary>The output folder as the app names it: relative to the repository's root, so no machine path is
    /// printed.</summary>
    public string OutputFolderName => $"{OutputRoot}/{Notebook}/";

    /// <summary>The command that runs the app of <paramref name="notebook"/> from the repository's root.</summary>
    public static string RunCommand(string notebook) => $"dotnet run -c Release --file {AppsFolder}/{notebook}.cs";

    /// <summary>
    /// Finds the location of the app of <paramref name="notebook"/> from the path of its source file, which the .NET
    /// SDK
    /// gives a file-based app (<c>AppContext.GetData("EntryPointFilePath")</c>).
    /// </summary>
    /// <param name="notebook">The notebook's name without extension.</param>
    /// <param name="entryPointFile">The app's source file; null when the program was not started as a file-based
    /// app.</param>
    /// <exception cref="ArgumentException">The notebook name is empty or not a file name.</exception>
    /// <exception cref="AppSetupException">The program was not started as a file-based app, or its file is not in
    /// notebooks/apps of the repository; the message says what to run.</exception>
    public static AppLocation Find(string notebook, string? entryPointFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebook);
        if (notebook != Path.GetFileName(notebook) || notebook.EndsWith(".cs", StringComparison.Ordinal))
            throw new ArgumentException("notebook must be a notebook's name without folder or extension, but it is " +
                $"'{notebook}'.", nameof(notebook));
        if (string.IsNullOrEmpty(entryPointFile))
            throw new AppSetupException(
                $"{notebook}: this program is the file-based app {AppsFolder}/{notebook}.cs and runs through the " +
                ".NET SDK, which builds the library it uses first; from the repository's root, run: " +
                RunCommand(notebook));
        var file = Path.GetFullPath(entryPointFile);
        var apps = Path.GetDirectoryName(file);
        var notebooks = apps is null ? null : Path.GetDirectoryName(apps);
        var root = notebooks is null ? null : Path.GetDirectoryName(notebooks);
        if (root is null || Path.GetFileName(apps) != "apps" || Path.GetFileName(notebooks) != "notebooks"
            || !File.Exists(Path.Combine(root, SolutionFile)))
            throw new AppSetupException(
                $"{Path.GetFileName(file)}: a notebook app runs where the generator wrote it, in {AppsFolder}/ of " +
                "the WeightInitNotebooks repository (it builds the library from ../../lib and reads the notebooks' " +
                $"data), but it was started from {Path.GetDirectoryName(file)}; from the repository's root, run: " +
                RunCommand(notebook));
        return new AppLocation(root, file, notebook);
    }
}
