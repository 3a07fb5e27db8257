using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// The comparison that check (saved notebook against a fresh execution) and check-apps (notebook against app) rest on,
/// and what they read from an execution: claim checks and the first failing cell.
/// </summary>
public sealed class OutputComparisonTests
{
    /// <summary>A notebook of the setup cell and one cell that showed <paramref name="outputs"/>.</summary>
    private static JsonObject Shown(params JsonNode[] outputs)
    {
        var notebook = Fixture.CodeNotebook("#!import setup.dib", "Console.WriteLine(x);");
        notebook["cells"]![1]!["outputs"] = new JsonArray(outputs);
        return notebook;
    }

    private static JsonObject Chart(double y) => Fixture.HtmlOutput(
        Fixture.LineChartHtml.Replace("\"y\":[1.0,4.0,9.0]",
            $"\"y\":[1.0,4.0,{y.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}]",
            StringComparison.Ordinal), "execute_result");

    private static IReadOnlyList<string> Compare(JsonObject saved, JsonObject fresh) =>
        OutputComparison.Compare(saved, fresh, out _);

    [Fact]
    public void TheFixtureChartHasTheSeriesTheTestsChange() =>
        Assert.Contains("\"y\":[1.0,4.0,9.0]", Fixture.LineChartHtml, StringComparison.Ordinal);

    [Fact]
    public void TheSameOutputsCompareEqual() =>
        Assert.Empty(Compare(Shown(Fixture.Stdout("1\n"), Chart(9)), Shown(Fixture.Stdout("1\n"), Chart(9))));

    [Fact]
    public void AChangedTextOutputIsNamedWithItsCellAndLine()
    {
        var difference = Assert.Single(Compare(Shown(Fixture.Stdout("a\nb\n")), Shown(Fixture.Stdout("a\nc\n"))));

        Assert.StartsWith("code cell 2 (Console.WriteLine(x);), output 1 (stdout): line 2 differs", difference);
        Assert.Contains("saved: b", difference);
        Assert.Contains("fresh: c", difference);
    }

    [Fact]
    public void TimingLinesAreComparedWithoutTheirNumbersButWithTheirWords()
    {
        Assert.Empty(Compare(Shown(Fixture.Stdout("⏱ a pass: 1.2 s\n")), Shown(Fixture.Stdout("⏱ a pass: 0.87 s\n"))));
        Assert.Single(Compare(Shown(Fixture.Stdout("⏱ a pass: 1.2 s\n")),
            Shown(Fixture.Stdout("⏱ two passes: 1.2 s\n"))));
        // A line that is not marked as a timing is compared in full.
        Assert.Single(Compare(Shown(Fixture.Stdout("took 1.2 s\n")), Shown(Fixture.Stdout("took 0.9 s\n"))));
    }

    [Fact]
    public void AChartNumberThatChangedIsNamedAndOneWithinTheToleranceIsNot()
    {
        var difference = Assert.Single(Compare(Shown(Chart(9)), Shown(Chart(9.5))));
        Assert.Contains("its chart differs: data[0].y[2] is 9 in the saved chart, 9.5 in the fresh one", difference);

        Assert.Empty(OutputComparison.Compare(Shown(Chart(9)), Shown(Chart(9 + 9e-12)), out var largest));
        Assert.InRange(largest, 0.9e-12, 1.1e-12);
        Assert.Empty(OutputComparison.Compare(Shown(Chart(9)), Shown(Chart(9)), out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void NearZeroTheScaleOfTheSeriesDecidesNotTheValuesOwnMagnitude()
    {
        static PlotlyFigure Figure(double y) => new([new JsonObject { ["y"] = new JsonArray(1.0, y) }], [], []);

        Assert.Null(OutputComparison.FigureDifference(Figure(-2.4674817744596567E-11), Figure(-2.4674748355657528E-11),
            out _));
        Assert.NotNull(OutputComparison.FigureDifference(Figure(1e-6), Figure(2e-6), out _));
    }

    [Fact]
    public void AFigureFieldOtherThanANumberMustBeEqual()
    {
        var saved = PlotlyChart.Parse(Fixture.LineChartHtml);
        var fresh = PlotlyChart.Parse(Fixture.LineChartHtml.Replace("\"name\":\"squares\"", "\"name\":\"cubes\"",
            StringComparison.Ordinal));

        Assert.Contains("data[0].name is \"squares\" in the saved chart",
            OutputComparison.FigureDifference(saved, fresh, out _));
    }

    [Fact]
    public void AnOutputMoreOrOfAnotherKindIsNamed()
    {
        Assert.Contains("1 output(s) saved, 2 in the fresh run",
            Assert.Single(Compare(Shown(Fixture.Stdout("1\n")), Shown(Fixture.Stdout("1\n"), Chart(9)))));
        Assert.Contains("a stdout output was saved, the fresh run has a chart",
            Assert.Single(Compare(Shown(Fixture.Stdout("1\n")), Shown(Chart(9)))));
        Assert.Contains("2 code cells, the saved notebook 1",
            Assert.Single(Compare(Fixture.CodeNotebook("1"), Fixture.CodeNotebook("1", "2"))));
    }

    [Fact]
    public void HtmlAndPlainTextOutputsAreComparedAndImagesAreNot()
    {
        JsonObject Display(string html, string png)
        {
            var output = Fixture.HtmlOutput(html);
            output["data"]!["image/png"] = png;
            return output;
        }

        Assert.Empty(Compare(Shown(Display("<b>Installed</b>", "AAAA")), Shown(Display("<b>Installed</b>", "BBBB"))));
        Assert.Single(Compare(Shown(Display("<b>Installed</b>", "AAAA")), Shown(Display("<b>Other</b>", "AAAA"))));
    }

    [Fact]
    public void ClaimChecksAreThePrintedLinesThatStartWithTheMark()
    {
        var stderr = Fixture.Stdout("✓ not stdout\n");
        stderr["name"] = "stderr";
        var notebook = Fixture.CodeNotebook("a", "b");
        notebook["cells"]![0]!["outputs"] = new JsonArray(Fixture.Stdout("table\n✓ one (1 ∈ [0, 2])\n  ✓ indented is " +
            "not a check\n"));
        notebook["cells"]![1]!["outputs"] = new JsonArray(stderr, new JsonObject
        {
            ["output_type"] = "stream", ["name"] = "stdout", ["text"] = new JsonArray("✓ two\n", "✓ three"),
        });

        Assert.Equal(["✓ one (1 ∈ [0, 2])", "✓ two", "✓ three"], OutputComparison.ClaimChecks(notebook));
    }

    [Fact]
    public void TheFirstFailingCellOfAnExecutionIsNamedWithItsError()
    {
        // What nbclient saves for a cell the .NET kernel failed: an error output whose traceback holds the message.
        var notebook = Fixture.CodeNotebook("#!import setup.dib", "Claim.Within(3, 0, 2, \"stays within [0, 2]\");",
            "later();");
        notebook["cells"]![1]!["outputs"] = new JsonArray(new JsonObject
        {
            ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "",
            ["traceback"] = new JsonArray("WeightInit.Tutorial.ClaimFailedException: ✗ stays within [0, 2] (3 ∉ [0, " +
                "2])"),
        });

        Assert.Null(JupyterExecutor.FirstFailure(Fixture.CodeNotebook("1")));
        Assert.Equal("code cell 2 (Claim.Within(3, 0, 2, \"stays within [0, 2]\");) failed:" + Environment.NewLine +
            "WeightInit.Tutorial.ClaimFailedException: ✗ stays within [0, 2] (3 ∉ [0, 2])",
            JupyterExecutor.FirstFailure(notebook));
    }

    [Fact]
    public void ACompileErrorIsNamedWithTheCompilersDiagnostics()
    {
        // What nbclient saves for a cell the .NET kernel cannot compile: the diagnostics on standard error, then an
        // error output without a traceback.
        var notebook = Fixture.CodeNotebook("Console.WriteLine(1);", "int x = \"text\";");
        var stderr = Fixture.Stdout("\n(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'\n\n");
        stderr["name"] = "stderr";
        notebook["cells"]![1]!["outputs"] = new JsonArray(stderr, new JsonObject
        {
            ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "compilation error",
            ["traceback"] = new JsonArray(),
        });

        Assert.Equal("code cell 2 (int x = \"text\";) failed:" + Environment.NewLine + "compilation error" +
            Environment.NewLine + "(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'",
            JupyterExecutor.FirstFailure(notebook));
    }
}
