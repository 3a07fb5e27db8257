using System.Buffers.Binary;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// What every committed notebook must be, checked on the files (no kernel): valid nbformat 4.5 with unique cell ids,
/// the .NET kernel metadata, the setup first, short cells, outputs saved, readable charts each with a static image, no
/// machine paths or kernel noise, pinned packages.
/// </summary>
public sealed partial class NotebookHygieneTests
{
    /// <summary>The first code cell of every notebook: the shared setup, and nothing else.</summary>
    public const string SetupCell = "#!import setup.dib";

    /// <summary>The most non-blank lines a code cell after the setup may have: one idea per cell, most under
    /// 10.</summary>
    public const int MaximumCodeCellLines = 20;

    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> Notebooks() => Repository.Notebooks();

    private static JsonObject Read(string notebook) =>
        NotebookFile.Load(Path.Combine(Repository.NotebooksFolder, notebook)).Json;

    private static List<JsonObject> CodeCells(string notebook) =>
        NotebookFile.CodeCells(Read(notebook)).Select(c => c.Cell).ToList();

    private static string FirstLine(JsonObject cell) => NotebookFile.FirstLine(NotebookFile.JoinText(cell["source"]));

    [Fact]
    public void ManifestAndFolderListTheSameNotebooks()
    {
        var manifest = NotebookManifest.Load(Repository.NotebooksFolder);
        var onDisk = Directory.GetFiles(Repository.NotebooksFolder,
            "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, manifest.Names.Order(StringComparer.Ordinal));
        Assert.All(manifest.Names, n => Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", n));
        Assert.Equal(manifest.Names.Order(StringComparer.Ordinal), manifest.Names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void IsValidNbformat45Json(string notebook)
    {
        var json = Read(notebook);
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
    public void EveryCellHasAUniqueId(string notebook)
    {
        var ids = Read(notebook)["cells"]!.AsArray().Select(c => (string?)c!["id"]).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void DeclaresTheDotnetCsharpKernel(string notebook)
    {
        var json = Read(notebook);
        var kernelspec = json["metadata"]!["kernelspec"]!;
        Assert.Equal(JupyterExecutor.KernelName, (string?)kernelspec["name"]);
        Assert.Equal("C#", (string?)kernelspec["language"]);
        Assert.Equal("C#", (string?)json["metadata"]!["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.All(CodeCells(notebook), c =>
            Assert.Equal("csharp", (string?)c["metadata"]!["polyglot_notebook"]!["kernelName"]));
    }

    /// <summary>
    /// A notebook with code starts with the setup: its first code cell is exactly the setup import; every code cell was
    /// executed in order (execution_count 1, 2, ...); every code cell after the setup shows something (text, a table or
    /// a chart), and none shows an error.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void StartsWithTheSetupAndSavesEveryCellsOutputs(string notebook)
    {
        var code = CodeCells(notebook);
        if (code.Count == 0) return; // a prose-only notebook (the reading order) needs no setup
        Assert.Equal(SetupCell, NotebookFile.JoinText(code[0]["source"]).Trim());
        for (var i = 0; i < code.Count; i++)
        {
            var where = $"{notebook}: code cell {i + 1} ({FirstLine(code[i])})";
            Assert.True((int?)code[i]["execution_count"] == i + 1,
                $"{where} has execution_count {code[i]["execution_count"]?.ToJsonString() ?? "null"}, expected " +
                    $"{i + 1}: run the notebooks");
            if (i > 0) Assert.True(code[i]["outputs"]!.AsArray().Count > 0,
                $"{where} has no saved output: show what it computes");
            Assert.DoesNotContain(code[i]["outputs"]!.AsArray(), o => (string?)o!["output_type"] == "error");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CodeCellsAfterTheSetupHaveAtMost20NonBlankLines(string notebook)
    {
        var tooLong = CodeCells(notebook).Skip(1)
            .Select((cell, i) =>
                (Number: i + 2, Cell: cell,
                    Lines: NotebookFile.JoinText(cell["source"]).Split('\n').Count(l => l.Trim().Length > 0)))
            .Where(c => c.Lines > MaximumCodeCellLines)
            .Select(c => $"code cell {c.Number} ({FirstLine(c.Cell)}): {c.Lines} non-blank lines")
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"{notebook}: code cells after the setup may have at most {MaximumCodeCellLines} non-blank lines (move " +
                "logic into " +
            "lib/WeightInit, chart code into lib/WeightInit.Tutorial, or split the " +
                $"cell):{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CodeLinesHaveAtMost120Characters(string notebook)
    {
        var tooLong = CodeCells(notebook).SelectMany(cell => NotebookFile.JoinText(cell["source"]).Split('\n')
                .Where(line => line.Length > 120).Select(line => $"{FirstLine(cell)}: {line.Length} characters"))
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"{notebook}: code lines may have at most 120 characters:{Environment.NewLine}" +
            string.Join(Environment.NewLine, tooLong));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EndsWithTwoToFourExercisesEachWithAHiddenWorkedSolution(string notebook)
    {
        if (notebook.StartsWith("00-", StringComparison.Ordinal)) return; // the map has no exercises
        var cells = Read(notebook)["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        bool IsExercise(JsonObject c) => (string?)c["cell_type"] == "markdown"
            && NotebookFile.JoinText(c["source"]).TrimStart().StartsWith("### Exercise", StringComparison.Ordinal);
        var exercises = cells.Select((c, i) => (c, i)).Where(x => IsExercise(x.c)).Select(x => x.i).ToList();
        Assert.InRange(exercises.Count, 2, 4);
        foreach (var start in exercises)
        {
            var solution = cells.Skip(start + 1).TakeWhile(c => !IsExercise(c) && Site.SiteSources.IsSolution(c))
                .ToList();
            Assert.True(solution.Any(c => (string?)c["cell_type"] == "code"),
                $"{notebook}: the exercise in cell {start} needs a worked solution: a code cell tagged " +
                "\"solution\" right after it, which checks its answer");
            Assert.All(solution, c => Assert.True(c["metadata"]?["jupyter"]?["source_hidden"]?.GetValue<bool>() == true,
                $"{notebook}: the solution after cell {start} must be hidden until opened " +
                "(metadata jupyter.source_hidden: true)"));
        }
        var solutions = cells.Where(Site.SiteSources.IsSolution).ToList();
        Assert.True(solutions.Count > 0 && solutions.Where(c => (string?)c["cell_type"] == "code")
                .All(c => ((c["outputs"] as JsonArray) ?? []).Any(o => NotebookFile.JoinText(o!["text"])
                    .Contains("✓ ", StringComparison.Ordinal))),
            $"{notebook}: every solution's code must check its own answer (print a ✓ line)");
    }

    /// <summary>The figures of every saved chart of a notebook, with the first line of the cell that drew
    /// each.</summary>
    private static IEnumerable<(string Cell, PlotlyFigure Figure)> SavedCharts(string notebook) =>
        CodeCells(notebook).SelectMany(c =>
            PlotlyChart.ChartOutputs(c).Select(o => (FirstLine(c), PlotlyChart.FigureOf(o))));

    private static IEnumerable<(string Name, JsonObject Axis)> Axes(PlotlyFigure figure) =>
        figure.Layout.Where(p => AxisName().IsMatch(p.Key) && p.Value is JsonObject).Select(p =>
            (p.Key, p.Value!.AsObject()));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryLogAxisOfASavedChartHasPowerOfTenTicks(string notebook)
    {
        // Plotly's default labels a log axis with SI prefixes (10µ, 100M, 1f), unreadable for values like 1e-15.
        var problems = SavedCharts(notebook)
            .SelectMany(c => Axes(c.Figure).Where(a => (string?)a.Axis["type"] == "log"
                    && ((string?)a.Axis["exponentformat"] != "power" || a.Axis["dtick"]?.ToJsonString() != "1"))
                .Select(a => $"{c.Cell}: {a.Name} is logarithmic with exponentformat " +
                    $"{a.Axis["exponentformat"]?.ToJsonString() ?? "unset"}, " +
                    $"dtick {a.Axis["dtick"]?.ToJsonString() ?? "unset"}"))
            .ToList();
        Assert.True(problems.Count == 0,
            $"{notebook}: every log axis needs one 10^k tick per decade and no other label (ChartStyle.WithAxes or " +
                $"WithPowerTicks):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EverySavedChartHasATitleAndTitledAxes(string notebook)
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
        Assert.True(problems.Count == 0,
            $"{notebook}: every chart needs a title and a title (with its unit) on every " +
                $"axis:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>
    /// The committed notebooks read without a kernel (GitHub, nbviewer, HTML exports): every chart output carries a PNG
    /// of the chart's size beside its interactive HTML.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryChartOutputCarriesAPngOfItsSize(string notebook)
    {
        var charts = PlotlyChart.ChartOutputsOf(Read(notebook));
        Assert.True(PlotlyChart.ChartsWithoutImage(Read(notebook)).Count == 0,
            $"{notebook}: chart outputs without a static image; run the notebooks (scripts/run-notebooks.sh) to add " +
                "them");
        foreach (var output in charts)
        {
            var png = Convert.FromBase64String((string)output["data"]![PlotlyChart.ImageMimeType]!);
            var figure = PlotlyChart.FigureOf(output);
            Assert.Equal(PngSignature, png[..8]);
            // The IHDR chunk comes first: its width and height, big-endian, after the signature and the chunk header.
            Assert.Equal((figure.Width, figure.Height),
                ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)),
                    (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20))));
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void OutputsNameNoMachinePathAndCarryNoKernelNoise(string notebook)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (var cell in CodeCells(notebook))
        {
            foreach (var output in cell["outputs"]!.AsArray().OfType<JsonObject>())
            {
                var text = OutputSanitizer.AllText(output);
                var where = $"{notebook}, cell {cell["id"]}";
                Assert.False(text.Contains(Repository.Root, StringComparison.Ordinal),
                    $"{where}: output contains the repository path");
                Assert.False(home.Length > 1 && text.Contains(home + "/", StringComparison.Ordinal),
                    $"{where}: output contains the home folder");
                Assert.False(MachinePath().IsMatch(text),
                    $"{where}: output contains a machine path: {MachinePath().Match(text).Value}");
                Assert.False(OutputSanitizer.IsNoise(output),
                    $"{where}: output is kernel noise (extension loading or kernel script)");
            }
        }
    }

    [Fact]
    public void TheSetupPinsEveryPackageVersion()
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
    public void TheSetupLoadsThePlotlyVersionsTheTutorialHelpersAreBuiltAgainst()
    {
        // WeightInit.Tutorial.dll is compiled against the central versions; the kernel must load the same ones.
        var setup = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "setup.dib"));
        var central = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props"));
        foreach (Match reference in NugetReference().Matches(setup))
        {
            var name = reference.Groups["name"].Value;
            if (name == "Plotly.NET.Interactive") continue; // the kernel extension; the helpers do not reference it
            Assert.Contains($"<PackageVersion Include=\"{name}\" Version=\"{reference.Groups["version"].Value}\" />",
                central, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThePrerestoredPackagesMatchTheSetup()
    {
        // scripts/setup.sh restores tools/notebook-packages so that a kernel's `#r "nuget: ..."` finds every
        // package in the NuGet cache; a version that differs from setup.dib would be fetched at run time.
        var setup = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "setup.dib"));
        var project = File.ReadAllText(Path.Combine(Repository.Root, "tools", "notebook-packages",
            "notebook-packages.csproj"));
        var references = NugetReference().Matches(setup);
        Assert.NotEmpty(references);
        foreach (Match r in references)
        {
            var item = $"<PackageReference Include=\"{r.Groups["name"].Value.Trim()}\" " +
                $"Version=\"{r.Groups["version"].Value.Trim()}\" />";
            Assert.True(project.Contains(item, StringComparison.Ordinal),
                $"tools/notebook-packages/notebook-packages.csproj lacks {item}");
        }
    }

    [GeneratedRegex(@"(?<![\w.<])(/root/|/home/[^/\s""]+/|/tmp/|/var/tmp/|\.nuget/packages|[A-Za-z]:\\Users\\)",
        RegexOptions.CultureInvariant)]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"^[xy]axis\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex AxisName();

    [GeneratedRegex(@"#r\s+""nuget:\s*(?<name>[^,""]+)(,\s*(?<version>[^""]*))?""", RegexOptions.CultureInvariant)]
    private static partial Regex NugetReference();
}
