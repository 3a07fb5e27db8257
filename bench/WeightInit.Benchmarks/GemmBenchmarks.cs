using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using WeightInit.LinearAlgebra;

namespace WeightInit.Benchmarks;

/// <summary>
/// Suite "gemm": GFLOP/s (2 m k n / median seconds) of the three MatrixMultiply products for n = k = 512
/// and m in {1, 64, 512, 2048}, float32 and float64; compared in the same run with MathNet.Numerics'
/// managed Matrix products (m = 64 and 512: it is slow) and with numpy (numpy_baseline.py, started with
/// /usr/bin/python3 when numpy is installed, with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that
/// child process only). Options: --quick (fewer repetitions), --no-numpy, --no-mathnet, --m=1,64 (only these m).
/// </summary>
internal static class GemmBenchmarks
{
    private static readonly int[] Ms = [1, 64, 512, 2048];
    private const int K = 512, N = 512;
    private static readonly string[] Forms = ["MultiplyTransposed", "Multiply", "TransposeMultiply"];

    public static void Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        var onlyM = args.FirstOrDefault(a => a.StartsWith("--m="));
        int[] ms = onlyM is null ? Ms : onlyM[4..].Split(',').Select(int.Parse).ToArray();
        int repetitions = quick ? 5 : 9;
        var (numpy, numpyCpu) = args.Contains("--no-numpy") ? ([], []) : RunNumpy();

        Console.WriteLine($"n = k = {N}; GFLOP/s = 2 m k n / median of {repetitions} runs (each run repeats the call " +
            $"for >= 20 ms); {Environment.ProcessorCount} threads unless noted.");
        Console.WriteLine("'1T cpu' is one thread timed by its own CPU time (less sensitive to other processes on a " +
            "shared machine); 'np 1T cpu' likewise for numpy with one BLAS thread.");
        Console.WriteLine($"{"type",-7} {"product",-19} {"m",5} {"ours",8} {"1 thread",9} {"1T cpu",8} {"numpy",8} " +
            $"{"ours/np",8} {"np 1T cpu",10} {"1T ratio",8} {"MathNet",8} {"ours/MN",8}");
        foreach (var type in new[] { "float32", "float64" })
            foreach (var form in Forms)
                foreach (int m in ms)
                {
                    double ours =
                        type == "float32" ? Measure<float>(form, m, repetitions, 0)
                        : Measure<double>(form, m, repetitions, 0);
                    double single =
                        type == "float32" ? Measure<float>(form, m, repetitions, 1)
                        : Measure<double>(form, m, repetitions, 1);
                    double singleCpu =
                        type == "float32" ? Measure<float>(form, m, repetitions, 1, cpuTime: true)
                        : Measure<double>(form, m, repetitions, 1, cpuTime: true);
                    double mathNet = double.NaN;
                    if (!args.Contains("--no-mathnet") && (m == 64 || m == 512))
                        mathNet = type == "float32" ? MeasureMathNet<float>(form, m) : MeasureMathNet<double>(form, m);
                    double np = numpy.TryGetValue($"{type} {form} {m}", out var v) ? v : double.NaN;
                    double npCpu = numpyCpu.TryGetValue($"{type} {form} {m}", out var w) && w > 0 ? w : double.NaN;
                    Console.WriteLine($"{type,-7} {form,-19} {m,5} {ours,8:F1} {single,9:F1} {singleCpu,8:F1} " +
                        $"{Show(np),8} {Ratio(ours, np),8} {Show(npCpu),10} {Ratio(singleCpu, npCpu),8} " +
                        $"{Show(mathNet),8} {Ratio(ours, mathNet),8}");
                }
    }

    private static string Show(double x) => double.IsNaN(x) ? "-" : x.ToString("F1", CultureInfo.InvariantCulture);
    private static string Ratio(double x, double y) =>
        double.IsNaN(y) ? "-" : (x / y).ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>Median GFLOP/s of one product; <paramref name="threads"/> 0 is the library's automatic
    /// choice.</summary>
    private static double Measure<T>(string form, int m, int repetitions, int threads, bool cpuTime = false)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random.RandomSource(7);
        var a = Fill<T>(m * K, random);
        var b = Fill<T>(K * N, random);
        var c = new T[m * N];
        var options = new GemmOptions(SimdPath.Auto, threads);
        var product = Enum.Parse<ProductForm>(form);
        Action call = () => MatrixMultiply.Compute<T>(product, a, b, c, m, K, N, false, options);
        return 2.0 * m * K * N / MedianPerCall(call, repetitions, cpuTime: cpuTime) / 1e9;
    }

    /// <summary>MathNet.Numerics' managed provider (column-major storage; the shapes are the same).</summary>
    private static double MeasureMathNet<T>(string form, int m) where T : struct, IEquatable<T>, IFormattable
    {
        MathNet.Numerics.Control.UseManaged();
        var build = Matrix<T>.Build;
        var random = new System.Random(3);
        Matrix<T> Make(int rows, int cols) =>
            build.Dense(rows, cols, (_, _) =>
            (T)Convert.ChangeType(random.NextDouble() - 0.5, typeof(T), CultureInfo.InvariantCulture));
        var c = build.Dense(m, N);
        Matrix<T> A, B;
        Action call;
        switch (form)
        {
            case "MultiplyTransposed": A = Make(m, K); B = Make(N, K); call = () => A.TransposeAndMultiply(B, c); break;
            case "Multiply": A = Make(m, K); B = Make(K, N); call = () => A.Multiply(B, c); break;
            default: A = Make(K, m); B = Make(K, N); call = () => A.TransposeThisAndMultiply(B, c); break;
        }
        return 2.0 * m * K * N / MedianPerCall(call, 3, minRunSeconds: 0) / 1e9;
    }

    private static T[] Fill<T>(int count, Random.RandomSource random) where T : unmanaged
    {
        var values = new T[count];
        if (typeof(T) == typeof(float)) random.FillNormal((float[])(object)values, 0f, 1f);
        else random.FillNormal((double[])(object)values, 0.0, 1.0);
        return values;
    }

    /// <summary>Median seconds per call; each timed run repeats the call until it lasts about
    /// <paramref name="minRunSeconds"/>.</summary>
    private static double MedianPerCall(Action call, int repetitions, double minRunSeconds = 0.02, bool cpuTime = false)
    {
        call();
        var sw = Stopwatch.StartNew();
        call();
        double once = Math.Max(sw.Elapsed.TotalSeconds, 1e-7);
        int inner = Math.Max(1, (int)(minRunSeconds / once));
        if (!cpuTime)
            return Harness.MedianSeconds(() => { for (int i = 0; i < inner; i++) call(); }, repetitions) / inner;
        var times = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            double start = ThreadCpuSeconds();
            for (int i = 0; i < inner; i++) call();
            times[r] = (ThreadCpuSeconds() - start) / inner;
        }
        Array.Sort(times);
        return times[repetitions / 2];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID); wall time elsewhere.</summary>
    private static double ThreadCpuSeconds()
    {
        const int ClockThreadCpuTimeId = 3;
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0)
            return t.Seconds + 1e-9 * t.Nanoseconds;
        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    /// <summary>Runs numpy_baseline.py; returns GFLOP/s (default threads, wall clock; one thread, CPU time) keyed
    /// "float32 Multiply 512", or nothing if numpy is missing.</summary>
    private static (Dictionary<string, double> Wall, Dictionary<string, double> Cpu1) RunNumpy()
    {
        var results = new Dictionary<string, double>();
        var cpu1 = new Dictionary<string, double>();
        string? stdout = Harness.RunNumpyBaseline("numpy_baseline.py");
        if (stdout is null) return (results, cpu1);
        foreach (var line in stdout.Split('\n'))
        {
            var match =
                Regex.Match(line,
                @"^numpy (\w+) (\w+) m=(\d+) k=\d+ n=\d+ gflops=([\d.]+)(?: cpu1_gflops=(-?[\d.]+))?");
            if (!match.Success) continue;
            string key = $"{match.Groups[1].Value} {match.Groups[2].Value} {match.Groups[3].Value}";
            results[key] = double.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
            if (match.Groups[5].Success) cpu1[key] = double.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture);
        }
        return (results, cpu1);
    }
}
