using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// The browser tools the notebook tool runs offline: Debian's <c>chromium</c> (headless), the plotly.js bundle that
/// draws the charts' PNG images and the book site's live charts, and playwright-core, which drives chromium to check
/// the site; both pinned in <c>tools/chart-renderer/package.json</c> and installed by <c>scripts/setup.sh</c> with
/// <c>npm ci</c>.
/// </summary>
/// <param name="ChromiumPath">The chromium executable.</param>
/// <param name="PlotlyJsPath">The plotly.js bundle (<c>plotly.min.js</c>).</param>
public sealed record BrowserTools(string ChromiumPath, string PlotlyJsPath)
{
    /// <summary>The folder, relative to the repository root, that pins the browser libraries.</summary>
    public const string ToolsFolder = "tools/chart-renderer";

    /// <summary>The npm package that provides the plotly.js bundle.</summary>
    public const string PlotlyPackage = "plotly.js-dist-min";

    /// <summary>The npm package that drives chromium for the book site's check.</summary>
    public const string PlaywrightPackage = "playwright-core";

    /// <summary>What to run when a tool is missing.</summary>
    public const string InstallHint = "Install them with the repository's setup script (as root): scripts/setup.sh";

    /// <summary>The plotly.js bundle of the repository at <paramref name="repositoryRoot"/>, installed or
    /// not.</summary>
    public static string PlotlyJsFile(string repositoryRoot) =>
        Path.Combine(repositoryRoot, ToolsFolder, "node_modules", PlotlyPackage, "plotly.min.js");

    /// <summary>Finds the tools of the repository at <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="BrowserToolsMissingException">chromium is not on the PATH, or plotly.js or playwright-core is
    /// not installed at its pinned version; the message says how to install them.</exception>
    public static BrowserTools Locate(string repositoryRoot)
    {
        var problems = new List<string>();
        var chromium = FindOnPath("chromium") ?? FindOnPath("chromium-browser");
        if (chromium is null) problems.Add("Debian's chromium is not on the PATH");
        var manifest = Path.Combine(repositoryRoot, ToolsFolder, "package.json");
        var pins = File.Exists(manifest) ? JsonNode.Parse(File.ReadAllText(manifest))?["dependencies"] : null;
        var plotly = CheckPackage(repositoryRoot, PlotlyPackage, (string?)pins?[PlotlyPackage], "plotly.min.js",
            problems);
        CheckPackage(repositoryRoot, PlaywrightPackage, (string?)pins?[PlaywrightPackage], "package.json", problems);
        if (problems.Count > 0)
            throw new BrowserToolsMissingException(
                "The notebook tool needs Debian's chromium and, from npm, the versions of plotly.js and " +
                $"playwright-core that {ToolsFolder}/package.json pins: {string.Join("; ", problems)}. {InstallHint}");
        return new BrowserTools(chromium!, Path.Combine(plotly!, "plotly.min.js"));
    }

    // The folder of an npm package installed at its pinned version (it holds the file), or null and a problem.
    private static string? CheckPackage(string root, string package, string? pinned, string file, List<string> problems)
    {
        if (pinned is null)
        {
            problems.Add($"{ToolsFolder}/package.json does not pin {package}");
            return null;
        }
        var folder = Path.Combine(root, ToolsFolder, "node_modules", package);
        if (!File.Exists(Path.Combine(folder, file)))
        {
            problems.Add($"{package} {pinned} is not installed in {ToolsFolder}/node_modules");
            return null;
        }
        var installed = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package.json")))?["version"];
        if (installed == pinned) return folder;
        problems.Add($"{ToolsFolder}/node_modules has {package} {installed}, but {pinned} is pinned");
        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A browser tool the notebook tool needs is not installed; the message says how to install it.</summary>
public sealed class BrowserToolsMissingException(string message) : Exception(message);
