using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.RegularExpressions;
using WeightInit.LinearAlgebra;

namespace WeightInit.Benchmarks;

/// <summary>
/// Suite "goals": the performance goals of issue 12, each printed as a ratio measured in this run with MET / NOT MET.
/// <list type="bullet">
/// <item>The machine's FMA peak, measured here: a register-only loop of fused multiply-adds (12 independent chains at
/// the widest accelerated width) on every core, float32 and float64.</item>
/// <item>Which path each kernel takes, and the matrix product's tile and cache blocking.</item>
/// <item>The forward product X W^T (MultiplyTransposed, n = k = 512) at B = 512 and 2048 against numpy + OpenBLAS
/// (numpy_baseline.py; ours timed before and after it, the median of both), and its fraction of the peak at B =
/// 2048.</item>
/// <item>The whole ReLU pass (n = 512, L = 250, weights generated inside) against numpy's products + stats with the
/// weights drawn beforehand, and against numpy drawing them (numpy_fullpass.py).</item>
/// <item>The kernels with AVX-512 switched off (<c>DOTNET_EnableAVX512=0</c>) and with AVX2 also off, each measured in
/// a child process of this program, against the same kernels in a child process as is; and the 128-bit kernels with the
/// hardware FMA (<see cref="SimdPaths.MaxWidthVariable"/> = Vector128), the shape of ARM64 NEON, which the runtime's
/// knobs cannot give on x86 (there AVX2 off also means no FMA).</item>
/// </list>
/// Options: --quick (fewer repetitions, L = 50 for the whole pass), --no-numpy.
/// </summary>
internal static class GoalsBenchmark
{
    private const int Width = 512;
    private const string ChildFlag = "--goals-child";

    /// <summary>The child's small pass (so that a pass without hardware FMA stays short): n = 512, L = 20, B =
    /// 256.</summary>
    private const int ChildLayers = 20, ChildBatch = 256;

    private static readonly List<string> Goals = [];

    public static void Run(string[] args)
    {
        if (args.Contains(ChildFlag))
        {
            foreach (var line in KernelTimings()) Console.WriteLine(line);
            return;
        }
        bool quick = args.Contains("--quick");
        bool numpy = !args.Contains("--no-numpy");
        Console.WriteLine($"processor: {ProcessorName()}; {Environment.ProcessorCount} logical cores; load average " +
            $"at start: {LoadAverage()}");
        Console.WriteLine($"caches: {CacheTopology.Current}");
        PrintPaths();

        var (peak32, peak64) = (FmaPeak<float>(), FmaPeak<double>());
        Console.WriteLine($"FMA peak (register-only loop, {SimdPaths.Best}, {Environment.ProcessorCount} threads): " +
            $"float32 {peak32:F1} GFLOP/s, float64 {peak64:F1} GFLOP/s");

        Products(quick, numpy, peak32, peak64);
        WholePass(quick, numpy);
        WidthsOff();

        Console.WriteLine($"load average at end: {LoadAverage()}");
        Console.WriteLine("== goals ==");
        foreach (var goal in Goals) Console.WriteLine(goal);
        Goals.Clear();
    }

    private static void Goal(string what, double ratio, double target, bool atMost = false, string unit = "x")
    {
        bool met = atMost ? ratio <= target : ratio >= target;
        string comparison = atMost ? "<=" : ">=";
        string shown =
            unit == "%" ? $"{100 * ratio:F0}% (goal {comparison} {100 * target:F0}%)"
            : $"{ratio:F2}x (goal {comparison} {target:F2}x)";
        Goals.Add(FormattableString.Invariant($"{(met ? "MET    " : "NOT MET")} {what}: {shown}"));
    }

    // ---- machine and paths -------------------------------------------------------------------------------------

    private static string ProcessorName()
    {
        try
        {
            var line =
                File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static void PrintPaths()
    {
        Console.WriteLine($"ISA: Vector512 {On(Vector512.IsHardwareAccelerated)}, Vector256 " +
            $"{On(Vector256.IsHardwareAccelerated)}, Vector128 {On(Vector128.IsHardwareAccelerated)}, FMA " +
            $"{On(SimdPaths.HasHardwareFma)}, AVX-512F {On(Avx512F.IsSupported)}; " +
            $"{SimdPaths.MaxWidthVariable}=" +
            $"{Environment.GetEnvironmentVariable(SimdPaths.MaxWidthVariable) ?? "(unset)"}");
        foreach (var line in PathLines()) Console.WriteLine(line);
    }

    private static string On(bool value) => value ? "on" : "off";

    private static IEnumerable<string> PathLines()
    {
        var best = SimdPath.Auto.Resolve();
        yield return $"path activations: {best} ({best.Lanes<float>()} floats / {best.Lanes<double>()} doubles a " +
            $"register)";
        yield return $"path statistics: {best}";
        yield return $"path training span math: {best}";
        var fused = SimdPath.Auto.ResolveFused();
        string why = fused == SimdPath.Scalar && best != SimdPath.Scalar
            ? " (no hardware FMA: the promised bits are chains of fused multiply-adds)"
            : "";
        yield return $"path samplers and affine stores: {fused}{why}";
        yield return $"path product float32: {GemmEngine.Describe<float>(SimdPath.Auto)}";
        yield return $"path product float64: {GemmEngine.Describe<double>(SimdPath.Auto)}";
    }

    // ---- FMA peak ----------------------------------------------------------------------------------------------

    /// <summary>GFLOP/s of 12 independent FMA chains per thread at the widest accelerated width, on every core: the
    /// best of 5.</summary>
    private static double FmaPeak<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = Environment.ProcessorCount;
        const long iterations = 20_000_000;
        Func<long, T> loop = SimdPaths.Best switch
        {
            SimdPath.Vector512 => PeakLoop<Vec512<T>, Vector512<T>, T>,
            SimdPath.Vector256 => PeakLoop<Vec256<T>, Vector256<T>, T>,
            SimdPath.Vector128 => PeakLoop<Vec128<T>, Vector128<T>, T>,
            _ => PeakLoop<Lane<T>, T, T>,
        };
        int lanes = SimdPaths.Best.Lanes<T>();
        loop(1000);
        double best = double.PositiveInfinity;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            var sink = new T[threads];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                t => sink[t] = loop(iterations));
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            GC.KeepAlive(sink);
        }
        return 2.0 * 12 * lanes * iterations * threads / best / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe T PeakLoop<TOps, TRaw, T>(long iterations) where TOps : IRegisterOps<TRaw, T>
        where TRaw : struct where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = TOps.Broadcast(T.CreateTruncating(0.999999));
        var y = TOps.Broadcast(T.CreateTruncating(1e-7));
        TRaw a0 = TOps.Broadcast(T.One), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0,
            a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = TOps.RawFusedMultiplyAdd(a0, x, y); a1 = TOps.RawFusedMultiplyAdd(a1, x, y);
            a2 = TOps.RawFusedMultiplyAdd(a2, x, y); a3 = TOps.RawFusedMultiplyAdd(a3, x, y);
            a4 = TOps.RawFusedMultiplyAdd(a4, x, y); a5 = TOps.RawFusedMultiplyAdd(a5, x, y);
            a6 = TOps.RawFusedMultiplyAdd(a6, x, y); a7 = TOps.RawFusedMultiplyAdd(a7, x, y);
            a8 = TOps.RawFusedMultiplyAdd(a8, x, y); a9 = TOps.RawFusedMultiplyAdd(a9, x, y);
            a10 = TOps.RawFusedMultiplyAdd(a10, x, y); a11 = TOps.RawFusedMultiplyAdd(a11, x, y);
        }
        // Every chain feeds the result, so that none can be dropped.
        var s = TOps.RawFusedMultiplyAdd(TOps.RawFusedMultiplyAdd(a0, a1, a2), TOps.RawFusedMultiplyAdd(a3, a4, a5),
            TOps.RawFusedMultiplyAdd(a6, a7, a8));
        s = TOps.RawFusedMultiplyAdd(s, TOps.RawFusedMultiplyAdd(a9, a10, a11), y);
        T* sum = stackalloc T[64];
        TOps.RawStore(s, sum);
        return sum[0];
    }

    // ---- products --------------------------------------------------------------------------------------------

    private static readonly int[] ProductBatches = [512, 2048];

    private static void Products(bool quick, bool numpy, double peak32, double peak64)
    {
        int repetitions = quick ? 5 : 9;
        var before = ProductRates(repetitions);
        var np = numpy ? NumpyProducts() : [];
        var after = ProductRates(repetitions);
        Console.WriteLine($"forward product X W^T (MultiplyTransposed), n = k = {Width}, GFLOP/s (ours: mean of the " +
            $"medians before and after numpy):");
        Console.WriteLine($"{"type",-8} {"B",5} {"ours",8} {"OpenBLAS",9} {"ratio",6} {"of peak",8}");
        foreach (var type in new[] { "float32", "float64" })
            foreach (int b in ProductBatches)
            {
                string key = $"{type} {b}";
                double ours = 0.5 * (before[key] + after[key]);
                double blas = np.TryGetValue(key, out var v) ? v : double.NaN;
                double peak = type == "float32" ? peak32 : peak64;
                Console.WriteLine(FormattableString.Invariant(
                    $"{type,-8} {b,5} {ours,8:F1} {blas,9:F1} {ours / blas,6:F2} {100 * ours / peak,7:F0}%"));
                if (!double.IsNaN(blas)) Goal($"product {type} B = {b} against OpenBLAS", ours / blas, 1.25);
                if (b == 2048) Goal($"product {type} B = 2048, fraction of the measured FMA peak ({peak:F0} GFLOP/s)",
                    ours / peak, 0.60, unit: "%");
            }
    }

    private static Dictionary<string, double> ProductRates(int repetitions)
    {
        var rates = new Dictionary<string, double>();
        foreach (int b in ProductBatches)
        {
            rates[$"float32 {b}"] = ProductRate<float>(b, repetitions);
            rates[$"float64 {b}"] = ProductRate<double>(b, repetitions);
        }
        return rates;
    }

    private static double ProductRate<T>(int m, int repetitions) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new RandomSource(7);
        var a = new T[m * Width];
        var b = new T[Width * Width];
        var c = new T[m * Width];
        random.FillNormal<T>(a, 0, 1);
        random.FillNormal<T>(b, 0, 1);
        double seconds =
            MedianPerCall(() => MatrixMultiply.MultiplyTransposed<T>(a, b, c, m, Width, Width), repetitions);
        return 2.0 * m * Width * Width / seconds / 1e9;
    }

    private static Dictionary<string, double> NumpyProducts()
    {
        var results = new Dictionary<string, double>();
        string? stdout =
            Harness.RunNumpyBaseline("numpy_baseline.py", "--m", string.Join(",", ProductBatches), "--forms",
            "MultiplyTransposed", "--no-cpu1");
        foreach (var line in (stdout ?? "").Split('\n'))
        {
            var match = Regex.Match(line, @"^numpy (\w+) MultiplyTransposed m=(\d+) k=\d+ n=\d+ gflops=([\d.]+)");
            if (match.Success) results[$"{match.Groups[1].Value} {match.Groups[2].Value}"] =
                double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        return results;
    }

    // ---- whole pass ------------------------------------------------------------------------------------------

    private static readonly int[] PassBatches = [64, 512, 2048];

    private static void WholePass(bool quick, bool numpy)
    {
        int layers = quick ? 50 : 250;
        var pregenerated = numpy ? NumpyPasses(layers, pregenerated: true) : [];
        var generating = numpy ? NumpyPasses(layers, pregenerated: false) : [];
        Console.WriteLine($"whole ReLU pass, n = {Width}, L = {layers}, weights N(0, 2/n) generated inside (ours), " +
            $"seconds (medians):");
        Console.WriteLine($"{"type",-8} {"B",5} {"ours",8} {"gen",7} {"prod",7} {"act",7} {"stats",7} | {"np pre",8} " +
            $"{"ratio",6} | {"np gen",8} {"ratio",6}");
        foreach (var precision in new[] { FloatPrecision.Single, FloatPrecision.Double })
            foreach (int b in PassBatches)
            {
                string type = precision == FloatPrecision.Single ? "float32" : "float64";
                var (seconds, t) = Pass(precision, b, layers, quick || b >= 2048 ? 3 : 5);
                double pre = pregenerated.TryGetValue($"{type} {b}", out var p) ? p : double.NaN;
                double gen = generating.TryGetValue($"{type} {b}", out var g) ? g : double.NaN;
                Console.WriteLine(
                    FormattableString.Invariant($"{type,-8} {b,5} {seconds,8:F4} {t.Generation.TotalSeconds,7:F3} ") +
                    FormattableString.Invariant($"{t.Products.TotalSeconds,7:F3} {t.Activations.TotalSeconds,7:F3} ") +
                    FormattableString.Invariant($"{t.Statistics.TotalSeconds,7:F3} | {pre,8:F4} ") +
                    FormattableString.Invariant($"{pre / seconds,6:F2} ") +
                    FormattableString.Invariant($"| {gen,8:F4} {gen / seconds,6:F2}"));
                if (!double.IsNaN(pre)) Goal($"whole pass {type} B = {b} against numpy products + stats (weights " +
                    $"drawn beforehand)", pre / seconds, 1.0);
                if (!double.IsNaN(gen)) Goal($"whole pass {type} B = {b} against numpy drawing the same weights", gen
                    / seconds, 2.0);
            }
    }

    private static (double Seconds, SimulationTimings Timings) Pass(FloatPrecision precision, int batch, int layers,
        int repetitions)
    {
        var network = DeepNetwork.Stack(layers, Width, Activation.ReLU,
            Init.Normal(0, Math.Sqrt(2.0 / Width)));
        return FullPassBenchmarks.Measure((network,
            new SimulationOptions { BatchSize = batch, Precision = precision, Seed = 1 }), repetitions);
    }

    private static Dictionary<string, double> NumpyPasses(int layers, bool pregenerated)
    {
        var results = new Dictionary<string, double>();
        string[] arguments =
            ["--layers", layers.ToString(CultureInfo.InvariantCulture), "--batches", string.Join(",", PassBatches),
            "--repetitions", "3", "--activations", "relu"];
        string? stdout =
            Harness.RunNumpyBaseline("numpy_fullpass.py", pregenerated ? [.. arguments, "--pregenerated"] : arguments);
        foreach (var line in (stdout ?? "").Split('\n'))
        {
            var match = Regex.Match(line, @"^numpy(?:-pregenerated)? (\w+) relu B=(\d+) seconds=([\d.]+)");
            if (match.Success) results[$"{match.Groups[1].Value} {match.Groups[2].Value}"] =
                double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        return results;
    }

    // ---- narrower widths, in child processes -----------------------------------------------------------------

    private static void WidthsOff()
    {
        var here = RunChild("as is (the widest path)");
        var avx2 = RunChild("AVX-512 off", ("DOTNET_EnableAVX512", "0"));
        var sse = RunChild("AVX2 and AVX-512 off", ("DOTNET_EnableAVX2", "0"), ("DOTNET_EnableAVX512", "0"));
        var neon =
            RunChild($"{SimdPaths.MaxWidthVariable}=Vector128 (128 bits with FMA, NEON's shape)",
            (SimdPaths.MaxWidthVariable, "Vector128"));
        Console.WriteLine($"kernels at each width, seconds per call (512 x 512 values; the pass: n = {Width}, L = " +
            $"{ChildLayers}, B = {ChildBatch}, ReLU):");
        Console.WriteLine($"{"kernel",-28} {"here",9} {"AVX-512 off",12} {"ratio",6} {"AVX2 off",10} {"128+FMA",9}");
        foreach (var (name, seconds) in here)
        {
            double a = avx2.TryGetValue(name, out var x) ? x : double.NaN;
            double s = sse.TryGetValue(name, out var y) ? y : double.NaN;
            double n = neon.TryGetValue(name, out var z) ? z : double.NaN;
            Console.WriteLine(FormattableString.Invariant(
                $"{name,-28} {seconds,9:F5} {a,12:F5} {a / seconds,6:F2} {s,10:F5} {n,9:F5}"));
            if (!double.IsNaN(a)
                && (name.StartsWith("activation", StringComparison.Ordinal)
                || name.StartsWith("statistics", StringComparison.Ordinal)))
                Goal($"{name} with AVX-512 off, time against AVX-512", a / seconds, 2.5, atMost: true);
        }
        foreach (var type in new[] { "float32", "float64" })
        {
            string pass = $"pass {type}";
            if (avx2.TryGetValue(pass, out var a) && sse.TryGetValue(pass, out var s))
                Goal($"whole pass {type} with AVX2 and AVX-512 off (runtime knobs: no FMA either), throughput " +
                    $"against AVX2-only", a / s, 0.40);
            if (avx2.TryGetValue(pass, out var a2) && neon.TryGetValue(pass, out var n))
                Goal($"whole pass {type} on 128-bit registers with FMA ({SimdPaths.MaxWidthVariable}=Vector128), " +
                    $"throughput against AVX2-only", a2 / n, 0.40);
        }
    }

    /// <summary>Runs this program's child mode with the given environment; returns its timings by kernel name (none on
    /// failure).</summary>
    private static Dictionary<string, double> RunChild(string label, params (string Name, string Value)[] environment)
    {
        string self = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self)
            == "dotnet") info.ArgumentList.Add(typeof(GoalsBenchmark).Assembly.Location);
        info.ArgumentList.Add("goals");
        info.ArgumentList.Add(ChildFlag);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.WriteLine($"-- child: {label} --");
        foreach (var line in stdout.Split('\n'))
            if (line.StartsWith("path ", StringComparison.Ordinal)
                || line.StartsWith("ISA", StringComparison.Ordinal)) Console.WriteLine($"   {line}");
        if (process.ExitCode
            != 0) Console.WriteLine($"   child failed (exit {process.ExitCode}): " +
            $"{stderr.Result.Trim().Split('\n').LastOrDefault()}");
        return Parse(stdout.Split('\n'));
    }

    private static Dictionary<string, double> Parse(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, double>();
        foreach (var line in lines)
        {
            var match = Regex.Match(line, @"^kernel (.+) seconds=([\d.eE+-]+)");
            if (match.Success) result[match.Groups[1].Value.Trim()] =
                double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary>The child's report (also measured in the parent): the ISA, each kernel's path, and "kernel NAME
    /// seconds=S" lines.</summary>
    private static List<string> KernelTimings()
    {
        var lines = new List<string>
        {
            $"ISA: Vector512 {On(Vector512.IsHardwareAccelerated)}, Vector256 {On(Vector256.IsHardwareAccelerated)}, " +
                $"FMA {On(SimdPaths.HasHardwareFma)}",
        };
        lines.AddRange(PathLines());
        Kernels<float>("float32", lines);
        Kernels<double>("float64", lines);
        return lines;
    }

    private static void Kernels<T>(string type, List<string> lines) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int count = Width * Width;
        var random = new RandomSource(3);
        var x = new T[count];
        var y = new T[count];
        random.FillNormal<T>(x, 0, 1.5);
        void Add(string name, Action call) =>
            lines.Add(FormattableString.Invariant($"kernel {name} {type} seconds={MedianPerCall(call, 5):E4}"));
        foreach (var f in new[] { Activation.ReLU, Activation.Tanh, Activation.Gelu })
            Add($"activation {f}", () => f.Apply<T>(x, y));
        Add("statistics", () => LayerStatisticsCalculator.Compute(1, x, Width, Width, -1));
        Add("sampler normal", () => random.FillNormal<T>(y, 0, 1));
        var precision = typeof(T) == typeof(float) ? FloatPrecision.Single : FloatPrecision.Double;
        var (seconds, _) = Pass(precision, ChildBatch, ChildLayers, 3);
        lines.Add(FormattableString.Invariant($"kernel pass {type} seconds={seconds:E4}"));
    }

    /// <summary>Median seconds per call; each timed run repeats the call for at least 20 ms.</summary>
    private static double MedianPerCall(Action call, int repetitions)
    {
        call();
        var sw = Stopwatch.StartNew();
        call();
        int inner = Math.Max(1, (int)(0.02 / Math.Max(sw.Elapsed.TotalSeconds, 1e-7)));
        return Harness.MedianSeconds(() => { for (int i = 0; i < inner; i++) call(); }, repetitions) / inner;
    }
}
