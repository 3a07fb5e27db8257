using System.Diagnostics;

namespace WeightInit.Notebooks.Tests;

/// <summary>Every script of the repository answers --help with its header and exit code 0, without doing anything
/// else.</summary>
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts =>
    [
        "scripts/setup.sh", "scripts/test.sh", "scripts/run-notebooks.sh", "scripts/jupyter-kernel-setup.sh",
        "scripts/test-arm64.sh", ".ci/run",
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void HelpPrintsTheHeaderAndExits0(string script)
    {
        var path = Path.Combine(Repository.Root, script);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("--help");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} --help exited {process.ExitCode}: {stderr}");
        // The header's first comment line, printed without its "# ".
        var firstLine = File.ReadLines(path).Skip(1).First().TrimStart('#', ' ');
        Assert.StartsWith(firstLine, stdout);
        Assert.Contains("Usage: " + script, stdout);
    }
}
