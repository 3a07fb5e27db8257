using System.Diagnostics;

namespace WeightInit.Benchmarks;

/// <summary>
/// Seconds per epoch of SGD on the digits (1,347 training samples) for a 64-256-256-10 and a 64-64-10 ReLU
/// network, He-normal weights, batch 32, momentum 0.9, and for a 20-block residual MLP (width 64) with Adam:
/// `dotnet run -c Release --project bench/WeightInit.Benchmarks -- training`. Each epoch includes the
/// evaluation on the training and test sets. Three trainers on identical networks run their epochs in turn
/// (so that a change in the machine's load hits all three alike): diagnostics off, on with the default
/// interval (histograms every 10th step, update ratios every step), and on at every step. The table gives
/// the median of 5 epochs after one warm-up epoch, wall clock and process CPU time, and the ratios of the
/// medians against diagnostics off measured in the same run.
/// </summary>
internal static class TrainingBenchmark
{
    private const int Epochs = 6;

    public static void Run(string[] _)
    {
        var split = DigitsDataset.LoadSplit(DigitsDataset.FindFile(AppContext.BaseDirectory));
        var sgd = new TrainingOptions { LearningRate = 0.05, Momentum = 0.9, BatchSize = 32, Seed = 2 };
        var adam =
            new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 32, Seed = 2 };
        Measure("64-256-256-10", ()
            => Network.Create(DeepNetwork.Classifier([64, 256, 256, 10], Activation.ReLU, Init.HeNormal()),
            seed: 1), sgd, split);
        Measure("64-64-10", ()
            => Network.Create(DeepNetwork.Classifier([64, 64, 10], Activation.ReLU, Init.HeNormal()),
            seed: 1), sgd, split);
        Measure("residual 20x64", () => ResidualNetwork.Create(new ResidualNetworkOptions
        {
            InputWidth = 64, Width = 64, Blocks = 20, ClassCount = 10, Scheme = ResidualScheme.Fixup,
        }, new RandomSource(1)), adam, split);
    }

    private static void Measure(string name, Func<Network> create, TrainingOptions options, TrainTestSplit split)
    {
        DiagnosticsOptions?[] settings = [null, new DiagnosticsOptions(), new DiagnosticsOptions { Interval = 1 }];
        string[] labels = ["off", "on (every 10th step)", "on (every step)"];
        var trainers = settings.Select(d => new Trainer(create(), Loss.SoftmaxCrossEntropy, new TrainingOptions
        {
            Optimizer = options.Optimizer, LearningRate = options.LearningRate, Momentum = options.Momentum,
            BatchSize = options.BatchSize, Seed = options.Seed, Diagnostics = d,
        })).ToArray();
        var wall = trainers.Select(_ => new List<double>()).ToArray();
        var cpu = trainers.Select(_ => new List<double>()).ToArray();
        var accuracy = new double[trainers.Length];
        using var process = Process.GetCurrentProcess();
        for (int e = 0; e < Epochs; e++)
            for (int t = 0; t < trainers.Length; t++)
            {
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                accuracy[t] = trainers[t].TrainEpoch(split.Train, split.Test).TestAccuracy;
                process.Refresh();
                if (e == 0) continue;
                wall[t].Add(watch.Elapsed.TotalSeconds);
                cpu[t].Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
            }
        double Median(List<double> values) { values.Sort(); return values[values.Count / 2]; }
        double baseWall = Median(wall[0]), baseCpu = Median(cpu[0]);
        for (int t = 0; t < trainers.Length; t++)
        {
            double w = Median(wall[t]), c = Median(cpu[t]);
            Console.WriteLine($"{name,-16} diagnostics {labels[t],-21}: median {w:F3} s/epoch (min {wall[t][0]:F3}, " +
                $"max {wall[t][^1]:F3}; CPU {c:F3} s)" +
                $"{(t == 0 ? "" : $"; ratio to off: wall {w / baseWall:F3}, CPU {c / baseCpu:F3}")}; test accuracy " +
                    $"after {Epochs} epochs {accuracy[t]:P1}");
        }
    }
}
