using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics.X86;
using WeightInit.Random;
using WeightInit.Transformers;

namespace WeightInit.Benchmarks;

/// <summary>
/// One training step of a small GPT on tiny Shakespeare (draw a batch of windows, forward, cross-entropy, backward, Adam)
/// against PyTorch on the CPU with the same model, threads and batch:
/// `dotnet run -c Release --project bench/WeightInit.Benchmarks -- transformer`. The notebooks' configuration first
/// (<see cref="NotebookConfig"/>), then a larger one. Our layers compute in float64; PyTorch runs in float32 and float64,
/// and the ratios are PyTorch's median seconds over ours (above 1: we are faster). PyTorch is Debian's python3-torch
/// (<c>torch_transformer.py</c> beside this file) with OpenBLAS; OPENBLAS_CORETYPE is set to the widest kernels this
/// CPU runs (SkylakeX with AVX-512, Haswell with AVX2), because OpenBLAS 0.3.21 falls back to its SSE3 kernels
/// (Prescott) on processors newer than it knows. Options: --quick (fewer steps), --no-torch.
/// </summary>
internal static class TransformerBenchmark
{
    /// <summary>The GPT the notebooks train: 2 blocks, width 64, 4 heads, context 64, batch 16, 65 characters.</summary>
    public static readonly (int Layers, int Width, int Heads, int Context, int Batch) NotebookConfig = (2, 64, 4, 64, 16);

    private static readonly (string Name, int Layers, int Width, int Heads, int Context, int Batch)[] Configs =
    [
        ("notebooks", NotebookConfig.Layers, NotebookConfig.Width, NotebookConfig.Heads, NotebookConfig.Context, NotebookConfig.Batch),
        ("larger", 4, 128, 4, 64, 16),
    ];

    public static void Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        bool torch = !args.Contains("--no-torch");
        int steps = quick ? 10 : 30;
        var corpus = TinyShakespeare.Load(TinyShakespeare.FindFile(AppContext.BaseDirectory));
        Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} threads for both; our element type float64");
        foreach (var (name, layers, width, heads, context, batch) in Configs)
        {
            var config = new GptConfig { VocabularySize = corpus.Vocabulary.Size, ContextLength = context, Layers = layers, Heads = heads, ModelWidth = width };
            var model = GptModel.Create(config, GptParametrization.Gpt2, new RandomSource(1));
            var trainer = new LanguageModelTrainer(model, corpus, new LanguageModelOptions { BatchSize = batch, Seed = 2 });
            var (median, min) = StepSeconds(trainer, steps);
            double flops = StepFlops(config, batch);
            Console.WriteLine($"{name,-10} {config}, batch {batch} ({batch * context} tokens), {model.ParameterCount:N0} parameters: " +
                $"ours float64 {median * 1e3:F2} ms/step (min {min * 1e3:F2}; {flops / median / 1e9:F1} GFLOP/s of {flops / 1e9:F2} GFLOP)");
            if (!torch) continue;
            var output = Harness.RunPythonBaseline("torch_transformer.py", "torch baseline", BlasEnvironment(),
                "--layers", Text(layers), "--width", Text(width), "--heads", Text(heads), "--context", Text(context), "--batch", Text(batch),
                "--vocab", Text(corpus.Vocabulary.Size), "--threads", Text(Environment.ProcessorCount), "--steps", Text(steps));
            foreach (var line in (output ?? "").Split('\n').Where(l => l.StartsWith("torch ", StringComparison.Ordinal)))
            {
                var fields = line.Split(' ');
                double torchSeconds = double.Parse(fields[2]["step_seconds=".Length..], CultureInfo.InvariantCulture);
                Console.WriteLine($"{name,-10} torch {fields[1]}: {torchSeconds * 1e3:F2} ms/step; ratio torch/ours {torchSeconds / median:F2}x " +
                    $"({(torchSeconds >= median ? "ours faster" : "torch faster")})");
            }
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
    }

    /// <summary>Median and smallest seconds of one <see cref="LanguageModelTrainer.Step()"/> after three warm-up steps.</summary>
    private static (double Median, double Min) StepSeconds(LanguageModelTrainer trainer, int steps)
    {
        for (int i = 0; i < 3; i++) trainer.Step();
        var times = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            var watch = Stopwatch.StartNew();
            trainer.Step();
            times[i] = watch.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return (times[steps / 2], times[0]);
    }

    /// <summary>
    /// The floating-point operations of one step, counted as the products' 2 m k n, times 3 for forward and backward:
    /// per block the projections 2 B T (3d d + d d + 8 d d) and the attention 2 B H (2 T T d_head); the readout 2 B T d V.
    /// </summary>
    private static double StepFlops(GptConfig c, int batch)
    {
        double tokens = (double)batch * c.ContextLength, d = c.ModelWidth;
        double perBlock = 2 * tokens * (12 * d * d) + 2 * batch * c.Heads * 2.0 * c.ContextLength * c.ContextLength * c.HeadWidth;
        return 3 * (c.Layers * perBlock + 2 * tokens * d * c.VocabularySize);
    }

    /// <summary>OPENBLAS_CORETYPE for the widest kernels the CPU runs (x86), or none.</summary>
    private static Dictionary<string, string>? BlasEnvironment() =>
        Avx512F.IsSupported ? new() { ["OPENBLAS_CORETYPE"] = "SkylakeX" }
        : Avx2.IsSupported && Fma.IsSupported ? new() { ["OPENBLAS_CORETYPE"] = "Haswell" }
        : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
