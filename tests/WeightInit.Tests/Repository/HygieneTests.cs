using System.Text.RegularExpressions;
using WeightInit.Tests.Support;

namespace WeightInit.Tests.Repository;

/// <summary>
/// Rules of the repository's code that no compiler checks: lines of at most 120 characters, and one naming style for
/// test methods (CONTRIBUTING.md).
/// </summary>
public partial class HygieneTests
{
    /// <summary>The longest line a code or build file may have.</summary>
    private const int MaxLineLength = 120;

    /// <summary>The file types the line rule covers: code and build files. Markdown is prose with tables, whose rows
    /// cannot be wrapped, so it is left to its editors.</summary>
    private static readonly string[] CodeExtensions = [".cs", ".csproj", ".props", ".sh"];

    /// <summary>
    /// Folders the line rule skips: notebooks/ (the notebooks and their generated apps: the generator copies the
    /// cells' lines; the notebooks' own code cells are held to the rule by the notebook hygiene tests).
    /// </summary>
    private static readonly string[] SkippedFolders = ["notebooks/"];

    [Fact]
    public void NoCodeLineIsLongerThan120Characters()
    {
        var longLines = new List<string>();
        foreach (string file in RepositoryFiles.TrackedFiles())
        {
            bool skipped = SkippedFolders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal));
            if (skipped || !CodeExtensions.Contains(Path.GetExtension(file)))
                continue;
            int number = 0;
            foreach (string line in File.ReadLines(RepositoryFiles.PathOf(file)))
            {
                number++;
                if (line.Length > MaxLineLength)
                    longLines.Add($"{file}:{number} ({line.Length} characters)");
            }
        }
        Assert.True(longLines.Count == 0,
            $"{longLines.Count} lines are longer than {MaxLineLength} characters:\n{string.Join('\n', longLines)}");
    }

    [Fact]
    public void PublicTestMethodsArePascalCaseWithoutUnderscores()
    {
        var offenders = new List<string>();
        foreach (string file in TestSources())
        {
            string text = File.ReadAllText(RepositoryFiles.PathOf(file));
            foreach (Match m in TestMethod().Matches(text))
                if (!PascalCase().IsMatch(m.Groups["name"].Value))
                    offenders.Add($"{file}: {m.Groups["name"].Value}");
        }
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} test methods are not PascalCase (e.g. GainOfTanhIsFiveThirds):\n" +
            string.Join('\n', offenders));
    }

    [Fact]
    public void TheNamingRuleSeesTestMethodsAndRejectsUnderscores()
    {
        const string sample = "[Fact]\n    public void " + "Gain_of_tanh()\n" + // split, or this file would fail
            "[Theory]\n[InlineData(new[] { 1 })]\n    public async Task Ok(int[] x)";
        var names = TestMethod().Matches(sample).Select(m => m.Groups["name"].Value).ToArray();
        Assert.Equal(["Gain_of_tanh", "Ok"], names);
        Assert.DoesNotMatch(PascalCase(), names[0]);
        Assert.Matches(PascalCase(), names[1]);
        Assert.True(TestSources().Count() > 50, "the naming rule found too few test files to look in the right place");
    }

    /// <summary>The C# files of every test project.</summary>
    private static IEnumerable<string> TestSources() =>
        RepositoryFiles.TrackedFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal)
            && f.StartsWith("tests/", StringComparison.Ordinal));

    /// <summary>A public method returning void or Task (in the test projects: the tests, and a few helpers), its name
    /// in the group "name".</summary>
    [GeneratedRegex(@"public (?:static )?(?:async )?(?:void|Task) (?<name>\w+)\(")]
    private static partial Regex TestMethod();

    /// <summary>PascalCase: a capital first, then letters and digits only.</summary>
    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
