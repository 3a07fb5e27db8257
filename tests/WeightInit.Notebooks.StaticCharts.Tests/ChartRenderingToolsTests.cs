namespace WeightInit.Notebooks.StaticCharts.Tests;

public sealed class ChartRenderingToolsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("weightinit-tools-test-");

    public void Dispose() => _root.Delete(recursive: true);

    private string ToolsFolder => Path.Combine(_root.FullName, "tools", "chart-renderer");

    private void WriteManifest(string version)
    {
        Directory.CreateDirectory(ToolsFolder);
        File.WriteAllText(Path.Combine(ToolsFolder, "package.json"), $$"""{ "dependencies": { "plotly.js-dist-min": "{{version}}" } }""");
    }

    private void InstallPlotly(string version)
    {
        var package = Path.Combine(ToolsFolder, "node_modules", "plotly.js-dist-min");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "package.json"), $$"""{ "name": "plotly.js-dist-min", "version": "{{version}}" }""");
        File.WriteAllText(Path.Combine(package, "plotly.min.js"), "// stand-in");
    }

    [Fact]
    public void Locate_WithoutPlotlyInstalled_SaysWhatIsMissingAndHowToInstall()
    {
        WriteManifest("2.28.0");

        var e = Assert.Throws<ChartToolsMissingException>(() => ChartRenderingTools.Locate(_root.FullName));

        Assert.Contains("plotly.js is not installed", e.Message);
        Assert.Contains("plotly.js 2.28.0", e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
    }

    [Fact]
    public void Locate_WithAnotherPlotlyVersionInstalled_Refuses()
    {
        WriteManifest("2.28.0");
        InstallPlotly("2.27.1");

        var e = Assert.Throws<ChartToolsMissingException>(() => ChartRenderingTools.Locate(Path.Combine(ToolsFolder, "node_modules")));

        Assert.Contains("has plotly.js 2.27.1, but 2.28.0 is pinned", e.Message);
    }

    [Fact]
    public void Locate_WithThePinnedVersion_FindsTheBundleFromASubfolder()
    {
        WriteManifest("2.28.0");
        InstallPlotly("2.28.0");
        var nested = Directory.CreateDirectory(Path.Combine(_root.FullName, "a", "b"));

        var tools = ChartRenderingTools.Locate(nested.FullName);

        Assert.Equal(Path.Combine(ToolsFolder, "node_modules", "plotly.js-dist-min", "plotly.min.js"), tools.PlotlyJsPath);
        Assert.Equal("2.28.0", tools.PlotlyJsVersion);
        Assert.True(File.Exists(tools.ChromiumPath));
    }

    [Fact]
    public void FindRepositoryRoot_OutsideTheRepository_Fails()
    {
        var e = Assert.Throws<ChartToolsMissingException>(() => ChartRenderingTools.FindRepositoryRoot(_root.FullName));
        Assert.Contains("tools/chart-renderer/package.json", e.Message);
    }

    [Fact]
    public void TheRepository_PinsThePlotlyJsVersionThatPlotlyNetUses()
    {
        // Plotly.NET 6.0.0's charts load plotly.js 2.28.0 (see Fixtures/plotly-net-interactive-6.0.0-line.html):
        // the static image must come from the same plotly.js as the interactive chart.
        var root = ChartRenderingTools.FindRepositoryRoot(AppContext.BaseDirectory);
        var manifest = File.ReadAllText(Path.Combine(root, "tools", "chart-renderer", "package.json"));
        var cdnVersion = System.Text.RegularExpressions.Regex.Match(Fixture.LineChartHtml, @"cdn\.plot\.ly/plotly-(\d+\.\d+\.\d+)\.min").Groups[1].Value;

        Assert.Equal("2.28.0", cdnVersion);
        Assert.Contains($"\"plotly.js-dist-min\": \"{cdnVersion}\"", manifest);
    }
}
