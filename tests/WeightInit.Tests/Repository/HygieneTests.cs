using System.Text.RegularExpressions;
using WeightInit.Tests.Support;

namespace WeightInit.Tests.Repository;

/// <summary>
/// Rules of the repository's code that no compiler checks: one naming style for test methods (CONTRIBUTING.md).
/// </summary>
public partial class HygieneTests
{
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
        const string sample = "[Fact]\n    public void Gain_of_tanh()\n[Theory]\n[InlineData(new[] { 1 })]\n    public async Task Ok(int[] x)";
        var names = TestMethod().Matches(sample).Select(m => m.Groups["name"].Value).ToArray();
        Assert.Equal(["Gain_of_tanh", "Ok"], names);
        Assert.DoesNotMatch(PascalCase(), names[0]);
        Assert.Matches(PascalCase(), names[1]);
        Assert.True(TestSources().Count() > 50, "the naming rule found too few test files to be looking in the right place");
    }

    /// <summary>The C# files of the two test projects the naming rule covers.</summary>
    private static IEnumerable<string> TestSources() =>
        RepositoryFiles.TrackedFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal)
            && (f.StartsWith("tests/WeightInit.Tests/", StringComparison.Ordinal)
                || f.StartsWith("tests/WeightInit.Tutorial.Tests/", StringComparison.Ordinal)));

    /// <summary>A public method returning void or Task (in the test projects: the tests, and a few helpers), its name
    /// in the group "name".</summary>
    [GeneratedRegex(@"public (?:static )?(?:async )?(?:void|Task) (?<name>\w+)\(")]
    private static partial Regex TestMethod();

    /// <summary>PascalCase: a capital first, then letters and digits only.</summary>
    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
