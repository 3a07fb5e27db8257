using WeightInit.Activations;
using WeightInit.Random;

namespace WeightInit.Benchmarks;

/// <summary>
/// Throughput of each activation's span Apply and fused ApplyWithDerivative on 1M floats and 1M doubles,
/// against the in-run baseline of a scalar loop over <see cref="Activation.Apply(double)"/>.
/// Inputs are N(0, 3^2) with a fixed seed; each time is the median of 7 runs after a warm-up.
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
            double scalarD = Harness.MedianSeconds(() => { for (int i = 0; i < xd.Length; i++) yd[i] = f.Apply(xd[i]); }, Repetitions);
            double applyD = Harness.MedianSeconds(() => f.Apply(xd, yd), Repetitions);
            double fusedD = Harness.MedianSeconds(() => f.ApplyWithDerivative(xd, yd, dd), Repetitions);
            Print(f.Name, "double", scalarD, applyD, fusedD);

            double scalarF = Harness.MedianSeconds(() => { for (int i = 0; i < xf.Length; i++) yf[i] = (float)f.Apply(xf[i]); }, Repetitions);
            double applyF = Harness.MedianSeconds(() => f.Apply(xf, yf), Repetitions);
            double fusedF = Harness.MedianSeconds(() => f.ApplyWithDerivative(xf, yf, df), Repetitions);
            Print(f.Name, "float", scalarF, applyF, fusedF);
        }
    }

    private static void Print(string name, string type, double scalar, double apply, double fused)
    {
        static string Rate(double seconds) => $"{N / seconds / 1e6,8:F0}";
        Console.WriteLine(
            $"{name,-10} {type,-6} {Rate(scalar),12} {Rate(apply)} ({scalar / apply,5:F1}x) {Rate(fused)} ({scalar / fused,5:F1}x)");
    }
}
