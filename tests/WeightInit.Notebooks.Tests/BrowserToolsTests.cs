using System.Text.RegularExpressions;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Tests;

/// <summary>Finding chromium and the pinned plotly.js and playwright-core, in a repository-shaped temporary
/// folder.</summary>
public sealed class BrowserToolsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("weightinit-tools-test-");

    public void Dispose() => _root.Delete(recursive: true);

    private string ToolsFolder => Path.Combine(_root.FullName, "tools", "chart-renderer");

    private void Pin(string plotly, string playwright)
    {
        Directory.CreateDirectory(ToolsFolder);
        File.WriteAllText(Path.Combine(ToolsFolder, "package.json"),
            $$"""{ "dependencies": { "playwright-core": "{{playwright}}", "plotly.js-dist-min": "{{plotly}}" } }""");
    }

    private void Install(string package, string version, string file)
    {
        var folder = Path.Combine(ToolsFolder, "node_modules", package);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"),
            $$"""{ "name": "{{package}}", "version": "{{version}}" }""");
        File.WriteAllText(Path.Combine(folder, file), "// stand-in");
    }

    [Fact]
    public void WithoutTheNpmPackagesItSaysWhatIsMissingAndHowToInstallIt()
    {
        Pin("2.28.0", "1.65.1");

        var e = Assert.Throws<BrowserToolsMissingException>(() => BrowserTools.Locate(_root.FullName));

        Assert.Contains("plotly.js-dist-min 2.28.0 is not installed", e.Message);
        Assert.Contains("playwright-core 1.65.1 is not installed", e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
    }

    [Fact]
    public void AnotherVersionThanThePinnedOneIsRefused()
    {
        Pin("2.28.0", "1.65.1");
        Install("plotly.js-dist-min", "2.27.1", "plotly.min.js");
        Install("playwright-core", "1.65.1", "index.js");

        var e = Assert.Throws<BrowserToolsMissingException>(() => BrowserTools.Locate(_root.FullName));

        Assert.Contains("has plotly.js-dist-min 2.27.1, but 2.28.0 is pinned", e.Message);
        Assert.DoesNotContain("playwright-core 1.65.1 is not installed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Notebooks")]
    public void WithThePinnedVersionsAndChromiumInstalledEveryToolIsFound()
    {
        Pin("2.28.0", "1.65.1");
        Install("plotly.js-dist-min", "2.28.0", "plotly.min.js");
        Install("playwright-core", "1.65.1", "index.js");

        var tools = BrowserTools.Locate(_root.FullName);

        Assert.Equal(BrowserTools.PlotlyJsFile(_root.FullName), tools.PlotlyJsPath);
        Assert.True(File.Exists(tools.ChromiumPath));
    }

    [Fact]
    public void TheAppsLoadThePlotlyJsTheToolDrawsWith() =>
        Assert.Equal(BrowserTools.PlotlyJsFile(_root.FullName), Path.Combine(_root.FullName, AppLocation.PlotlyJs));

    [Fact]
    public void TheRepositoryPinsThePlotlyJsVersionThatPlotlyNETUses()
    {
        // Plotly.NET 6.0.0's charts load plotly.js 2.28.0 (see Fixtures/plotly-net-interactive-6.0.0-line.html):
        // the static image must come from the same plotly.js as the interactive chart.
        var manifest = File.ReadAllText(Path.Combine(Repository.Root, "tools", "chart-renderer", "package.json"));
        var cdnVersion = Regex.Match(Fixture.LineChartHtml,
            @"cdn\.plot\.ly/plotly-(\d+\.\d+\.\d+)\.min").Groups[1].Value;

        Assert.Equal("2.28.0", cdnVersion);
        Assert.Contains($"\"plotly.js-dist-min\": \"{cdnVersion}\"", manifest);
    }
}
