using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>
/// Where the offline chart renderer's two tools are: Debian's <c>chromium</c> and the plotly.js bundle pinned in
/// <c>tools/chart-renderer/package.json</c> (installed by <c>scripts/setup.sh</c> with <c>npm ci</c>).
/// </summary>
/// <param name="ChromiumPath">The chromium executable.</param>
/// <param name="PlotlyJsPath">The plotly.js bundle (<c>plotly.min.js</c>).</param>
/// <param name="PlotlyJsVersion">The bundle's version, as its package.json states it.</param>
public sealed record ChartRenderingTools(string ChromiumPath, string PlotlyJsPath, string PlotlyJsVersion)
{
    /// <summary>The folder, relative to the repository root, that pins plotly.js for the renderer.</summary>
    public const string ToolsFolder = "tools/chart-renderer";

    /// <summary>The npm package that provides the plotly.js bundle.</summary>
    public const string PlotlyPackage = "plotly.js-dist-min";

    /// <summary>The npm package that provides MathJax 2 (the version nbconvert's HTML template configures) for the HTML export.</summary>
    public const string MathJaxPackage = "mathjax";

    /// <summary>What to run when a tool is missing.</summary>
    public const string InstallHint = "Install them with the repository's setup script (as root): scripts/setup.sh";

    /// <summary>
    /// Finds the tools for the repository that contains <paramref name="startDirectory"/> (or the current directory).
    /// </summary>
    /// <exception cref="ChartToolsMissingException">chromium or the pinned plotly.js is not installed, or the installed
    /// plotly.js is not the pinned version; the message says how to install them.</exception>
    public static ChartRenderingTools Locate(string? startDirectory = null)
    {
        var root = FindRepositoryRoot(startDirectory ?? Directory.GetCurrentDirectory());
        var chromium = FindOnPath("chromium") ?? FindOnPath("chromium-browser");
        var problems = new List<string>();
        if (chromium is null) problems.Add("Debian's chromium is not on the PATH");

        var toolsFolder = Path.Combine(root, ToolsFolder);
        var pinned = PinnedPlotlyVersion(toolsFolder);
        var package = Path.Combine(toolsFolder, "node_modules", PlotlyPackage);
        var bundle = Path.Combine(package, "plotly.min.js");
        string? installed = null;
        if (!File.Exists(bundle))
            problems.Add($"plotly.js is not installed in {ToolsFolder}/node_modules");
        else
        {
            installed = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(package, "package.json")))?["version"];
            if (installed != pinned)
                problems.Add($"{ToolsFolder}/node_modules has plotly.js {installed}, but {pinned} is pinned");
        }
        if (problems.Count > 0)
            throw new ChartToolsMissingException(
                $"Static chart images need Debian's chromium and plotly.js {pinned} from npm: {string.Join("; ", problems)}. {InstallHint}");
        return new ChartRenderingTools(chromium!, bundle, installed!);
    }

    /// <summary>The pinned MathJax of the repository that contains <paramref name="startDirectory"/>: the folder holding MathJax.js.</summary>
    /// <exception cref="ChartToolsMissingException">MathJax is not installed, or not the pinned version; the message says how to install it.</exception>
    public static string LocateMathJax(string? startDirectory = null)
    {
        var root = FindRepositoryRoot(startDirectory ?? Directory.GetCurrentDirectory());
        var toolsFolder = Path.Combine(root, ToolsFolder);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(toolsFolder, "package.json")));
        var pinned = (string?)manifest?["dependencies"]?[MathJaxPackage]
            ?? throw new ChartToolsMissingException($"{ToolsFolder}/package.json does not pin {MathJaxPackage}.");
        var folder = Path.Combine(toolsFolder, "node_modules", MathJaxPackage);
        var installed = File.Exists(Path.Combine(folder, "MathJax.js"))
            ? (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package.json")))?["version"]
            : null;
        if (installed != pinned)
            throw new ChartToolsMissingException(installed is null
                ? $"MathJax {pinned} is not installed in {ToolsFolder}/node_modules. {InstallHint}"
                : $"{ToolsFolder}/node_modules has MathJax {installed}, but {pinned} is pinned. {InstallHint}");
        return folder;
    }

    /// <summary>
    /// The closest folder at or above <paramref name="startDirectory"/> that holds <c>tools/chart-renderer/package.json</c>.
    /// </summary>
    /// <exception cref="ChartToolsMissingException">No such folder.</exception>
    public static string FindRepositoryRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, ToolsFolder, "package.json")))
                return dir.FullName;
        throw new ChartToolsMissingException(
            $"No {ToolsFolder}/package.json in {startDirectory} or above it: run from inside the repository.");
    }

    private static string PinnedPlotlyVersion(string toolsFolder)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(toolsFolder, "package.json")));
        return (string?)manifest?["dependencies"]?[PlotlyPackage]
            ?? throw new ChartToolsMissingException($"{ToolsFolder}/package.json does not pin {PlotlyPackage}.");
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A tool that static chart rendering needs is not installed; the message says how to install it.</summary>
public sealed class ChartToolsMissingException(string message) : Exception(message);
