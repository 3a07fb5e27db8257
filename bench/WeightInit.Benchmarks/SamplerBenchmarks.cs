using System.Diagnostics;
using System.Runtime.Intrinsics;

namespace WeightInit.Benchmarks;

/// <summary>
/// Suite "sampler": median seconds to fill 65,536,000 standard normals (250 matrices of 512 x 512),
/// float32 and float64, for each SIMD path of <see cref="RandomSource"/> (scalar, Vector256, Vector512)
/// on 1 and 2 threads, against MathNet.Numerics' <c>Normal.Samples</c> (xoshiro256**, one thread,
/// double only) as the in-run baseline. Options: <c>--reps=N</c> (default 5) timed repetitions after one
/// warm-up. All RandomSource rows produce identical bits (the tests check it), so they differ only in speed.
/// </summary>
internal static class SamplerBenchmarks
{
    private const int Count = 250 * 512 * 512;

    public static void Run(string[] args)
    {
        int reps = 5;
        string? option = args.FirstOrDefault(a => a.StartsWith("--reps=", StringComparison.Ordinal));
        if (option != null) reps =
            int.Parse(option["--reps=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var doubles = new double[Count];
        var floats = new float[Count];

        var (mathNet, mathNetCpu) = Measure(() =>
        {
            var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(42);
            MathNet.Numerics.Distributions.Normal.Samples(rng, doubles, 0.0, 1.0);
        }, reps);
        Console.WriteLine($"{Count:N0} standard normals, median of {reps}; 'cpu s' is the process CPU time of the " +
            $"call (all threads),");
        Console.WriteLine("a steadier measure than wall time while other work shares the machine.");
        Console.WriteLine($"{"generator",-34} {"type",-8} {"threads",7} {"seconds",9} {"cpu s",7} {"Mvalues/s",10} " +
            $"{"x MathNet",10}");
        Console.WriteLine($"{"MathNet Normal.Samples (baseline)",-34} {"float64",-8} {1,7} {mathNet,9:F3} " +
            $"{mathNetCpu,7:F3} {Count / mathNet / 1e6,10:F0} {1.0,10:F2}");

        var paths = new List<SimdPath> { SimdPath.Scalar };
        if (Vector256.IsHardwareAccelerated) paths.Add(SimdPath.Vector256);
        if (Vector512.IsHardwareAccelerated) paths.Add(SimdPath.Vector512);
        foreach (string type in new[] { "float32", "float64" })
        {
            foreach (SimdPath path in paths)
            {
                foreach (int threads in new[] { 1, 2 })
                {
                    var rng = new RandomSource(42) { Path = path, MaxDegreeOfParallelism = threads };
                    var (seconds, cpu) = type == "float32"
                        ? Measure(() => rng.FillNormal(floats, 0f, 1f), reps)
                        : Measure(() => rng.FillNormal(doubles, 0.0, 1.0), reps);
                    Console.WriteLine($"{"RandomSource.FillNormal " + path,-34} {type,-8} {threads,7} {seconds,9:F3} " +
                        $"{cpu,7:F3} {Count / seconds / 1e6,10:F0} {mathNet / seconds,10:F1}");
                }
            }
        }
        var truncated = new RandomSource(42);
        var (trunc, truncCpu) = Measure(() => truncated.FillTruncatedNormal(floats, 0, 1, -2, 2), reps);
        Console.WriteLine($"{"RandomSource.FillTruncatedNormal",-34} {"float32",-8} {"all",7} {trunc,9:F3} " +
            $"{truncCpu,7:F3} {Count / trunc / 1e6,10:F0} {mathNet / trunc,10:F1}");
    }

    /// <summary>One warm-up, then the medians of wall seconds and of process CPU seconds over <paramref name="reps"/>
    /// runs.</summary>
    private static (double Wall, double Cpu) Measure(Action action, int reps)
    {
        action();
        var wall = new double[reps];
        var cpu = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            action();
            wall[i] = sw.Elapsed.TotalSeconds;
            cpu[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        }
        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[reps / 2], cpu[reps / 2]);
    }
}
