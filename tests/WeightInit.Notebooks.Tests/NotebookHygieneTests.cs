using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// What every committed notebook must be, checked on the files (no kernel): valid nbformat 4.5 with
/// unique cell ids, the .NET kernel metadata, outputs saved, no machine paths or kernel noise.
/// </summary>
public sealed partial class NotebookHygieneTests
{
    /// <summary>The first code cell of every notebook: the shared setup, and nothing else.</summary>
    public const string SetupCell = "#!import setup.dib";

    public static TheoryData<string> Notebooks() => Repository.Notebooks();

    private static JsonObject Read(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, notebook)))!.AsObject();

    [Fact]
    public void Manifest_and_folder_list_the_same_notebooks()
    {
        var manifest = NotebookManifest.Load(Repository.NotebooksFolder);
        var onDisk = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, manifest.Names.Order(StringComparer.Ordinal));
        Assert.All(manifest.Names, n => Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", n));
        Assert.Equal(manifest.Names.Order(StringComparer.Ordinal), manifest.Names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Is_valid_nbformat_4_5_json(string notebook)
    {
        var text = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, notebook));
        var json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false })!.AsObject();
        Assert.Equal(4, (int)json["nbformat"]!);
        Assert.Equal(5, (int)json["nbformat_minor"]!);
        foreach (var cell in json["cells"]!.AsArray())
        {
            Assert.Contains((string?)cell!["cell_type"], new[] { "code", "markdown" });
            Assert.NotNull(cell["source"]);
            Assert.IsType<JsonObject>(cell["metadata"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_has_a_unique_id(string notebook)
    {
        var ids = Read(notebook)["cells"]!.AsArray().Select(c => (string?)c!["id"]).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Declares_the_dotnet_csharp_kernel(string notebook)
    {
        var json = Read(notebook);
        var kernelspec = json["metadata"]!["kernelspec"]!;
        Assert.Equal(".net-csharp", (string?)kernelspec["name"]);
        Assert.Equal("C#", (string?)kernelspec["language"]);
        Assert.Equal("C#", (string?)json["metadata"]!["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        foreach (var cell in json["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code"))
            Assert.Equal("csharp", (string?)cell!["metadata"]!["polyglot_notebook"]!["kernelName"]);
    }

    /// <summary>
    /// The rule: a notebook with code starts with the setup: its first code cell is exactly the setup import; every code cell was executed in order
    /// (execution_count 1, 2, ...); every code cell after the setup shows something (text, a table or a chart).
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Starts_with_the_setup_and_saves_every_cells_outputs(string notebook)
    {
        var code = Read(notebook)["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        if (code.Count == 0) return; // a prose-only notebook (e.g. the reading order) needs no setup
        Assert.Equal(SetupCell, NotebookFile.JoinText(code[0]!["source"]).Trim());
        for (var i = 0; i < code.Count; i++)
        {
            var firstLine = TextOutputs.FirstLine(NotebookFile.JoinText(code[i]!["source"]));
            Assert.True((int?)code[i]!["execution_count"] == i + 1, $"{notebook}: code cell {i} ({firstLine}) has execution_count {code[i]!["execution_count"]?.ToJsonString() ?? "null"}, expected {i + 1}: run the notebooks");
            if (i > 0)
                Assert.True(code[i]!["outputs"]!.AsArray().Count > 0, $"{notebook}: code cell {i} ({firstLine}) has no saved output: show what it computes");
            Assert.DoesNotContain(code[i]!["outputs"]!.AsArray(), o => (string?)o!["output_type"] == "error");
        }
    }

    /// <summary>The most non-blank lines a code cell after the setup may have: one idea per cell, most under 10.</summary>
    public const int MaximumCodeCellLines = 20;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Code_cells_after_the_setup_have_at_most_20_non_blank_lines(string notebook)
    {
        var code = Read(notebook)["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        var tooLong = code.Skip(1)
            .Select((cell, i) => (Index: i + 1, Source: NotebookFile.JoinText(cell!["source"])))
            .Select(c => (c.Index, c.Source, Lines: c.Source.Split('\n').Count(l => l.Trim().Length > 0)))
            .Where(c => c.Lines > MaximumCodeCellLines)
            .Select(c => $"code cell {c.Index} ({TextOutputs.FirstLine(c.Source)}): {c.Lines} non-blank lines")
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"{notebook}: code cells after the setup may have at most {MaximumCodeCellLines} non-blank lines (move logic into lib/WeightInit, chart code into lib/WeightInit.Tutorial, or split the cell):{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    /// <summary>The figures of every saved chart of a notebook, with the first line of the cell that drew each.</summary>
    private static IEnumerable<(string Cell, PlotlyFigure Figure)> SavedCharts(string notebook)
    {
        foreach (var cell in Read(notebook)["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code"))
        {
            var where = TextOutputs.FirstLine(NotebookFile.JoinText(cell!["source"]));
            foreach (var output in cell["outputs"]!.AsArray())
                if (PlotlyChartHtml.TryParse(NotebookChartImages.MimeText(output!.AsObject(), NotebookChartImages.HtmlMimeType), out var figure))
                    yield return (where, figure!);
        }
    }

    private static IEnumerable<(string Name, JsonObject Axis)> Axes(PlotlyFigure figure) =>
        figure.Layout.Where(p => AxisName().IsMatch(p.Key) && p.Value is JsonObject).Select(p => (p.Key, p.Value!.AsObject()));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_log_axis_of_a_saved_chart_has_power_of_ten_ticks(string notebook)
    {
        // Plotly's default labels a log axis with SI prefixes (10µ, 100M, 1f), unreadable for values like 1e-15.
        var problems = SavedCharts(notebook)
            .SelectMany(c => Axes(c.Figure).Where(a => (string?)a.Axis["type"] == "log"
                    && ((string?)a.Axis["exponentformat"] != "power" || a.Axis["dtick"]?.ToJsonString() != "1"))
                .Select(a => $"{c.Cell}: {a.Name} is logarithmic with exponentformat "
                    + $"{a.Axis["exponentformat"]?.ToJsonString() ?? "unset"}, dtick {a.Axis["dtick"]?.ToJsonString() ?? "unset"}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{notebook}: every log axis needs one 10^k tick per decade and no other label (ChartStyle.WithAxes or WithPowerTicks):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_saved_chart_has_a_title_and_titled_axes(string notebook)
    {
        static bool Titled(JsonNode? title) => title switch
        {
            JsonObject o => !string.IsNullOrWhiteSpace((string?)o["text"]),
            JsonValue v => !string.IsNullOrWhiteSpace(v.ToString()),
            _ => false,
        };
        var problems = new List<string>();
        foreach (var (cell, figure) in SavedCharts(notebook))
        {
            if (!Titled(figure.Layout["title"])) problems.Add($"{cell}: the chart has no title");
            var axes = Axes(figure).ToList();
            if (axes.Count == 0) problems.Add($"{cell}: the chart has no titled axes");
            problems.AddRange(axes.Where(a => !Titled(a.Axis["title"])).Select(a => $"{cell}: {a.Name} has no title"));
        }
        Assert.True(problems.Count == 0, $"{notebook}: every chart needs a title and a title (with its unit) on every axis:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Outputs_name_no_machine_path_and_carry_no_kernel_noise(string notebook)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (var cell in Read(notebook)["cells"]!.AsArray())
        {
            foreach (var output in cell!["outputs"]?.AsArray() ?? [])
            {
                var text = OutputSanitizer.AllText(output);
                var where = $"{notebook}, cell {cell["id"]}";
                Assert.False(text.Contains(Repository.Root, StringComparison.Ordinal), $"{where}: output contains the repository path");
                Assert.False(home.Length > 1 && text.Contains(home + "/", StringComparison.Ordinal), $"{where}: output contains the home folder");
                Assert.False(MachinePath().IsMatch(text), $"{where}: output contains a machine path: {MachinePath().Match(text).Value}");
                Assert.False(OutputSanitizer.IsNoise(output!.AsObject()), $"{where}: output is kernel noise (extension loading or kernel script)");
            }
        }
    }

    [Fact]
    public void The_setup_pins_every_package_version()
    {
        var setup = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "setup.dib"));
        var references = NugetReference().Matches(setup);
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Matches(@"^\d+\.\d+\.\d+$", r.Groups["version"].Value));
        Assert.Contains("#r \"../artifacts/notebook-lib/WeightInit.dll\"", setup, StringComparison.Ordinal);
        Assert.Contains("#r \"../artifacts/notebook-lib/WeightInit.Tutorial.dll\"", setup, StringComparison.Ordinal);
        Assert.Contains("AssemblyLoadContext.Default.Resolving", setup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setup_loads_the_Plotly_versions_the_tutorial_helpers_are_built_against()
    {
        // WeightInit.Tutorial.dll is compiled against the central versions; the kernel must load the same ones.
        var setup = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "setup.dib"));
        var central = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props"));
        foreach (Match reference in NugetReference().Matches(setup))
        {
            var name = reference.Groups["name"].Value;
            if (name == "Plotly.NET.Interactive") continue; // the kernel extension; the helpers do not reference it
            Assert.Contains($"<PackageVersion Include=\"{name}\" Version=\"{reference.Groups["version"].Value}\" />", central, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_prerestored_packages_match_the_setup()
    {
        // scripts/setup.sh restores tools/notebook-packages so that a kernel's `#r "nuget: ..."` finds every
        // package in the NuGet cache; a version that differs from setup.dib would be fetched at run time.
        var setup = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "setup.dib"));
        var project = File.ReadAllText(Path.Combine(Repository.Root, "tools", "notebook-packages", "notebook-packages.csproj"));
        var references = NugetReference().Matches(setup);
        Assert.NotEmpty(references);
        foreach (Match r in references)
        {
            var item = $"<PackageReference Include=\"{r.Groups["name"].Value.Trim()}\" Version=\"{r.Groups["version"].Value.Trim()}\" />";
            Assert.True(project.Contains(item, StringComparison.Ordinal), $"tools/notebook-packages/notebook-packages.csproj lacks {item}");
        }
    }

    [GeneratedRegex(@"(?<![\w.<])(/root/|/home/[^/\s""]+/|/tmp/|/var/tmp/|\.nuget/packages|[A-Za-z]:\\Users\\)", RegexOptions.CultureInvariant)]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"^[xy]axis\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex AxisName();

    [GeneratedRegex(@"#r\s+""nuget:\s*(?<name>[^,""]+)(,\s*(?<version>[^""]*))?""", RegexOptions.CultureInvariant)]
    private static partial Regex NugetReference();
}
