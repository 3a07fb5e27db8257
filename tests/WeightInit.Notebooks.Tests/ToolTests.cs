using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>The command line: verbs, options, help and exit codes (in process; nothing is executed).</summary>
public sealed class ToolTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Run(string? root, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await Tool.RunAsync(args, output, error, root);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task HelpListsEveryVerbAndTheExitCodesAndExits0()
    {
        var (exitCode, output, _) = await Run(null, "--help");

        Assert.Equal(Tool.Success, exitCode);
        Assert.All(new[] { "run", "check", "apps", "check-apps" }, v =>
            Assert.Contains($"  {v} ", output, StringComparison.Ordinal));
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--only PREFIX")]
    [InlineData("check", "--out DIR")]
    [InlineData("apps", "--check")]
    [InlineData("check-apps", "--jobs N")]
    public async Task EachVerbAnswersHelpWithItsOptions(string verb, string option)
    {
        var (exitCode, output, _) = await Run(null, verb, "--help");

        Assert.Equal(Tool.Success, exitCode);
        Assert.StartsWith($"Usage: {verb} ", output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "Usage:")]
    [InlineData(new[] { "execute" }, "unknown verb 'execute'")]
    [InlineData(new[] { "check", "--fast" }, "check: unknown argument '--fast'")]
    [InlineData(new[] { "apps", "--only", "01" }, "apps: unknown argument '--only'")]
    [InlineData(new[] { "run", "--jobs", "0" }, "--jobs must be a whole number from 1, got '0'")]
    [InlineData(new[] { "check", "--timeout", "soon" }, "--timeout must be a positive number of seconds, got 'soon'")]
    [InlineData(new[] { "check", "--only" }, "check: --only needs a value")]
    public async Task BadArgumentsExit2AndSayWhatIsWrong(string[] args, string message)
    {
        var (exitCode, _, error) = await Run(null, args);

        Assert.Equal(Tool.BadInput, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsAreParsedWithTheirDefaults()
    {
        var verb = Tool.Verbs.Single(v => v.Name == "check");

        var options = CommandLine.Parse(verb, ["--only", "03, 10", "--jobs", "3", "--timeout", "60.5", "--out", "x"]);

        Assert.Equal(["03", "10"], options.Only);
        Assert.Equal((3, TimeSpan.FromSeconds(60.5), "x"), (options.Jobs, options.Timeout, options.Out));
        Assert.Equal(CommandLine.Defaults with { Only = [] }, CommandLine.Parse(verb, []) with { Only = [] });
        Assert.Equal((2, "artifacts/notebooks"), (CommandLine.Defaults.Jobs, CommandLine.Defaults.Out));
    }

    [Fact]
    public async Task ANotebookListThatDisagreesWithTheFolderExits2NamingTheNotebook()
    {
        var root = Directory.CreateTempSubdirectory("weightinit-tool-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "notebooks"));
            File.WriteAllText(Path.Combine(root.FullName, NotebookManifest.SolutionFile), "");
            File.WriteAllText(Path.Combine(root.FullName, "notebooks", NotebookManifest.FileName),
                new JsonObject { ["notebooks"] = new JsonArray("01-missing.ipynb") }.ToJsonString());

            var (exitCode, _, error) = await Run(root.FullName, "apps", "--check");

            Assert.Equal(Tool.BadInput, exitCode);
            Assert.Contains("01-missing.ipynb: listed in notebooks.json but missing on disk", error,
                StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
