namespace WeightInit.Kernels;

/// <summary>
/// The library's one way to run independent pieces of work on the calling thread or in parallel, and to
/// decide how many workers a job gets. The callers cut their work into pieces that do not depend on the
/// number of workers (chunks of a fill, row blocks of a batch, tiles of a product), so that their results
/// are the same bit for bit whatever the machine's core count or the limit the caller sets.
/// </summary>
/// <remarks>
/// A limit <c>maxDegreeOfParallelism</c> follows <see cref="ParallelOptions.MaxDegreeOfParallelism"/>: a
/// positive number of threads, or -1 (or 0) for one per core.
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
/// costs tens of microseconds per call, so small jobs stay on the calling thread (<see cref="Workers"/>).
/// </remarks>
internal static class ParallelWork
{
    /// <summary>The number of threads a limit allows: the limit itself when positive, else one per core.</summary>
    /// <param name="maxDegreeOfParallelism">A positive limit, or -1 or 0 for one thread per core.</param>
    /// <returns>At least 1.</returns>
    public static int Limit(int maxDegreeOfParallelism) =>
        maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>
    /// How many workers a job of <paramref name="work"/> operations, cut into <paramref name="pieces"/>
    /// independent pieces, should use: 1 below <paramref name="serialThreshold"/> operations, otherwise
    /// <see cref="Limit"/>(<paramref name="maxDegreeOfParallelism"/>), and never more than the pieces.
    /// </summary>
    /// <param name="work">The job's size, in the unit of <paramref name="serialThreshold"/> (e.g. floating-point
    /// operations).</param>
    /// <param name="serialThreshold">Below this size the job runs on the calling thread.</param>
    /// <param name="pieces">The number of pieces the job can be cut into (at least 1).</param>
    /// <param name="maxDegreeOfParallelism">A positive limit, or -1 or 0 for one thread per core.</param>
    /// <returns>A number of workers between 1 and <paramref name="pieces"/>.</returns>
    public static int Workers(long work, long serialThreshold, int pieces, int maxDegreeOfParallelism) =>
        work < serialThreshold ? 1 : Math.Max(1, Math.Min(Limit(maxDegreeOfParallelism), pieces));

    /// <summary>
    /// Runs <paramref name="body"/>(i) for every i in [0, <paramref name="count"/>): on the calling thread, in
    /// order, when there is at most one piece or the limit is one thread, otherwise with
    /// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> on at most that many threads.
    /// </summary>
    /// <param name="count">The number of pieces.</param>
    /// <param name="maxDegreeOfParallelism">A positive limit, or -1 or 0 for one thread per core.</param>
    /// <param name="body">The work of one piece; pieces must not depend on each other.</param>
    public static void For(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        int limit = Limit(maxDegreeOfParallelism);
        if (count <= 1 || limit == 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = limit }, body);
    }

    /// <summary>
    /// Cuts [0, <paramref name="units"/>) into <paramref name="workers"/> contiguous ranges of nearly equal size
    /// (range w is [units w / workers, units (w + 1) / workers)) and runs <paramref name="body"/>(start, end)
    /// for each, one range per thread (on the calling thread when there is one worker).
    /// </summary>
    /// <param name="units">The number of units to share out.</param>
    /// <param name="workers">The number of ranges (at least 1).</param>
    /// <param name="body">The work of one range [start, end).</param>
    public static void ForRanges(int units, int workers, Action<int, int> body)
    {
        if (workers <= 1)
        {
            body(0, units);
            return;
        }
        For(workers, workers, w => body((int)((long)units * w / workers), (int)((long)units * (w + 1) / workers)));
    }
}
