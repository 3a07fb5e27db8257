using System.Diagnostics;

namespace WeightInit.Benchmarks;

/// <summary>A minimal benchmark harness: warm up, repeat, report the median.</summary>
internal static class Harness
{
    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="repetitions"/> times; returns the median seconds.</summary>
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
        return repetitions % 2 == 1 ? times[repetitions / 2] : 0.5 * (times[repetitions / 2 - 1] + times[repetitions / 2]);
    }
}
