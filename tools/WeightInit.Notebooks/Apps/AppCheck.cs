using System.Diagnostics;
using System.Globalization;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Apps;

/// <summary>
/// The <c>check-apps</c> verb: the committed apps are what the generator makes; the library and the apps' helper build;
/// every app builds (dotnet build -c Release on the file, a few at once, each against the libraries just built) and
/// runs (dotnet run --no-build, one at a time, each as soon as it is built) with its cell markers on and a PATH that
/// holds only the .NET SDK's folder (what a reader with nothing but the SDK has: no chromium, Node.js or Python, so an
/// app that needed one would fail here); its console text
/// equals its notebook's saved text cell by cell, its charts are the notebook's (<see cref="AppOutputCheck"/>), and it
/// ends with the line that names its output folder. One line per app with its build and run times; the failures in
/// full at the end.
/// </summary>
internal static class AppCheck
{
    /// <summary>The project every app references, built once before the apps (so that apps built at once never build it
    /// together).</summary>
    public const string HelperProject = "lib/WeightInit.Tutorial.Apps/WeightInit.Tutorial.Apps.csproj";

    /// <summary>Runs the check for the repository at <paramref name="root"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string root, ToolOptions options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        if (AppFiles.Generate(root, check: true, output, error) != 0) return Tool.Failed;
        var names = NotebookManifest.Load(Path.Combine(root, "notebooks")).Select(options.Only)
            .Select(n => Path.GetFileNameWithoutExtension(n)).ToList();
        var library = await ChildProcess.RunAsync("dotnet", ["build", HelperProject, "-c", "Release", "-nologo"], root,
            TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
        if (library.ExitCode != 0)
        {
            error.WriteLine($"check-apps: the library the apps use does not build (dotnet build {HelperProject} -c " +
                $"Release), so no app can run:{Environment.NewLine}{library.Tail(30)}");
            return Tool.Failed;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"library and the apps' helper built in {library.Seconds:0.0} s"));

        // The apps build a few at once, in reading order, while the apps already built run one after the other: a build
        // is mostly one process waiting on MSBuild and the compiler, so the runs need not wait for the last build.
        using var slots = new SemaphoreSlim(options.Jobs);
        var builds = names.Select(async name =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await ChildProcess.RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q",
                    "-p:BuildProjectReferences=false", AppPath(name)], root, TimeSpan.FromMinutes(10),
                    cancellationToken: cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        var failures = new List<string>();
        var runSeconds = 0.0;
        var dotnet = DotnetExecutable();
        var markers = new Dictionary<string, string>
        {
            [CellMarkers.EnvironmentVariable] = "1",
            ["PATH"] = Path.GetDirectoryName(dotnet)!,
        };
        for (var i = 0; i < names.Count; i++)
        {
            var (name, build) = (names[i], await builds[i]);
            if (build.ExitCode != 0)
            {
                output.WriteLine($"FAIL {name}.cs: does not build");
                failures.Add($"{name}.cs does not build (dotnet build -c Release " +
                    $"{AppPath(name)}):{Environment.NewLine}" +
                    build.Tail(30));
                continue;
            }
            var run = await ChildProcess.RunAsync(dotnet,
                ["run", "-c", "Release", "--no-build", "--file", AppPath(name)],
                root, options.Timeout, markers, cancellationToken);
            runSeconds += run.Seconds;
            var problems = new List<string>();
            var largest = 0.0;
            if (run.TimedOut) problems.Add($"did not finish within {options.Timeout.TotalSeconds:0} s");
            else if (run.ExitCode != 0)
                problems.Add($"exited with code {run.ExitCode}:{Environment.NewLine}{Unmarked(run).Tail(20)}");
            else problems.AddRange(Compare(root, name, run, out largest));
            var figures = largest == 0 ? "bit for bit"
                : string.Create(CultureInfo.InvariantCulture, $"within {largest:0.0e0} of scale");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(problems.Count == 0 ? "ok  " : "FAIL")} {name + ".cs",-42} build {build.Seconds,5:0.0} s, " +
                $"run {run.Seconds,5:0.0} s, figures {figures}"));
            if (problems.Count > 0)
                failures.Add($"{name}.cs ({AppLocation.RunCommand(name)}):{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", problems));
        }
        foreach (var f in failures) error.WriteLine($"FAIL {f}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check-apps: {names.Count - failures.Count} of {names.Count} app(s) match their notebooks; " +
            $"{total.Elapsed.TotalSeconds:0} s in all (apps built with {options.Jobs} at once while the built ones " +
            $"ran; runs {runSeconds:0} s)"));
        return failures.Count == 0 ? Tool.Success : Tool.Failed;
    }

    /// <summary>An app's path relative to the repository's root.</summary>
    public static string AppPath(string name) => $"{AppLocation.AppsFolder}/{name}.cs";

    private static List<string> Compare(string root, string name, ProcessResult run,
        out double largestRelativeDifference)
    {
        largestRelativeDifference = 0;
        var notebook = NotebookFile.Load(Path.Combine(root, "notebooks", name + ".ipynb")).Json;
        AppConsole stdout, stderr;
        try
        {
            stdout = AppConsole.Split(run.Stdout);
            stderr = AppConsole.Split(run.Stderr);
        }
        catch (FormatException e)
        {
            return [$"its cell markers are out of order: {e.Message}"];
        }
        var problems = new List<string>(AppOutputCheck.CompareText(notebook, stdout, stderr));
        var location = new AppLocation(root, Path.Combine(root, AppPath(name)), name);
        var lastLine = stdout.After.TrimEnd('\n').Split('\n')[^1];
        if (stdout.After.Count(c => c == '\n') != 1 || !lastLine.StartsWith("charts: ", StringComparison.Ordinal)
            || !lastLine.Contains(location.OutputFolderName, StringComparison.Ordinal))
            problems.Add("its last line should be the only line after its cells and name its output folder " +
                $"{location.OutputFolderName}, but after its cells it printed: " +
                    $"{OutputComparison.Excerpt(stdout.After)}");
        problems.AddRange(AppOutputCheck.CompareCharts(notebook, location.OutputFolder, out largestRelativeDifference));
        return problems;
    }

    // The run's output without the cell markers.
    private static ProcessResult Unmarked(ProcessResult run) => run with
    {
        Stdout = "",
        Stderr = string.Join('\n', run.Stderr.Split('\n').Where(l => l.Length == 0 || l[0] != CellMarkers.Prefix)),
    };

    /// <summary>The dotnet executable on the PATH, with its links resolved (so that its folder is the SDK's own, which
    /// holds no other program).</summary>
    /// <exception cref="InvalidOperationException">No dotnet is on the PATH.</exception>
    internal static string DotnetExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var file = new FileInfo(Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
            if (!file.Exists) continue;
            return file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
        }
        throw new InvalidOperationException("check-apps: no dotnet on the PATH");
    }
}
