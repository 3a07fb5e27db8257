using System.Runtime.InteropServices;

namespace WeightInit.Benchmarks;

/// <summary>
/// Throughput of each activation's span Apply and fused ApplyWithDerivative on 1M floats and 1M doubles,
/// against the in-run baseline of a scalar loop over <see cref="Activation.Apply(double)"/>.
/// Inputs are N(0, 3^2) with a fixed seed. The three variants run interleaved, round after round (7
/// rounds after a warm-up, each action repeated to fill at least about 40 ms), so that they see the same machine load;
/// each time is the median of its rounds.
/// Besides wall-clock time it reports the thread's CPU time (Linux getrusage(RUSAGE_THREAD)), which
/// leaves out the time the thread waited for a core on a shared machine.
/// </summary>
internal static class ActivationBenchmarks
{
    private const int N = 1 << 20;
    private const int Repetitions = 7;

    public static void Run(string[] _)
    {
        var random = new RandomSource(42);
        var xd = new double[N];
        random.FillNormal(xd, 0.0, 3.0);
        var xf = Array.ConvertAll(xd, v => (float)v);
        var yd = new double[N];
        var dd = new double[N];
        var yf = new float[N];
        var df = new float[N];

        Console.WriteLine($"n = {N}; median of {Repetitions}; Melem/s by wall clock (ratio to the scalar loop over " +
            $"Apply(double)) | same by thread CPU time");
        Console.WriteLine($"{"activation",-10} {"type",-6} {"scalar",8} {"Apply",17} {"WithDeriv",17} | {"scalar",8} " +
            $"{"Apply",17} {"WithDeriv",17}");
        foreach (var f in Activation.All)
        {
            var d = Interleaved(
                () => { for (int i = 0; i < xd.Length; i++) yd[i] = f.Apply(xd[i]); },
                () => f.Apply(xd, yd),
                () => f.ApplyWithDerivative(xd, yd, dd));
            Print(f.Name, "double", d);
            var s = Interleaved(
                () => { for (int i = 0; i < xf.Length; i++) yf[i] = (float)f.Apply(xf[i]); },
                () => f.Apply(xf, yf),
                () => f.ApplyWithDerivative(xf, yf, df));
            Print(f.Name, "float", s);
        }
    }

    /// <summary>
    /// Median wall-clock and thread-CPU seconds of each action (first the wall times, then the CPU
    /// times), timed in interleaved rounds after one warm-up each.
    /// </summary>
    private static double[] Interleaved(params Action[] actions)
    {
        // Repeat each action enough times per round (at least ~40 ms) for the thread CPU clock's resolution.
        var repeats = actions.Select(action =>
        {
            action(); // warm-up (JIT)
            var sw = System.Diagnostics.Stopwatch.StartNew();
            action();
            return Math.Max(1, (int)Math.Ceiling(0.04 / Math.Max(sw.Elapsed.TotalSeconds, 1e-6)));
        }).ToArray();
        int k = actions.Length;
        var times = new double[2 * k][];
        for (int a = 0; a < times.Length; a++) times[a] = new double[Repetitions];
        for (int r = 0; r < Repetitions; r++)
            for (int a = 0; a < k; a++)
            {
                double cpu0 = ThreadCpuSeconds();
                var sw = System.Diagnostics.Stopwatch.StartNew();
                for (int j = 0; j < repeats[a]; j++) actions[a]();
                times[a][r] = sw.Elapsed.TotalSeconds / repeats[a];
                times[k + a][r] = (ThreadCpuSeconds() - cpu0) / repeats[a];
            }
        return times.Select(t => { Array.Sort(t); return t[Repetitions / 2]; }).ToArray();
    }

    private static void Print(string name, string type, double[] t)
    {
        static string Rate(double seconds) => seconds > 0 ? $"{N / seconds / 1e6,8:F0}" : "       -";
        static string Ratio(double scalar, double seconds) => seconds > 0 ? $"({scalar / seconds,6:F1}x)" : "(     -)";
        Console.WriteLine(
            $"{name,-10} {type,-6} {Rate(t[0])} {Rate(t[1])} {Ratio(t[0], t[1])} {Rate(t[2])} {Ratio(t[0], t[2])} | " +
            $"{Rate(t[3])} {Rate(t[4])} {Ratio(t[3], t[4])} {Rate(t[5])} {Ratio(t[3], t[5])}");
    }

    /// <summary>The calling thread's user + system CPU seconds (Linux; 0 elsewhere, shown as "-").</summary>
    private static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return GetRUsage(1 /* RUSAGE_THREAD */, out var u) == 0
            ? u.UserSeconds + u.UserMicroseconds * 1e-6 + u.SystemSeconds + u.SystemMicroseconds * 1e-6
            : 0;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, Ixrss, Idrss, Isrss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals,
            NVcsw, NIvcsw;
    }
}
