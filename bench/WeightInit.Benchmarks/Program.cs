using System.Runtime.Intrinsics;

namespace WeightInit.Benchmarks;

/// <summary>
/// Entry point: `dotnet run -c Release --project bench/WeightInit.Benchmarks [-- suite ...]`.
/// Each suite prints its own table; with no argument every suite runs.
/// </summary>
internal static class Program
{
    // Each suite registers here: name -> runner taking the remaining arguments.
    private static readonly Dictionary<string, Action<string[]>> Suites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["activations"] = ActivationBenchmarks.Run,
        ["gemm"] = GemmBenchmarks.Run,
        ["sampler"] = SamplerBenchmarks.Run,
        ["init"] = InitializerBenchmarks.Run,
        ["fullpass"] = FullPassBenchmarks.Run,
        ["training"] = TrainingBenchmark.Run,
        ["theory"] = TheoryBenchmarks.Run,
        ["goals"] = GoalsBenchmark.Run,
        ["conv"] = ConvolutionBenchmark.Run,
        ["transformer"] = TransformerBenchmark.Run,
    };

    public static int Main(string[] args)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores; Vector512 " +
            $"{(Vector512.IsHardwareAccelerated ? "on" : "off")}, Vector256 " +
            $"{(Vector256.IsHardwareAccelerated ? "on" : "off")}; .NET {Environment.Version}");
        var chosen = args.Length == 0 ? Suites.Keys.ToArray() : args.Where(Suites.ContainsKey).ToArray();
        var unknown = args.Where(a => !Suites.ContainsKey(a) && !a.StartsWith('-')).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"unknown suite(s): {string.Join(", ", unknown)}; known: " +
                $"{string.Join(", ", Suites.Keys)}");
            return 2;
        }
        foreach (var name in chosen)
        {
            Console.WriteLine($"== {name} ==");
            Suites[name](args);
        }
        return 0;
    }
}
