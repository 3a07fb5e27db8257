using WeightInit.Activations;
using WeightInit.Random;

namespace WeightInit.Benchmarks;

/// <summary>
/// Throughput of each activation's span Apply and fused ApplyWithDerivative on 1M floats and 1M doubles,
/// against the in-run baseline of a scalar loop over <see cref="Activation.Apply(double)"/>.
/// Inputs are N(0, 3^2) with a fixed seed. The three variants run interleaved, round after round (7
/// rounds after a warm-up), so that they see the same machine load; each time is the median of its rounds.
/// </summary>
internal static class ActivationBenchmarks
{
    private const int N = 1 << 20;
    private const int Repetitions = 7;

    public static void Run(string[] args)
    {
        var random = new RandomSource(42);
        var xd = new double[N];
        random.FillNormal(xd, 0.0, 3.0);
        var xf = Array.ConvertAll(xd, v => (float)v);
        var yd = new double[N];
        var dd = new double[N];
        var yf = new float[N];
        var df = new float[N];

        Console.WriteLine($"n = {N}; median of {Repetitions}; Melem/s (ratio to the scalar loop over Apply(double))");
        Console.WriteLine($"{"activation",-10} {"type",-6} {"scalar loop",12} {"Apply",18} {"ApplyWithDeriv",18}");
        foreach (var f in Activation.All)
        {
            var d = Interleaved(
                () => { for (int i = 0; i < xd.Length; i++) yd[i] = f.Apply(xd[i]); },
                () => f.Apply(xd, yd),
                () => f.ApplyWithDerivative(xd, yd, dd));
            Print(f.Name, "double", d[0], d[1], d[2]);
            var s = Interleaved(
                () => { for (int i = 0; i < xf.Length; i++) yf[i] = (float)f.Apply(xf[i]); },
                () => f.Apply(xf, yf),
                () => f.ApplyWithDerivative(xf, yf, df));
            Print(f.Name, "float", s[0], s[1], s[2]);
        }
    }

    /// <summary>Median seconds of each action, timed in interleaved rounds after one warm-up each.</summary>
    private static double[] Interleaved(params Action[] actions)
    {
        foreach (var action in actions) action();
        var times = new double[actions.Length][];
        for (int a = 0; a < actions.Length; a++) times[a] = new double[Repetitions];
        for (int r = 0; r < Repetitions; r++)
            for (int a = 0; a < actions.Length; a++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                actions[a]();
                times[a][r] = sw.Elapsed.TotalSeconds;
            }
        return times.Select(t => { Array.Sort(t); return t[Repetitions / 2]; }).ToArray();
    }

    private static void Print(string name, string type, double scalar, double apply, double fused)
    {
        static string Rate(double seconds) => $"{N / seconds / 1e6,8:F0}";
        Console.WriteLine(
            $"{name,-10} {type,-6} {Rate(scalar),12} {Rate(apply)} ({scalar / apply,5:F1}x) {Rate(fused)} ({scalar / fused,5:F1}x)");
    }
}
