using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics.X86;
using WeightInit.Transformers;

namespace WeightInit.Benchmarks;

/// <summary>
/// One training step of a small GPT on tiny Shakespeare (draw a batch of windows, forward, cross-entropy, backward,
/// Adam) against PyTorch on the CPU with the same model, threads and batch: `dotnet run -c Release --project
/// bench/WeightInit.Benchmarks -- transformer`. The notebooks' configuration first (<see cref="NotebookConfig"/>), then
/// a larger one. Our layers compute in float64; PyTorch runs in float32 and float64, and the ratios are PyTorch's
/// median seconds over ours (above 1: we are faster). PyTorch is Debian's python3-torch (<c>torch_transformer.py</c>
/// beside this file) with OpenBLAS; OPENBLAS_CORETYPE is set to the widest kernels this CPU runs (SkylakeX with
/// AVX-512, Haswell with AVX2), because OpenBLAS 0.3.21 falls back to its SSE3 kernels (Prescott) on processors newer
/// than it knows. Wall-clock and process CPU times are both printed (CPU time is less disturbed by a busy machine). One
/// thread for both: run with DOTNET_PROCESSOR_COUNT=1 (PyTorch then gets one thread too). Options: --quick (fewer
/// steps), --no-torch.
/// </summary>
internal static class TransformerBenchmark
{
    /// <summary>
    /// The GPT the notebooks train: 2 blocks, width 64, 4 heads, context 64, batch 8 (512 tokens a step), 65
    /// characters. Batch 16 costs 2.1 to 2.4 times as much a step on the 2 MB-L2 Xeon this was tuned on (its buffers
    /// no longer fit the cache), so batch 8 fits more than twice the steps in a notebook's minute.
    /// </summary>
    public static readonly (int Layers, int Width, int Heads, int Context, int Batch) NotebookConfig =
        (2, 64, 4, 64, 8);

    private static readonly (string Name, int Layers, int Width, int Heads, int Context, int Batch)[] Configs =
    [
        ("notebooks", NotebookConfig.Layers, NotebookConfig.Width, NotebookConfig.Heads, NotebookConfig.Context,
            NotebookConfig.Batch),
        ("batch 16", NotebookConfig.Layers, NotebookConfig.Width, NotebookConfig.Heads, NotebookConfig.Context, 16),
        ("larger", 4, 128, 4, 64, 16),
    ];

    public static void Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        bool torch = !args.Contains("--no-torch");
        int steps = quick ? 10 : 30;
        var corpus = TinyShakespeare.Load(TinyShakespeare.FindFile(AppContext.BaseDirectory));
        Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} threads for both; " +
            $"our element type float64");
        foreach (var (name, layers, width, heads, context, batch) in Configs)
        {
            var config = new GptConfig { VocabularySize = corpus.Vocabulary.Size, ContextLength = context,
                Layers = layers, Heads = heads, ModelWidth = width };
            var model = GptModel.Create(config, GptParametrization.Gpt2, new RandomSource(1));
            var trainer = new LanguageModelTrainer(model, corpus, new LanguageModelOptions { BatchSize = batch,
                Seed = 2 });
            var (median, min, cpu) = StepSeconds(trainer, steps);
            double flops = StepFlops(config, batch);
            Console.WriteLine($"{name,-10} {config}, batch {batch} ({batch * context} tokens), " +
                $"{model.ParameterCount:N0} parameters: " +
                $"ours float64 {median * 1e3:F2} ms/step (min {min * 1e3:F2}, CPU {cpu * 1e3:F2}; " +
                    $"{flops / median / 1e9:F1} GFLOP/s of {flops / 1e9:F2} GFLOP)");
            if (!torch) continue;
            var output = Harness.RunPythonBaseline("torch_transformer.py", "torch baseline", BlasEnvironment(),
                "--layers", Text(layers), "--width", Text(width), "--heads", Text(heads), "--context", Text(context),
                    "--batch", Text(batch),
                "--vocab", Text(corpus.Vocabulary.Size), "--threads", Text(Environment.ProcessorCount), "--steps",
                    Text(steps));
            foreach (var line in (output ?? "").Split('\n').Where(l => l.StartsWith("torch ",
                StringComparison.Ordinal)))
            {
                var fields = line.Split(' ');
                double Field(string key) => double.Parse(fields.Single(f => f.StartsWith(key,
                    StringComparison.Ordinal))[key.Length..], CultureInfo.InvariantCulture);
                double torchSeconds = Field("step_seconds="), torchCpu = Field("cpu_seconds=");
                Console.WriteLine($"{name,-10} torch {fields[1]}: {torchSeconds * 1e3:F2} ms/step (CPU " +
                    $"{torchCpu * 1e3:F2}); " +
                    $"ratio torch/ours {torchSeconds / median:F2}x wall, {torchCpu / cpu:F2}x CPU " +
                        $"({(torchSeconds >= median ? "ours faster" : "torch faster")})");
            }
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
    }

    /// <summary>
    /// Median and smallest wall-clock seconds and median process CPU seconds of one
    /// <see cref="LanguageModelTrainer.Step()"/> after 40 warm-up steps (enough for the runtime to compile every method
    /// of a step at its last tier).
    /// </summary>
    private static (double Median, double Min, double Cpu) StepSeconds(LanguageModelTrainer trainer, int steps)
    {
        for (int i = 0; i < 40; i++) trainer.Step();
        Thread.Sleep(200); // let background compilation finish
        var times = new double[steps];
        var cpu = new double[steps];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < steps; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            trainer.Step();
            times[i] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        }
        Array.Sort(times);
        Array.Sort(cpu);
        return (times[steps / 2], times[0], cpu[steps / 2]);
    }

    /// <summary>
    /// The floating-point operations of one step, counted as the products' 2 m k n, times 3 for forward and backward:
    /// per block the projections 2 B T (3d d + d d + 8 d d) and the attention 2 B H (2 T T d_head); the readout 2 B T d
    /// V.
    /// </summary>
    private static double StepFlops(GptConfig c, int batch)
    {
        double tokens = (double)batch * c.ContextLength, d = c.ModelWidth;
        double attention = 2 * batch * c.Heads * 2.0 * c.ContextLength * c.ContextLength * c.HeadWidth;
        double perBlock = 2 * tokens * (12 * d * d) + attention;
        return 3 * (c.Layers * perBlock + 2 * tokens * d * c.VocabularySize);
    }

    /// <summary>
    /// OPENBLAS_CORETYPE for the widest kernels the CPU runs (x86), and OpenBLAS's threads: as many as ours.
    /// </summary>
    private static Dictionary<string, string> BlasEnvironment()
    {
        var environment = new Dictionary<string,
            string> { ["OPENBLAS_NUM_THREADS"] = Text(Environment.ProcessorCount) };
        if (Avx512F.IsSupported) environment["OPENBLAS_CORETYPE"] = "SkylakeX";
        else if (Avx2.IsSupported && Fma.IsSupported) environment["OPENBLAS_CORETYPE"] = "Haswell";
        return environment;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ",
            File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
