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
    public void An_app_in_notebooks_apps_of_the_repository_is_found_with_its_folders()
    {
        var location = AppLocation.Find("01-x", AppFile("01-x"));

        Assert.Equal(_root.FullName, location.RepositoryRoot);
        Assert.Equal(Path.Combine(_root.FullName, "notebooks"), location.NotebooksFolder);
        Assert.Equal(Path.Combine(_root.FullName, "artifacts", "apps", "01-x"), location.OutputFolder);
        Assert.Equal("artifacts/apps/01-x/", location.OutputFolderName);
    }

    [Fact]
    public void An_app_started_outside_notebooks_apps_is_told_what_to_run()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "elsewhere", "apps"));
        var error = Assert.Throws<AppSetupException>(() =>
            AppLocation.Find("01-x", Path.Combine(_root.FullName, "elsewhere", "apps", "01-x.cs")));

        Assert.Contains("runs where the generator wrote it, in notebooks/apps/", error.Message);
        Assert.EndsWith("from the repository's root, run: dotnet run -c Release --file notebooks/apps/01-x.cs",
            error.Message);
    }

    [Fact]
    public void A_program_not_started_as_a_file_based_app_is_told_what_to_run()
    {
        var error = Assert.Throws<AppSetupException>(() => AppLocation.Find("01-x", null));

        Assert.EndsWith("run: dotnet run -c Release --file notebooks/apps/01-x.cs", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("apps/01-x")]
    [InlineData("01-x.cs")]
    public void A_notebook_name_must_be_a_bare_name(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => AppLocation.Find(name, AppFile("01-x")));

    [Fact]
    public void A_run_prints_markers_only_when_asked_and_enters_cells_in_order()
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
    public void A_chart_becomes_a_page_of_its_cell_that_loads_the_pinned_plotly_js_by_a_relative_path()
    {
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
    public void A_run_without_charts_still_names_its_output_folder_on_its_last_line()
    {
        var run = new AppRun(AppLocation.Find("00-x", AppFile("00-x")), new StringWriter(), new StringWriter(),
            markers: false);

        Assert.Equal("charts: none (the notebook draws none); output folder artifacts/apps/00-x/", run.Finish());
    }

    [Fact]
    public void A_new_run_removes_the_charts_of_the_last_one()
    {
        var folder = Path.Combine(_root.FullName, "artifacts", "apps", "01-x");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cell-09.html"), "old");

        _ = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), new StringWriter(), new StringWriter(),
            markers: false);

        Assert.False(File.Exists(Path.Combine(folder, "cell-09.html")));
    }

    [Fact]
    public void A_failing_claim_is_reported_with_the_app_and_the_cell()
    {
        var run = new AppRun(AppLocation.Find("01-x", AppFile("01-x")), new StringWriter(), new StringWriter(),
            markers: false);
        run.EnterCell(5);
        var claim = Assert.Throws<ClaimFailedException>(() => Claim.Within(3, 0, 2, "stays within [0, 2]"));

        Assert.Equal("01-x.cs, code cell 5: a claim does not hold: ✗ stays within [0, 2] (3 ∉ [0, 2])",
            run.DescribeFailure(claim));
    }

    [Fact]
    public void A_relative_url_uses_forward_slashes_and_escapes_each_segment() =>
        Assert.Equal("../a%20b/c.js",
            ChartPage.RelativeUrl(Path.Combine(_root.FullName, "x"), Path.Combine(_root.FullName, "a b", "c.js")));
}
