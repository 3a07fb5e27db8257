using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace WeightInit.Benchmarks;

/// <summary>
/// The "fullpass" suite: the simulator's full forward pass (weight generation + products +
/// activation + per-layer statistics) for the article's network, n = 512, L = 250, B in
/// {1, 64, 512, 2048}, float32 and float64, identity (weights N(0, 1/n)) and ReLU (N(0, 2/n)).
/// Prints the median seconds, GFLOP/s (2 n^2 B L / time), the time split, and the ratio against
/// numpy + OpenBLAS doing the same pass (numpy_fullpass.py, when /usr/bin/python3 has numpy) and
/// against MathNet.Numerics' managed multiply (one smaller configuration).
/// Options: --quick (L = 50, 3 repetitions), --no-numpy, --no-mathnet, --only=float32,relu,512[,repetitions].
/// </summary>
internal static class FullPassBenchmarks
{
    private const int Width = 512;

    public static void Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        // --only=<float32|float64>,<identity|relu>,<B>[,repetitions]: one configuration, no baselines (for profiling).
        string? only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal));
        if (only is not null)
        {
            var parts = only["--only=".Length..].Split(',');
            var precisionOnly = parts[0] == "float32" ? FloatPrecision.Single : FloatPrecision.Double;
            bool reluOnly = parts[1] == "relu";
            int batchOnly = int.Parse(parts[2], CultureInfo.InvariantCulture);
            int reps = parts.Length > 3 ? int.Parse(parts[3], CultureInfo.InvariantCulture) : 5;
            var (s, t) = Measure(Options(precisionOnly, reluOnly, batchOnly, 250), reps);
            Console.WriteLine($"{precisionOnly} {(reluOnly ? "ReLU" : "Identity")} B={batchOnly}: {s:F4} s, " +
                $"{2.0 * Width * Width * batchOnly * 250 / s / 1e9:F1} GFLOP/s; {t}");
            return;
        }
        int layers = quick ? 50 : 250;
        int repetitions = quick ? 3 : 5;
        int[] batches = [1, 64, 512, 2048];
        Console.WriteLine($"full pass: n = {Width}, L = {layers}, median of {repetitions} (3 at B = 2048) after a " +
            $"warm-up; ratio = numpy seconds / ours (> 1: ours faster)");
        var numpy =
            args.Contains("--no-numpy") ? new Dictionary<string, NumpyResult>()
            : RunNumpy(layers, batches, repetitions);
        Console.WriteLine($"{"precision",-9} {"act",-8} {"B",5} {"seconds",9} {"GFLOP/s",8} {"gen",7} {"prod",7} " +
            $"{"act",7} {"stats",7} | {"numpy s",9} {"np gen",7} {"np mm",7} {"np st",7} {"ratio",6}");
        foreach (var precision in new[] { FloatPrecision.Single, FloatPrecision.Double })
            foreach (var relu in new[] { false, true })
                foreach (int b in batches)
                {
                    var (seconds, timings) = Measure(Options(precision, relu, b, layers), b >= 2048 ? 3 : repetitions);
                    double gflops = 2.0 * Width * Width * b * layers / seconds / 1e9;
                    string key =
                        $"{(precision == FloatPrecision.Single ? "float32" : "float64")} " +
                        $"{(relu ? "relu" : "identity")} {b}";
                    string np = numpy.TryGetValue(key, out var r)
                        ? $"{r.Seconds,9:F4} {r.Generation,7:F3} {r.Matmul,7:F3} {r.Statistics,7:F3} " +
                            $"{r.Seconds / seconds,6:F2}"
                        : $"{"-",9} {"-",7} {"-",7} {"-",7} {"-",6}";
                    Console.WriteLine($"{precision,-9} {(relu ? "ReLU" : "Identity"),-8} {b,5} {seconds,9:F4} " +
                        $"{gflops,8:F1} " +
                        $"{timings.Generation.TotalSeconds,7:F3} {timings.Products.TotalSeconds,7:F3} " +
                            $"{timings.Activations.TotalSeconds,7:F3} {timings.Statistics.TotalSeconds,7:F3} | {np}");
                }
        if (!args.Contains("--no-mathnet")) RunMathNet();
    }

    private static (DeepNetwork, SimulationOptions) Options(FloatPrecision precision, bool relu, int batch,
        int layers) =>
        (DeepNetwork.Stack(layers, Width, relu ? Activation.ReLU : Activation.Identity,
            Init.Normal(0, relu ? Math.Sqrt(2.0 / Width) : 1 / Math.Sqrt(Width))),
         new SimulationOptions { BatchSize = batch, Precision = precision, Seed = 1 });

    /// <summary>Runs once to warm up, then <paramref name="repetitions"/> times; returns the median seconds and that
    /// run's split.</summary>
    internal static (double Seconds,
        SimulationTimings Timings) Measure((DeepNetwork Network, SimulationOptions Options) run, int repetitions)
    {
        var (network, options) = run;
        DeepNetworkSimulator.Run(network, options);
        var runs = new List<(double, SimulationTimings)>();
        for (int i = 0; i < repetitions; i++)
        {
            var sw = Stopwatch.StartNew();
            var result = DeepNetworkSimulator.Run(network, options);
            runs.Add((sw.Elapsed.TotalSeconds, result.Timings));
        }
        runs.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return runs[runs.Count / 2];
    }

    /// <summary>
    /// MathNet.Numerics' managed provider (its native OpenBLAS provider does not load here) on a
    /// smaller pass, L = 10, B = 64: the same generation (this library's sampler), X W^T with
    /// Matrix.TransposeAndMultiply, mean and std per layer with its Statistics.
    /// </summary>
    private static void RunMathNet()
    {
        const int layers = 10, batch = 64;
        Control.UseManaged();
        Console.WriteLine($"MathNet.Numerics {typeof(Matrix<double>).Assembly.GetName().Version} (managed provider: " +
            $"{Control.Describe().Split((char)10).FirstOrDefault(l => l.Contains("Linear Algebra"))?.Trim()}), n = " +
            $"{Width}, L = {layers}, B = {batch}:");
        foreach (var precision in new[] { FloatPrecision.Single, FloatPrecision.Double })
        {
            double mathNet = Harness.MedianSeconds(() =>
            {
                if (precision == FloatPrecision.Double) MathNetPass<double>(layers, batch);
                else MathNetPass<float>(layers, batch);
            }, 3);
            var (ours, _) = Measure(Options(precision, false, batch, layers), 5);
            double gflops = 2.0 * Width * Width * batch * layers / mathNet / 1e9;
            Console.WriteLine($"  {precision,-7} MathNet {mathNet,8:F4} s ({gflops:F1} GFLOP/s), ours {ours,8:F4} s, " +
                $"ratio {mathNet / ours,6:F1}");
        }
    }

    private static void MathNetPass<T>(int layers, int batch)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>, IFormattable
    {
        var random = new RandomSource(1);
        var xs = new T[batch * Width];
        random.Fork(0).FillNormal(xs, 0, 1);
        var x = Matrix<T>.Build.DenseOfRowMajor(batch, Width, xs);
        var w = new T[Width * Width];
        for (int l = 1; l <= layers; l++)
        {
            random.Fork((ulong)l).FillNormal(w, 0, 1 / Math.Sqrt(Width));
            var wm = Matrix<T>.Build.DenseOfRowMajor(Width, Width, w);
            x = x.TransposeAndMultiply(wm);
            var (mean, std) = x.AsColumnMajorArray() switch
            {
                double[] d => d.MeanStandardDeviation(),
                float[] f => f.MeanStandardDeviation(),
                _ => throw new NotSupportedException(typeof(T).Name),
            };
            GC.KeepAlive(mean + std);
        }
    }

    private sealed record NumpyResult(double Seconds, double Generation, double Matmul, double Statistics);

    /// <summary>Runs numpy_fullpass.py; results keyed "float32 relu 512", or none if python3/numpy is
    /// missing.</summary>
    private static Dictionary<string, NumpyResult> RunNumpy(int layers, int[] batches, int repetitions)
    {
        var results = new Dictionary<string, NumpyResult>();
        string? stdout =
            Harness.RunNumpyBaseline("numpy_fullpass.py", "--layers", layers.ToString(CultureInfo.InvariantCulture),
            "--batches", string.Join(",", batches), "--repetitions",
                repetitions.ToString(CultureInfo.InvariantCulture));
        if (stdout is null) return results;
        foreach (var line in stdout.Split('\n'))
        {
            var m = Regex.Match(line,
                @"^numpy (\w+) (\w+) B=(\d+) seconds=([\d.]+) gen=([\d.]+) matmul=([\d.]+) stats=([\d.]+)");
            if (m.Success)
            {
                double P(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
                results[$"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}"] =
                    new NumpyResult(P(4), P(5), P(6), P(7));
            }
        }
        return results;
    }
}
