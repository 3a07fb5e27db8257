namespace WeightInit.Tests.Training;

public sealed class TrainerTests
{
    private static LabeledDataset Moons() => ToyDatasets.TwoMoons(100, 0.1, new RandomSource(3));

    private static (TrainingHistory History, Network Network) TrainMoons(double momentum, int epochs = 30)
    {
        // 2-16-16-1 tanh, LeCun normal weights N(0, 1/fan_in), binary cross-entropy, lr 0.05, batch 16.
        var network = Network.Create(DeepNetwork.Classifier([2, 16, 16, 1], Activation.Tanh, Init.LeCunNormal()),
            seed: 5);
        var trainer = new Trainer(network, Loss.BinaryCrossEntropy,
            new TrainingOptions { LearningRate = 0.05, Momentum = momentum, BatchSize = 16, Seed = 6 });
        return (trainer.Fit(Moons(), null, epochs), network);
    }

    /// <summary>
    /// Measured: the loss falls from 0.572 to 0.042 in 30 epochs with momentum 0.9 (accuracy 98%), and
    /// to 0.264 with plain SGD at the same learning rate (89%). Bars: momentum at least 10x lower than the
    /// start, and below plain SGD.
    /// </summary>
    [Fact]
    public void MomentumSgdDecreasesTheLossOnTwoMoonsFasterThanPlainSgd()
    {
        var (momentum, _) = TrainMoons(0.9);
        var (plain, _) = TrainMoons(0.0);
        Assert.Equal(momentum.Initial.TrainLoss, plain.Initial.TrainLoss);
        Assert.True(momentum.Final.TrainLoss < momentum.Initial.TrainLoss / 10,
            $"loss {momentum.Initial.TrainLoss} -> {momentum.Final.TrainLoss}");
        Assert.True(momentum.Final.TrainAccuracy >= 0.95, $"train accuracy {momentum.Final.TrainAccuracy}");
        Assert.True(plain.Final.TrainLoss < plain.Initial.TrainLoss);
        Assert.True(momentum.Final.TrainLoss < plain.Final.TrainLoss);
        Assert.True(double.IsNaN(momentum.Final.TestAccuracy));
    }

    [Fact]
    public void SgdUpdateFollowsTheStatedFormula()
    {
        // g' = g + lambda w; v = mu v + g'; w = w - eta v, with w = 1, g = 0, eta = 0.1, mu = 0.9, lambda = 0.5.
        double[] w = [1.0], g = [0.0], v = [0.0];
        SgdOptimizer.Step(w, g, v, 0.1, 0.9, 0.5);
        Assert.Equal(0.5, v[0]);
        Assert.Equal(1.0 - 0.1 * 0.5, w[0]);
        SgdOptimizer.Step(w, g, v, 0.1, 0.9, 0.5);
        double v2 = 0.9 * 0.5 + 0.5 * 0.95;
        Assert.Equal(v2, v[0], 1e-15);
        Assert.Equal(0.95 - 0.1 * v2, w[0], 1e-15);
    }

    [Fact]
    public void SgdUpdateVectorAndScalarPathsAgreeBitForBit()
    {
        // 37 elements: full Vector512 blocks, then a Vector256 block, then a scalar tail.
        var random = new RandomSource(11);
        var w = new double[37]; var g = new double[37]; var v = new double[37];
        random.FillNormal(w, 0, 1); random.FillNormal(g, 0, 1); random.FillNormal(v, 0, 1);
        w[36] = w[0]; g[36] = g[0]; v[36] = v[0]; w[33] = w[0]; g[33] = g[0]; v[33] = v[0];
        SgdOptimizer.Step(w, g, v, 0.037, 0.9, 1e-3);
        Assert.Equal(BitConverter.DoubleToInt64Bits(w[0]), BitConverter.DoubleToInt64Bits(w[36]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(w[0]), BitConverter.DoubleToInt64Bits(w[33]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v[0]), BitConverter.DoubleToInt64Bits(v[36]));
    }

    [Fact]
    public void WeightDecayShrinksTheWeightsComparedWithNone()
    {
        double Norm(Network n) => Math.Sqrt(n.DenseLayers.Sum(l => l.Weights.ToArray().Sum(x => x * x)));
        Network Train(double decay)
        {
            var network = Network.Create(DeepNetwork.Classifier([2, 16, 1], Activation.Tanh, Init.LeCunNormal()),
                seed: 5);
            new Trainer(network, Loss.BinaryCrossEntropy,
                new TrainingOptions { LearningRate = 0.05, WeightDecay = decay, Seed = 1 })
                .Fit(Moons(), null, 5);
            return network;
        }
        Assert.True(Norm(Train(0.05)) < Norm(Train(0)));
    }

    [Fact]
    public void ProgressIsReportedOncePerEpochInOrder()
    {
        var reported = new List<int>();
        var network = Network.Create(DeepNetwork.Classifier([2, 4, 1], Activation.Tanh, Init.LeCunNormal()), seed: 5);
        var trainer = new Trainer(network, Loss.BinaryCrossEntropy, new TrainingOptions());
        var history = trainer.Fit(Moons(), Moons(), 3, new SynchronousProgress(r => reported.Add(r.Epoch)));
        Assert.Equal([1, 2, 3], reported);
        Assert.Equal(0, history.Initial.Epoch);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(2, history.InitialGradients.Count);
        Assert.All(history.Epochs, e => Assert.Equal(2, e.LastStepGradients.Count));
        Assert.Equal(3 * 7, trainer.StepCount); // 200 samples, batch 32: 7 steps per epoch.
    }

    [Fact]
    public void CancellationStopsBeforeTheNextBatch()
    {
        using var cts = new CancellationTokenSource();
        var network = Network.Create(DeepNetwork.Classifier([2, 4, 1], Activation.Tanh, Init.LeCunNormal()), seed: 5);
        var trainer = new Trainer(network, Loss.BinaryCrossEntropy, new TrainingOptions());
        Assert.Throws<OperationCanceledException>(() =>
            trainer.Fit(Moons(), null, 10, new SynchronousProgress(_ => cts.Cancel()), cts.Token));
        Assert.Equal(1, trainer.EpochCount);
        Assert.Equal(7, trainer.StepCount); // 200 samples, batch 32: 6 full batches and one of 8.
    }

    [Fact]
    public void ADivergingRunStopsAtTheFirstNonFiniteLossAndCountsNonFiniteOutputsAsWrong()
    {
        // A linear network with weights N(0, 10^2) and learning rate 1e3: every update multiplies the
        // weights' scale, until the logits overflow. The run stops at the first step whose loss is not
        // finite (issue 11: it used to go on with NaN weights) and says which step that was.
        var network = Network.Create(DeepNetwork.Classifier([2, 32, 32, 1], Activation.Identity, Init.Normal(0, 10)),
            seed: 5);
        var trainer =
            new Trainer(network, Loss.BinaryCrossEntropy, new TrainingOptions { LearningRate = 1e3, Seed = 1 });
        var history = trainer.Fit(Moons(), null, 3);
        Assert.False(double.IsFinite(history.Final.TrainLoss));
        Assert.Equal(0.0, history.Final.TrainAccuracy);
        Assert.True(history.Diverged);
        Assert.Same(trainer.Divergence, history.Divergence);
        Assert.False(double.IsFinite(history.Divergence!.Loss));
        Assert.Equal(trainer.StepCount + 1, history.Divergence.Step);
        Assert.True(history.Epochs.Count < 3 || trainer.StepCount < 3 * 7, "the run must stop early");
        Assert.All(network.DenseLayers, l => Assert.All(l.Weights.ToArray(), w => Assert.True(double.IsFinite(w))));
        Assert.Throws<InvalidOperationException>(() => trainer.TrainEpoch(Moons()));
    }

    [Fact]
    public void TrainStepsTakesTheBatchesOfTheEpochsAndContinuesAPassAcrossCalls()
    {
        // 200 samples in batches of 32: 7 steps per pass (the last of 8 samples).
        Network Build()
            => Network.Create(DeepNetwork.Classifier([2, 8, 1], Activation.Tanh, Init.LeCunNormal()), seed: 5);
        var options = new TrainingOptions { LearningRate = 0.05, Momentum = 0.9, Seed = 6 };
        var byEpoch = new Trainer(Build(), Loss.BinaryCrossEntropy, options);
        var epochLosses =
            new[] { byEpoch.TrainEpoch(Moons()).MeanBatchLoss, byEpoch.TrainEpoch(Moons()).MeanBatchLoss };
        var stepwise = new Trainer(Build(), Loss.BinaryCrossEntropy, options);
        double[] losses = [.. stepwise.TrainSteps(Moons(), 3), .. stepwise.TrainSteps(Moons(), 11)];
        Assert.Equal(14, losses.Length);
        Assert.Equal(2, stepwise.EpochCount);
        Assert.Equal(epochLosses[0], losses[..7].Sum() / 7, 1e-15);
        Assert.Equal(epochLosses[1], losses[7..].Sum() / 7, 1e-15);
        Assert.Equal(byEpoch.Network.Parameters.SelectMany(p => p.Values.ToArray()),
            stepwise.Network.Parameters.SelectMany(p => p.Values.ToArray()));
    }

    [Fact]
    public void DropIncompleteBatchSkipsTheLastSmallBatchOfEveryPass()
    {
        // 200 samples in batches of 32: 6 full batches; the 8 left over are skipped.
        var options = new TrainingOptions { DropIncompleteBatch = true, Seed = 2 };
        var byEpoch = new Trainer(Network.Create(DeepNetwork.Classifier([2, 4, 1], Activation.Tanh, Init.LeCunNormal()),
            seed: 5), Loss.BinaryCrossEntropy, options);
        byEpoch.TrainEpoch(Moons());
        byEpoch.TrainEpoch(Moons());
        Assert.Equal(12, byEpoch.StepCount);
        var stepwise =
            new Trainer(Network.Create(DeepNetwork.Classifier([2, 4, 1], Activation.Tanh, Init.LeCunNormal()),
            seed: 5), Loss.BinaryCrossEntropy, options);
        stepwise.TrainSteps(Moons(), 12);
        Assert.Equal(2, stepwise.EpochCount);
        Assert.Equal(byEpoch.Network.Parameters.SelectMany(p => p.Values.ToArray()),
            stepwise.Network.Parameters.SelectMany(p => p.Values.ToArray()));
    }

    [Fact]
    public void TrainStepsStopsAtADivergence()
    {
        var network = Network.Create(DeepNetwork.Classifier([2, 32, 32, 1], Activation.Identity, Init.Normal(0, 10)),
            seed: 5);
        var trainer =
            new Trainer(network, Loss.BinaryCrossEntropy, new TrainingOptions { LearningRate = 1e3, Seed = 1 });
        var losses = trainer.TrainSteps(Moons(), 100);
        Assert.True(losses.Length < 100);
        Assert.False(double.IsFinite(losses[^1]));
        Assert.All(losses[..^1], l => Assert.True(double.IsFinite(l)));
        Assert.Equal(losses.Length, trainer.Divergence!.Step);
    }

    private sealed class SynchronousProgress(Action<EpochResult> action) : IProgress<EpochResult>
    {
        public void Report(EpochResult value) => action(value);
    }
}
