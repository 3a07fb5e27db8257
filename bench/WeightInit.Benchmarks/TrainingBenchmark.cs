using System.Diagnostics;
using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Benchmarks;

/// <summary>
/// Seconds per epoch of SGD on the digits (1,347 training samples) for a 64-256-256-10 ReLU network,
/// He-normal weights, batch 32, momentum 0.9: `dotnet run -c Release --project bench/WeightInit.Benchmarks -- training`.
/// Each epoch includes the evaluation on the training and test sets; the median of 5 epochs after one warm-up epoch,
/// wall clock and process CPU time (all threads).
/// </summary>
internal static class TrainingBenchmark
{
    public static void Run(string[] _)
    {
        var split = DigitsDataset.LoadSplit(DigitsDataset.FindFile(AppContext.BaseDirectory));
        foreach (int[] widths in new[] { new[] { 64, 256, 256, 10 }, new[] { 64, 64, 10 } })
        {
            var network = MultilayerPerceptron.Create(widths, Activation.ReLU, Init.HeNormal(), new RandomSource(1));
            var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
                new TrainingOptions { LearningRate = 0.05, Momentum = 0.9, BatchSize = 32, Seed = 2 });
            var times = new List<double>();
            var cpuTimes = new List<double>();
            EpochResult? last = null;
            using var process = Process.GetCurrentProcess();
            for (int e = 0; e < 6; e++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                last = trainer.TrainEpoch(split.Train, split.Test);
                process.Refresh();
                if (e > 0)
                {
                    times.Add(watch.Elapsed.TotalSeconds);
                    cpuTimes.Add((process.TotalProcessorTime - cpu).TotalSeconds);
                }
            }
            times.Sort();
            cpuTimes.Sort();
            Console.WriteLine($"{string.Join('-', widths),-16} batch 32: median {times[times.Count / 2]:F3} s/epoch " +
                $"(min {times[0]:F3}, max {times[^1]:F3}; median CPU {cpuTimes[cpuTimes.Count / 2]:F3} s); " +
                $"test accuracy after 6 epochs {last!.TestAccuracy:P1}");
        }
    }
}
