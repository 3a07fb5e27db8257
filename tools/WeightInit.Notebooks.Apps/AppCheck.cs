using System.Diagnostics;
using System.Globalization;
using WeightInit.Notebooks.StaticCharts;
using WeightInit.Tutorial.Apps;

namespace WeightInit.Notebooks.Apps;

/// <summary>What <see cref="AppCheck"/> checks.</summary>
/// <param name="RepositoryRoot">The repository.</param>
/// <param name="Only">Check only the apps whose name starts with one of these (e.g. "01"); empty = all.</param>
/// <param name="BuildJobs">How many apps are built at once.</param>
/// <param name="Timeout">The longest one app may run.</param>
public sealed record AppCheckOptions(string RepositoryRoot, IReadOnlyList<string> Only, int BuildJobs, TimeSpan Timeout);

/// <summary>
/// The apps' check, as CI runs it (scripts/check-apps.sh): the committed apps are what the generator makes; the library
/// and the apps' helper build; every app builds (dotnet build -c Release on the file, a few at once, each against the
/// libraries just built) and runs (dotnet run --no-build, one at a time, each as soon as it is built) with its cell markers on; its console text equals its
/// notebook's saved text cell by cell, its charts are the notebook's (<see cref="AppOutputCheck"/>), and it ends with the
/// line that names its output folder. One line per app with its build and run times; the failures in full at the end.
/// </summary>
public static class AppCheck
{
    /// <summary>The projects an app references, built once before the apps (so that apps built at once never build them together).</summary>
    public const string HelperProject = "lib/WeightInit.Tutorial.Apps/WeightInit.Tutorial.Apps.csproj";

    /// <summary>Runs the check; returns the exit code (0 all apps match, 1 otherwise).</summary>
    public static async Task<int> RunAsync(AppCheckOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = options.RepositoryRoot;
        var total = Stopwatch.StartNew();
        if (AppFiles.Generate(root, check: true, output, error) != 0) return 1;

        var manifest = NotebookManifest.Load(Path.Combine(root, "notebooks"));
        var names = manifest.Names.Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(n => options.Only.Count == 0 || options.Only.Any(o => n.StartsWith(o, StringComparison.OrdinalIgnoreCase))).ToList();
        if (names.Count == 0) { error.WriteLine($"check-apps: no app starts with {string.Join(',', options.Only)}"); return 1; }

        var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var library = await ChildProcess.RunAsync("dotnet", ["build", HelperProject, "-c", "Release", "-nologo"], root, environment, TimeSpan.FromMinutes(10), cancellationToken);
        if (library.ExitCode != 0)
        {
            error.WriteLine($"check-apps: the library the apps use does not build (dotnet build {HelperProject} -c Release), so no app can run:");
            error.WriteLine(Tail(library.Stdout + library.Stderr, 30));
            error.WriteLine("Fix the build (dotnet build WeightInitNotebooks.sln -c Release), then run scripts/check-apps.sh again.");
            return 1;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"library and the apps' helper built in {library.Seconds:0.0} s"));

        // Build the apps a few at once, in reading order, while the apps already built run one after the other: a build is
        // mostly one process waiting on MSBuild and the compiler, so the runs need not wait for the last build.
        var builds = names.ToDictionary(n => n, _ => new TaskCompletionSource<ProcessResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        var buildClock = Stopwatch.StartNew();
        var building = Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.BuildJobs), CancellationToken = cancellationToken },
            async (name, token) =>
            {
                try
                {
                    builds[name].SetResult(await ChildProcess.RunAsync("dotnet",
                        ["build", "-c", "Release", "-nologo", "-v", "q", "-p:BuildProjectReferences=false", AppPath(name)], root, environment, TimeSpan.FromMinutes(10), token));
                }
                catch (Exception e)
                {
                    builds[name].TrySetException(e);
                    throw;
                }
            });
        var buildSeconds = building.ContinueWith(_ => buildClock.Elapsed.TotalSeconds, TaskScheduler.Default);

        var failures = new List<string>();
        var runSeconds = 0.0;
        var markers = new Dictionary<string, string>(environment) { [CellMarkers.EnvironmentVariable] = "1" };
        var imagesExpected = RendererInstalled(root);
        foreach (var name in names)
        {
            var build = await builds[name].Task;
            if (build.ExitCode != 0)
            {
                output.WriteLine($"FAIL {name}.cs: does not build");
                failures.Add($"{name}.cs does not build (dotnet build -c Release {AppPath(name)}):{Environment.NewLine}{Tail(build.Stdout + build.Stderr, 30)}");
                continue;
            }
            var run = await ChildProcess.RunAsync("dotnet", ["run", "-c", "Release", "--no-build", "--file", AppPath(name)], root, markers, options.Timeout, cancellationToken);
            runSeconds += run.Seconds;
            var problems = new List<string>();
            if (run.TimedOut) problems.Add($"did not finish within {options.Timeout.TotalSeconds:0} s");
            else if (run.ExitCode != 0) problems.Add($"exited with code {run.ExitCode}:{Environment.NewLine}{Tail(Unmarked(run.Stderr), 20)}");
            var largest = 0.0;
            if (!run.TimedOut && run.ExitCode == 0) problems.AddRange(Compare(root, name, run, imagesExpected, out largest));
            var times = string.Create(CultureInfo.InvariantCulture, $"build {build.Seconds,5:0.0} s, run {run.Seconds,5:0.0} s, figures {(largest == 0 ? "bit for bit" : $"within {largest:0.0e0} of scale")}");
            output.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")} {name + ".cs",-42} {times}");
            if (problems.Count > 0) failures.Add($"{name}.cs ({AppLocation.RunCommand(name)}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
        await building;
        var buildsDone = await buildSeconds;
        foreach (var f in failures) error.WriteLine($"FAIL {f}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check-apps: {names.Count - failures.Count} of {names.Count} app(s) match their notebooks; {total.Elapsed.TotalSeconds:0} s in all (apps built in {buildsDone:0} s with {options.BuildJobs} at once, while the built ones ran; runs {runSeconds:0} s)"));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>An app's path relative to the repository's root.</summary>
    public static string AppPath(string name) => $"{AppLocation.AppsFolder}/{name}.cs";

    private static List<string> Compare(string root, string name, ProcessResult run, bool imagesExpected, out double largestRelativeDifference)
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
        if (stdout.After.Count(c => c == '\n') != 1 || !lastLine.StartsWith("charts: ", StringComparison.Ordinal) || !lastLine.Contains(location.OutputFolderName, StringComparison.Ordinal))
            problems.Add($"its last line should be the only line after its cells and name its output folder {location.OutputFolderName}, but after its cells it printed: {stdout.After.Replace("\n", "\\n", StringComparison.Ordinal)}");
        problems.AddRange(AppOutputCheck.CompareCharts(notebook, location.OutputFolder, imagesExpected, out largestRelativeDifference));
        return problems;
    }

    private static bool RendererInstalled(string root)
    {
        try
        {
            ChartRenderingTools.Locate(root);
            return true;
        }
        catch (ChartToolsMissingException)
        {
            return false;
        }
    }

    private static string Unmarked(string text) =>
        string.Join('\n', text.Split('\n').Where(l => l.Length == 0 || l[0] != CellMarkers.Prefix));

    private static string Tail(string text, int lines) =>
        string.Join(Environment.NewLine, text.TrimEnd().Split('\n').TakeLast(lines).Select(l => "    " + l.TrimEnd('\r')));
}
