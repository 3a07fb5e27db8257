using System.Reflection;

namespace WeightInit.Tests.Training;

/// <summary>
/// Learning-rate sweeps: each run is exactly the training it describes, the results are bit for bit the same on
/// 1, 2 or all threads (SGD with momentum and Adam), divergence is reported and ranked last, and every property is
/// checked.
/// </summary>
public sealed class LearningRateSweepTests
{
    /// <summary>
    /// The first 200 training and 100 test signals of MNIST-1D (every run is evaluated on both); small networks and few
    /// steps, so that the tests stay quick on the 128-bit path of scripts/test.sh, where every product is emulated.
    /// </summary>
    private static readonly Lazy<TrainTestSplit> s_data = new(() =>
    {
        var full = Mnist1dDataset.Load(Mnist1dDatasetTests.ShippedPath);
        static LabeledDataset Head(LabeledDataset d, int n) => new(d.Features[..(n * d.FeatureCount)], d.Labels[..n],
            d.FeatureCount, d.ClassCount);
        return new TrainTestSplit(Head(full.Train, 200), Head(full.Test, 100), [.. Enumerable.Range(0, 200)],
            [.. Enumerable.Range(4000, 100)]);
    });

    private static NetworkCandidate[] Candidates =>
    [
        new("He", seed => Mnist1dNetworks.VanillaCnn(2, 4, Init.HeNormal(), Activation.ReLU, seed)),
        new("PyTorch default",
            seed => Mnist1dNetworks.VanillaCnn(2, 4, Init.PyTorchLinearDefault(), Activation.ReLU, seed)),
        new("Xavier MLP",
            seed => Network.Create(DeepNetwork.Classifier([40, 16, 10], Activation.Tanh, Init.XavierNormal()), seed)),
    ];

    private static LearningRateSweep Sweep(TrainingOptions training) => new()
    {
        Candidates = Candidates, LearningRates = [0.003, 0.03], Seeds = [1, 2], Training = training,
        Train = s_data.Value.Train, Test = s_data.Value.Test, Steps = 10,
    };

    public static TheoryData<string> Optimizers => ["sgd", "adam"];

    private static TrainingOptions Options(string optimizer) => optimizer == "adam"
        ? new TrainingOptions { Optimizer = OptimizerKind.Adam, BatchSize = 50 }
        : new TrainingOptions { Momentum = 0.9, BatchSize = 50 };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void ResultsAreTheSameOnAnyNumberOfThreads(string optimizer)
    {
        var sweep = Sweep(Options(optimizer));
        var one = sweep with { MaxDegreeOfParallelism = 1 };
        var two = sweep with { MaxDegreeOfParallelism = 2 };
        var a = one.Run().Runs;
        Assert.Equal(3 * 2 * 2, a.Count);
        Assert.Equal(a, two.Run().Runs);
        Assert.Equal(a, sweep.Run().Runs);
        Assert.All(a, r => Assert.False(r.Diverged));
        // Candidate-major, then rate, then seed.
        Assert.Equal(("He", 0.003, 1UL), (a[0].Candidate, a[0].LearningRate, a[0].Seed));
        Assert.Equal(("He", 0.003, 2UL), (a[1].Candidate, a[1].LearningRate, a[1].Seed));
        Assert.Equal(("He", 0.03, 1UL), (a[2].Candidate, a[2].LearningRate, a[2].Seed));
        Assert.Equal(("Xavier MLP", 0.03, 2UL), (a[^1].Candidate, a[^1].LearningRate, a[^1].Seed));
    }

    [Fact]
    public void ARunIsTheTrainingItDescribes()
    {
        var sweep = Sweep(new TrainingOptions { Optimizer = OptimizerKind.Adam, BatchSize = 50, WeightDecay = 1e-4 });
        var run = sweep.Run().RunsOf("PyTorch default", 0.03)[1];
        var network = Mnist1dNetworks.VanillaCnn(2, 4, Init.PyTorchLinearDefault(), Activation.ReLU, 2);
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
            new TrainingOptions { Optimizer = OptimizerKind.Adam, BatchSize = 50, WeightDecay = 1e-4,
                LearningRate = 0.03, Seed = 2 });
        trainer.TrainSteps(s_data.Value.Train, 10);
        var train = network.Evaluate(s_data.Value.Train, Loss.SoftmaxCrossEntropy);
        var test = network.Evaluate(s_data.Value.Test, Loss.SoftmaxCrossEntropy);
        Assert.Equal(new SweepRun("PyTorch default", 0.03, 2, train.Loss, train.Accuracy, test.Loss, test.Accuracy,
            null), run);
    }

    [Fact]
    public void DivergenceIsReportedAndRankedLast()
    {
        var sweep = Sweep(new TrainingOptions { Momentum = 0.9, BatchSize = 50 }) with
        {
            Candidates = [new("He", seed => Mnist1dNetworks.VanillaCnn(2, 4, Init.HeNormal(), Activation.ReLU, seed))],
            LearningRates = [0.01, 1e300],
        };
        var result = sweep.Run();
        Assert.All(result.RunsOf("He", 1e300), r => Assert.True(r.Diverged));
        Assert.All(result.RunsOf("He", 0.01), r => Assert.False(r.Diverged));
        Assert.Null(result.TrainLoss("He", 1e300));
        Assert.Equal(2, result.TrainLoss("He", 0.01)!.Value.Count);
        Assert.Equal(0.01, result.BestLearningRateByTrainLoss("He"));
        Assert.Equal(0.01, result.BestLearningRateByTestAccuracy("He"));
        Assert.Equal(result.RunsOf("He", 0.01).Average(r => r.TestAccuracy), result.TestAccuracy("He", 0.01).Mean,
            1e-15);
    }

    [Fact]
    public void RateAndSeedCopyKeepsEveryOtherSetting()
    {
        var options = new TrainingOptions
        {
            Optimizer = OptimizerKind.Adam, Momentum = 0.5, WeightDecay = 0.1, Beta1 = 0.8, Beta2 = 0.99,
            Epsilon = 1e-6, BatchSize = 7, DropIncompleteBatch = true, Diagnostics = new DiagnosticsOptions(),
            LearningRate = 0.2, Seed = 3,
        };
        var copy = LearningRateSweep.WithRateAndSeed(options, 0.5, 9);
        Assert.Equal((0.5, 9UL), (copy.LearningRate, copy.Seed));
        foreach (var property in typeof(TrainingOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.Name is not (nameof(TrainingOptions.LearningRate) or nameof(TrainingOptions.Seed)))
                Assert.Equal(property.GetValue(options), property.GetValue(copy));
    }

    [Fact]
    public void AFactoryThatReusesItsNetworkIsRefused()
    {
        var shared = Network.Create(DeepNetwork.Classifier([40, 16, 10], Activation.Tanh, Init.HeNormal()), 1);
        var sweep = Sweep(new TrainingOptions()) with
        {
            Candidates = [new("shared", _ => shared)], MaxDegreeOfParallelism = 1,
        };
        Assert.Throws<InvalidOperationException>(() => sweep.Run());
    }

    [Fact]
    public void EveryPropertyIsChecked()
    {
        var good = Sweep(new TrainingOptions());
        string? Param(LearningRateSweep s) => Assert.ThrowsAny<ArgumentException>(() => s.Run()).ParamName;
        Assert.Equal("Candidates", Param(good with { Candidates = [] }));
        Assert.Equal("Candidates", Param(good with { Candidates = [Candidates[0], Candidates[0]] }));
        Assert.Equal("Candidates", Param(good with { Candidates = [new("x", null!)] }));
        Assert.Equal("LearningRates", Param(good with { LearningRates = [] }));
        Assert.Equal("LearningRates[1]", Param(good with { LearningRates = [0.1, -1] }));
        Assert.Equal("LearningRates[0]", Param(good with { LearningRates = [double.NaN] }));
        Assert.Equal("Seeds", Param(good with { Seeds = [] }));
        Assert.Equal("Seeds", Param(good with { Seeds = [1, 1] }));
        Assert.Equal("Training", Param(good with { Training = null! }));
        Assert.Equal("Train", Param(good with { Train = null! }));
        Assert.Equal("Loss", Param(good with { Loss = null! }));
        Assert.Equal("Steps", Param(good with { Steps = 0 }));
        Assert.Equal("MaxDegreeOfParallelism", Param(good with { MaxDegreeOfParallelism = 0 }));
        var result = (good with { Candidates = [Candidates[2]], LearningRates = [0.01], Seeds = [1], Steps = 1 }).Run();
        Assert.Equal("candidate", Assert.Throws<ArgumentException>(() => result.RunsOf("nobody", 0.01)).ParamName);
        Assert.Equal("learningRate",
            Assert.Throws<ArgumentException>(() => result.RunsOf("Xavier MLP", 0.02)).ParamName);
        var untested = (good with { Test = null, Candidates = [Candidates[2]], Steps = 1 }).Run();
        Assert.Throws<InvalidOperationException>(() => untested.BestLearningRateByTestAccuracy("Xavier MLP"));
    }
}
