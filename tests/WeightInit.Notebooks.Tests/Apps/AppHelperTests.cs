using WeightInit.Tutorial;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Tests.Apps;

/// <summary>The apps' helper (lib/WeightInit.Tutorial.Apps), in a repository-shaped temporary folder.</summary>
public sealed class AppHelperTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("weightinit-apphelper-");

    public AppHelperTests()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "notebooks", "apps"));
        File.WriteAllText(Path.Combine(_root.FullName, AppLocation.SolutionFile), "");
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string AppFile(string name) => Path.Combine(_root.FullName, "notebooks", "apps", name + ".cs");

    [Fact]
    public void AnAppInNotebooksAppsOfTheRepositoryIsFoundWithItsFolders()
    {
        var location = AppLocation.Find("01-x", AppFile("01-x"));

        Assert.Equal(_root.FullName, location.RepositoryRoot);
        Assert.Equal(Path.Combine(_root.FullName, "notebooks"), location.NotebooksFolder);
        Assert.Equal(Path.Combine(_root.FullName, "artifacts", "apps", "01-x"), location.OutputFolder);
        Assert.Equal("artifacts/apps/01-x/", location.OutputFolderName);
    }

    [Fact]
    public void AnAppStartedOutsideNotebooksAppsIsToldWhatToRun()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "elsewhere", "apps"));
        var error = Assert.Throws<AppSetupException>(() =>
            AppLocation.Find("01-x", Path.Combine(_root.FullName, "elsewhere", "apps", "01-x.cs")));

        Assert.Contains("runs where the generator wrote it, in notebooks/apps/", error.Message);
        Assert.EndsWith("from the repository's root, run: dotnet run -c Release --file notebooks/apps/01-x.cs",
            error.Message);
    }

    [Fact]
    public void AProgramNotStartedAsAFileBasedAppIsToldWhatToRun()
    {
        var error = Assert.Throws<AppSetupException>(() => AppLocation.Find("01-x", null));

        Assert.EndsWith("run: dotnet run -c Release --file notebooks/apps/01-x.cs", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("apps/01-x")]
    [InlineData("01-x.cs")]
    public void ANotebookNameMustBeABareName(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => AppLocation.Find(name, AppFile("01-x")));

    [Fact]
    public void ARunPrintsMarkersOnlyWhenAskedAndEntersCellsInOrder()
    {
        var output = new StringWriter();
        var run = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), output, new StringWriter(), markers: true);
        run.EnterCell(2);
        run.EnterCell(4);

        Assert.Equal(CellMarkers.Cell(2) + Environment.NewLine + CellMarkers.Cell(4) + Environment.NewLine,
            output.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => run.EnterCell(4));
        var quiet = new StringWriter();
        new AppRun(AppLocation.Find("01-x", AppFile("01-x")), quiet, new StringWriter(), markers: false).EnterCell(2);
        Assert.Equal("", quiet.ToString());
    }

    [Fact]
    public void AChartBecomesAPageOfItsCellThatLoadsThePinnedPlotlyJsByARelativePath()
    {
        var plotlyJs = Path.Combine(_root.FullName, AppLocation.PlotlyJs);
        Directory.CreateDirectory(Path.GetDirectoryName(plotlyJs)!);
        File.WriteAllText(plotlyJs, "");
        var output = new StringWriter();
        var run = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), output, new StringWriter(), markers: false);
        run.EnterCell(3);
        var shown = run.Show(Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4]));
        var last = run.Finish();

        Assert.Equal(Path.Combine(_root.FullName, "artifacts", "apps", "01-x", "cell-03.html"), shown.HtmlFile);
        var html = File.ReadAllText(shown.HtmlFile);
        Assert.Contains("<script src=\"../../../tools/chart-renderer/node_modules/plotly.js-dist-min/plotly.min.js\"",
            html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.Equal("charts: 1 HTML page(s) in artifacts/apps/01-x/", last);
        Assert.Equal(last + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void WithoutThePinnedPlotlyJsAChartPageCarriesPlotlyNetsCopyInline()
    {
        var run = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), new StringWriter(), new StringWriter(),
            markers: false);
        run.EnterCell(3);
        var html = File.ReadAllText(run.Show(Plotly.NET.CSharp.Chart.Line<int, int, string>([1, 2], [3, 4])).HtmlFile);

        Assert.DoesNotContain("<script src=", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.True(html.Length > 1_000_000, $"the page holds {html.Length} characters, too few for plotly.js inline");
    }

    [Fact]
    public void ARunWithoutChartsStillNamesItsOutputFolderOnItsLastLine()
    {
        var run = new AppRun(AppLocation.Find("00-x", AppFile("00-x")), new StringWriter(), new StringWriter(),
            markers: false);

        Assert.Equal("charts: none (the notebook draws none); output folder artifacts/apps/00-x/", run.Finish());
    }

    [Fact]
    public void ANewRunRemovesTheChartsOfTheLastOne()
    {
        var folder = Path.Combine(_root.FullName, "artifacts", "apps", "01-x");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cell-09.html"), "old");

        _ = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), new StringWriter(), new StringWriter(),
            markers: false);

        Assert.False(File.Exists(Path.Combine(folder, "cell-09.html")));
    }

    [Fact]
    public void AFailingClaimIsReportedWithTheAppAndTheCell()
    {
        var run = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), new StringWriter(), new StringWriter(),
            markers: false);
        run.EnterCell(5);
        var claim = Assert.Throws<ClaimFailedException>(() => Claim.Within(3, 0, 2, "stays within [0, 2]"));

        Assert.Equal("01-x.cs, code cell 5: a claim does not hold: ✗ stays within [0, 2] (3 ∉ [0, 2])",
            run.DescribeFailure(claim));
    }

    [Fact]
    public void ARelativeUrlUsesForwardSlashesAndEscapesEachSegment() =>
        Assert.Equal("../a%20b/c.js",
            ChartPage.RelativeUrl(Path.Combine(_root.FullName, "x"), Path.Combine(_root.FullName, "a b", "c.js")));
}
