using System.Globalization;
using WeightInit.Convolution;

namespace WeightInit.Benchmarks;

/// <summary>
/// The 1-D convolution's forward and backward passes against PyTorch's conv1d on the CPU (torch_conv1d.py, Debian's
/// python3-torch), same shapes, same element type (float64, the type the library's layers train in) and the same
/// number of threads (all cores here, PyTorch told the same): `dotnet run -c Release --project
/// bench/WeightInit.Benchmarks
/// -- conv`. For each shape: seconds of one forward pass (no activation) and of a forward and backward pass (dL/dx,
/// dL/dW, dL/db from a given dL/dy), the fastest of 9 runs of at least 0.05 s each (on a shared machine the run least
/// disturbed by other processes; the PyTorch script takes the same statistic); the backward pass alone is their
/// difference, on both sides. Ratios above 1 mean the library is faster. `DOTNET_PROCESSOR_COUNT=1` runs both sides on
/// one thread.
/// </summary>
internal static class ConvolutionBenchmark
{
    /// <summary>(name, batch, in, out, k, length, stride, padding or -1 for "same", mode).</summary>
    private static readonly (string Name, int Batch, int In, int Out, int K, int Length, int Stride, int Padding,
        PaddingMode Mode)[] Cases =
    [
        ("mnist1d-conv2", 100, 25, 25, 3, 19, 2, 1, PaddingMode.Zeros),   // the MNIST-1D CNN's second layer, batch 100
        ("mnist1d-conv1", 100, 1, 25, 5, 40, 2, 1, PaddingMode.Zeros),
        ("jacobian-16x32", 512, 16, 16, 3, 32, 1, -1, PaddingMode.Circular), // one layer of the CNN Jacobian, N = 512
        ("same-64x128", 64, 64, 64, 3, 128, 1, -1, PaddingMode.Zeros),
        ("same-128x256-k5", 32, 128, 128, 5, 256, 1, -1, PaddingMode.Zeros),
    ];

    public static void Run(string[] _)
    {
        string[] specs = [.. Cases.Select(c => string.Join(':', c.Name, c.Batch, c.In, c.Out, c.K, c.Length, c.Stride,
            c.Padding,
            c.Mode == PaddingMode.Circular ? "circular" : "zeros"))];
        var torch = Harness.RunNumpyBaseline("torch_conv1d.py", [.. specs, "--threads",
            Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)]);
        var baseline = new Dictionary<string, (double Forward, double ForwardBackward)>();
        foreach (var line in (torch ?? "").Split('\n'))
        {
            var parts = line.Split(' ');
            if (parts.Length == 4 && parts[0] == "torch")
                baseline[parts[1]] = (Value(parts[2]), Value(parts[3]));
        }
        Console.WriteLine($"{"case",-18} {"ours fwd",10} {"ours bwd",10} {"torch fwd",10} {"torch bwd",10} " +
            $"{"fwd ratio",9} {"bwd ratio",9} {"f+b ratio",9}");
        foreach (var c in Cases)
        {
            var layer = new Conv1dLayer(c.In, c.Out, c.K, c.Length, Activation.Identity, c.Mode, c.Stride,
                c.Padding < 0 ? null : c.Padding);
            var random = new RandomSource(1);
            random.FillNormal(layer.Weights, 0, 1);
            random.FillNormal(layer.Biases, 0, 1);
            var x = new double[c.Batch * layer.InputWidth];
            var y = new double[c.Batch * layer.OutputWidth];
            var g = new double[y.Length];
            var gWork = new double[y.Length];
            var dx = new double[x.Length];
            double[][] grads = [new double[layer.Weights.Length], new double[layer.Biases.Length]];
            random.FillNormal(x, 0, 1);
            random.FillNormal(g, 0, 1);
            double forward = Fastest(() => layer.ForwardCore(x, c.Batch, y, PassContext.Training));
            double forwardBackward = Fastest(() =>
            {
                layer.ForwardCore(x, c.Batch, y, PassContext.Training);
                g.CopyTo(gWork, 0);
                layer.BackwardCore(x, gWork, c.Batch, dx, grads, PassContext.Training);
            });
            double backward = forwardBackward - forward;
            string ratios = "";
            if (baseline.TryGetValue(c.Name, out var t))
            {
                double torchBackward = t.ForwardBackward - t.Forward;
                ratios = $" {t.Forward,10:E2} {torchBackward,10:E2} {t.Forward / forward,8:F2}x " +
                    $"{torchBackward / backward,8:F2}x {t.ForwardBackward / forwardBackward,8:F2}x";
            }
            Console.WriteLine($"{c.Name,-18} {forward,10:E2} {backward,10:E2}{ratios}");
        }
    }

    private static double Value(string field) => double.Parse(field[(field.IndexOf('=') + 1)..],
        CultureInfo.InvariantCulture);

    /// <summary>Seconds of one call: the fastest of 9 runs, each repeating the call until it lasts at least 0.05
    /// s.</summary>
    private static double Fastest(Action action)
    {
        action();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        int inner = Math.Max(1, (int)(0.05 / Math.Max(watch.Elapsed.TotalSeconds, 1e-7)));
        double best = double.MaxValue;
        for (int run = 0; run < 9; run++)
        {
            watch.Restart();
            for (int i = 0; i < inner; i++) action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds / inner);
        }
        return best;
    }
}
