using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// Internal knob for the simulator, tests and benchmarks: force the SIMD path and the number of workers.
/// <see cref="Workers"/> 0 means automatic (<see cref="ParallelWork.Workers"/>: one worker below
/// <see cref="GemmEngine.ParallelThresholdFlops"/> of the path, otherwise one per core); a positive value is used as
/// given
/// (capped by the number of output tiles), even for small products, so that tests can exercise the parallel split.
/// </summary>
/// <param name="Path">The micro-kernel's vector width; <see cref="SimdPath.Auto"/> for the widest accelerated
/// one.</param>
/// <param name="Workers">0 for automatic, or the number of workers.</param>
internal readonly record struct GemmOptions(SimdPath Path = SimdPath.Auto, int Workers = 0)
{
    /// <summary>The automatic choice: best path, automatic parallelism.</summary>
    public static GemmOptions Default => default;

    /// <summary>
    /// Options for a caller that limits its threads (the simulator): the automatic choice of
    /// <see cref="ParallelWork.Workers"/> for a product of 2 m k n flops under that limit.
    /// </summary>
    /// <param name="m">Rows of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="maxDegreeOfParallelism">A positive limit, or -1 for one thread per core.</param>
    /// <returns>The options.</returns>
    /// <param name="elementSize">Bytes of one element (4 for float, 8 for double).</param>
    public static GemmOptions Limited(int m, int k, int n, int maxDegreeOfParallelism, int elementSize) =>
        new(SimdPath.Auto,
            ParallelWork.Workers(GemmEngine.Flops(m, k, n),
            GemmEngine.ParallelThresholdFlops(SimdPath.Auto, elementSize),
            int.MaxValue, maxDegreeOfParallelism));
}
