using System.Diagnostics;

namespace WeightInit.Benchmarks;

/// <summary>A minimal benchmark harness: warm up, repeat, report the median.</summary>
internal static class Harness
{
    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="repetitions"/> times; returns the
    /// median seconds.</summary>
    public static double MedianSeconds(Action action, int repetitions = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        action();
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return repetitions % 2 == 1 ? times[repetitions / 2] : 0.5
            * (times[repetitions / 2 - 1] + times[repetitions / 2]);
    }

    /// <summary>
    /// Runs one of the numpy baselines beside this file (bench/WeightInit.Benchmarks/<paramref name="script"/>) with
    /// Debian's python3 and returns its standard output, or null (after printing why) when python3, numpy or the
    /// script is missing or the script fails. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed for that child
    /// process only, so that OpenBLAS picks its kernels for this CPU: a fair baseline (FACTS.md).
    /// </summary>
    /// <param name="script">The script's file name, e.g. numpy_baseline.py.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The script's output, or null.</returns>
    public static string? RunNumpyBaseline(string script, params string[] arguments) =>
        RunPythonBaseline(script, "numpy baseline", null, arguments);

    /// <summary>
    /// <see cref="RunNumpyBaseline"/> for any Python baseline beside this file: its '#' lines are echoed after
    /// <paramref name="label"/>, and <paramref name="environment"/> (if any) is set for the child process after
    /// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed.
    /// </summary>
    /// <param name="script">The script's file name.</param>
    /// <param name="label">What the echoed lines start with, e.g. "torch baseline".</param>
    /// <param name="environment">Variables to set for the child process, or null.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The script's output, or null.</returns>
    public static string? RunPythonBaseline(string script, string label,
        IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        const string python = "/usr/bin/python3";
        string? path = FindBenchFile(script);
        if (path is null || !File.Exists(python))
        {
            Console.WriteLine($"{label}: skipped (python3 or {script} not found)");
            return null;
        }
        var info = new ProcessStartInfo(python, [path, .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment.Remove("OPENBLAS_CORETYPE");
        info.Environment.Remove("OPENBLAS_L2_SIZE");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string reason = stderr.Result.Trim().Split('\n').LastOrDefault() ?? "";
            Console.WriteLine($"{label}: skipped (exit {process.ExitCode}: {reason})");
            return null;
        }
        foreach (var line in stdout.Split('\n'))
            if (line.StartsWith('#')) Console.WriteLine($"{label} {line}");
        return stdout;
    }

    /// <summary>bench/WeightInit.Benchmarks/<paramref name="name"/> of the repository this program runs from, or
    /// null.</summary>
    private static string? FindBenchFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "WeightInit.Benchmarks", name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
