using WeightInit.Notebooks.Apps;

namespace WeightInit.Notebooks.Tests.Apps;

/// <summary>The translation of notebook cells into a file-based app, on small notebooks made here.</summary>
public sealed class GeneratorTests
{
    private static string Generate(params string[] cells)
    {
        var number = 0;
        var list = new List<(string? Markdown, CodeCell? Code)>();
        for (var i = 0; i < cells.Length; i++)
            list.Add(cells[i].StartsWith("md:", StringComparison.Ordinal) ? (cells[i][3..], null)
                : (null, new CodeCell(++number, i, cells[i])));
        return AppGenerator.Generate("01-test", list, Repository.Setup);
    }

    private static AppGenerationException Fails(params string[] cells) =>
        Assert.Throws<AppGenerationException>(() => Generate(cells));

    [Fact]
    public void MarkdownBecomesCommentsAndCodeCellsFollowInOrderBetweenStartAndFinish()
    {
        var app = Generate("md:# A title\n\nSome *prose*.", AppGenerator.SetupCell, "Console.WriteLine(1);",
            "md:More.", "Console.WriteLine(2);");

        Assert.Contains("// # A title\n//\n// Some *prose*.\n", app);
        var order = new[] { "NotebookApp.Start(\"01-test\");", "// # A title",
            "NotebookApp.Cell(2);\nConsole.WriteLine(1);", "// More.",
            "NotebookApp.Cell(3);\nConsole.WriteLine(2);", "NotebookApp.Finish();" }.Select(s =>
                app.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("#!import", app.Split('\n').Where(l => !l.StartsWith("//", StringComparison.Ordinal)));
        Assert.DoesNotContain("#r ", app);
    }

    [Fact]
    public void TheSetupBecomesProjectDirectivesOfTheLibraryTheTutorialHelpersAndTheAppsHelper()
    {
        var app = Generate(AppGenerator.SetupCell);

        Assert.Contains("#:project ../../lib/WeightInit/WeightInit.csproj\n", app);
        Assert.Contains("#:project ../../lib/WeightInit.Tutorial/WeightInit.Tutorial.csproj\n", app);
        Assert.Contains("#:project ../../lib/WeightInit.Tutorial.Apps/WeightInit.Tutorial.Apps.csproj\n", app);
        Assert.Contains("dotnet run -c Release --file notebooks/apps/01-test.cs", app);
    }

    [Fact]
    public void UsingDirectivesMoveToTheTopOnceAndThoseTheAppsImportAnywayAreDropped()
    {
        var app = Generate(AppGenerator.SetupCell,
            "using WeightInit.Simulation;\nusing WeightInit;\nConsole.WriteLine(1);",
            "using WeightInit.Simulation;\nConsole.WriteLine(2);");

        Assert.Equal(1, Count(app, "using WeightInit.Simulation;"));
        Assert.True(app.IndexOf("using WeightInit.Simulation;",
            StringComparison.Ordinal) < app.IndexOf("NotebookApp.Start", StringComparison.Ordinal));
        Assert.DoesNotContain("using WeightInit;", app);
    }

    [Fact]
    public void ACellsLastChartExpressionIsShownByTheHelper()
    {
        var app = Generate(AppGenerator.SetupCell,
            "var x = new[] { 1, 2 };\nChart.Line<int, int, string>(x, x)\n    .WithTitle(\"t\")");

        Assert.Contains("NotebookApp.Show(Chart.Line<int, int, string>(x, x)\n    .WithTitle(\"t\"));", app);
    }

    [Fact]
    public void ALastExpressionWithoutAValueBecomesAStatement()
    {
        var app = Generate(AppGenerator.SetupCell, "Console.WriteLine(\"no semicolon\")");

        Assert.Contains("NotebookApp.Cell(2);\nConsole.WriteLine(\"no semicolon\");", app);
        Assert.DoesNotContain("NotebookApp.Show", app);
    }

    [Fact]
    public void ALastExpressionThatIsNotAChartFailsNamingTheCell()
    {
        var error = Fails(AppGenerator.SetupCell, "var n = 3;\nn * 2");

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("code cell 2 (var n = 3;): its last expression is a int", problem);
        Assert.Contains("Console.WriteLine", problem);
    }

    [Theory]
    [InlineData("#r \"nuget: Foo, 1.0.0\"\nConsole.WriteLine(1);", "'#r \"nuget: Foo, 1.0.0\"' is a kernel directive")]
    [InlineData("#!time\nConsole.WriteLine(1);", "'#!time' is a kernel magic command")]
    public void KernelDirectivesAfterTheSetupFailNamingTheCellAndLine(string cell, string expected)
    {
        var error = Fails(AppGenerator.SetupCell, cell);

        Assert.Contains(error.Problems, p => p.StartsWith("code cell 2 (", StringComparison.Ordinal)
            && p.Contains(", line 1: " + expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ANotebookWhoseFirstCodeCellIsNotTheSetupFails()
    {
        var error = Fails("Console.WriteLine(1);");

        Assert.Contains("the first code cell must be exactly #!import setup.dib", Assert.Single(error.Problems));
    }

    [Fact]
    public void TypesMoveAfterTheStatementsAndExtensionMethodsIntoAStaticClass()
    {
        var app = Generate(AppGenerator.SetupCell,
            "// A run.\nrecord Run(int Seed);\nvar run = new Run(3);\nConsole.WriteLine(run.Twice());",
            "static int Twice(this Run r) => 2 * r.Seed;");

        var finish = app.IndexOf("NotebookApp.Finish();", StringComparison.Ordinal);
        Assert.True(app.IndexOf("// A run.\nrecord Run(int Seed);", StringComparison.Ordinal) > finish);
        Assert.Contains("internal static class CellExtensions\n{\n    // From code cell 3.\n    internal static int " +
            "Twice(this Run r) => 2 * r.Seed;\n}", app);
        Assert.Contains("NotebookApp.Cell(2);\nvar run = new Run(3);", app);
    }

    [Fact]
    public void AnErrorInAMovedExtensionMethodNamesItsCellAndLine()
    {
        var error = Fails(AppGenerator.SetupCell,
            "static int Twice(this int x)\n    => x * \"2\";\nConsole.WriteLine(3.Twice());");

        Assert.Contains(error.Problems, p =>
            p.StartsWith("code cell 2 (static int Twice(this int x)), line 2: CS0019", StringComparison.Ordinal));
    }

    [Fact]
    public void ANestedLocalThatClashesWithAnotherCellsTopLevelLocalIsRenamedInItsCellWithANote()
    {
        var app = Generate(AppGenerator.SetupCell,
            "foreach (var m in new[] { 1, 2 }) Console.WriteLine(m + 1);",
            "var m = 5;\nConsole.WriteLine(m);");

        Assert.Contains("// (In the app, this cell's 'm' is 'm_2':", app);
        Assert.Contains("foreach (var m_2 in new[] { 1, 2 }) Console.WriteLine(m_2 + 1);", app);
        Assert.Contains("var m = 5;\nConsole.WriteLine(m);", app);
    }

    [Fact]
    public void ATopLevelNameALaterCellDeclaresAgainIsRenamedFromThereOnAsTheNotebookShadowsIt()
    {
        var app = Generate(AppGenerator.SetupCell,
            "var x = 1;\nint Old() => x;\nConsole.WriteLine(x);",
            "var x = 2;\nConsole.WriteLine(x);",
            "Console.WriteLine(x + Old());");

        // From cell 3 on, x is the later x (2); the function declared before it keeps the earlier one (1), as in the
        // notebook.
        Assert.Contains("NotebookApp.Cell(2);\nvar x = 1;\nint Old() => x;\nConsole.WriteLine(x);", app);
        Assert.Contains("NotebookApp.Cell(3);\nvar x_3 = 2;\nConsole.WriteLine(x_3);", app);
        Assert.Contains("NotebookApp.Cell(4);\nConsole.WriteLine(x_3 + Old());", app);
        Assert.Contains("// (In the app, this cell's 'x' is 'x_3':", app);
    }

    [Fact]
    public void ATypeThatUsesACellsVariableFailsWithAdvice()
    {
        var error = Fails(AppGenerator.SetupCell, "const int Width = 4;\nConsole.WriteLine(Width);",
            "record Layer(int Size) { public int Wide => Width; }\nConsole.WriteLine(new Layer(1).Wide);");

        Assert.True(error.Problems.Any(p => p.StartsWith("code cell 3 (record Layer", StringComparison.Ordinal)
            && p.Contains("'Width'", StringComparison.Ordinal)
                && p.Contains("not in scope", StringComparison.Ordinal)), error.Message);
    }

    [Fact]
    public void AMemberWithAnAccessModifierFailsNamingIt()
    {
        var error = Fails(AppGenerator.SetupCell, "public int Twice(int x) => 2 * x;\nConsole.WriteLine(Twice(2));");

        Assert.Contains(error.Problems, p => p.Contains("Twice is declared 'public'", StringComparison.Ordinal));
    }

    [Fact]
    public void AWarningFailsTooBecauseTheAppsBuildCountsItAsAnError()
    {
        var error = Fails(AppGenerator.SetupCell, "string? s = null;\nConsole.WriteLine(s.Length);");

        Assert.Contains(error.Problems, p =>
            p.StartsWith("code cell 2 (string? s = null;), line 2: warning", StringComparison.Ordinal)
                && p.Contains("CS8602", StringComparison.Ordinal));
    }

    [Fact]
    public void ANotebookWithoutCodeStillGetsAnApp()
    {
        var app = Generate("md:# Only prose");

        Assert.Contains("// # Only prose", app);
        Assert.Contains("NotebookApp.Start(\"01-test\");", app);
        Assert.Contains("NotebookApp.Finish();", app);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
