using System.Diagnostics;

namespace WeightInit.Tutorial;

/// <summary>
/// Lines that report how long something took. A timing differs from run to run, so it is printed on a line of its own
/// that starts with <see cref="Mark"/>: the checks that compare a notebook's saved text with a fresh run (the notebook
/// tool's check and check-apps) compare such a line with its numbers left out.
/// </summary>
public static class Timing
{
    /// <summary>The mark that starts a timing line.</summary>
    public const string Mark = "⏱ ";

    /// <summary>Prints <c>⏱ what: 1.23 s</c>.</summary>
    /// <param name="what">What was timed, in words.</param>
    /// <param name="elapsed">How long it took.</param>
    public static void Print(string what, TimeSpan elapsed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        Console.WriteLine($"{Mark}{what}: {Format.Number(elapsed.TotalSeconds)} s");
    }

    /// <summary>Runs <paramref name="action"/>, prints how long it took (<see cref="Print"/>) and returns its
    /// result.</summary>
    /// <typeparam name="T">The result's type.</typeparam>
    /// <param name="what">What is timed, in words.</param>
    /// <param name="action">The work.</param>
    /// <returns>What the work returned.</returns>
    public static T Measure<T>(string what, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var clock = Stopwatch.StartNew();
        var result = action();
        Print(what, clock.Elapsed);
        return result;
    }
}
