using System.Diagnostics;

namespace WeightInit.Tests.Support;

/// <summary>The repository the tests run in: its root folder and the files git tracks.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The folder holding WeightInitNotebooks.sln, found upwards from the test assembly.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>A path below the root, from its parts.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The files git tracks (<c>git ls-files</c>), as paths relative to the root with '/'
    /// separators.</summary>
    public static IReadOnlyList<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git ls-files failed: {git.StandardError.ReadToEnd()}");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "WeightInitNotebooks.sln")))
            folder = folder.Parent;
        Assert.True(folder is not null, "No WeightInitNotebooks.sln above " + AppContext.BaseDirectory);
        return folder.FullName;
    }
}
