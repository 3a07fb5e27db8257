namespace WeightInit.Tests.Training;

/// <summary>
/// Symmetric starts (all weights zero, or all equal) never break symmetry under SGD: every hidden unit
/// of a layer gets the same gradient, so after any number of steps its incoming weights are
/// bit-identical to every other unit's, and the network behaves like one unit per layer. The digits
/// test set has class counts 44, 46, 44, 46, 45, 46, 45, 45, 44, 45 (of 450): a network that predicts
/// one class for every sample scores that class's frequency, at most 46 / 450 = 10.2% (chance).
/// Over these 86 steps every symmetric start stays there. (A symmetric network is a network with one
/// unit per hidden layer, which can still learn a little: measured with this network and training, a
/// zero-initialized sigmoid network stays at chance for 9 epochs, then rises to 17% at epoch 10 and
/// 38% at epoch 20.)
/// </summary>
public sealed class SymmetryTests
{
    private const int Epochs = 2; // 2 x 43 = 86 SGD steps of batch 32 (momentum 0.9).

    private static (Network Network, Trainer Trainer) Train(Activation activation, IWeightInitializer initializer,
        int epochs = Epochs)
    {
        var split = DigitsFixture.Split;
        var network = Network.Create(DeepNetwork.Classifier([64, 24, 24, 10], activation, initializer), seed: 5);
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
            new TrainingOptions { LearningRate = 0.1, Momentum = 0.9, BatchSize = 32, Seed = 6 });
        for (int e = 0; e < epochs; e++) trainer.TrainEpoch(split.Train);
        Assert.Equal(epochs * 43, trainer.StepCount);
        return (network, trainer);
    }

    private static void AssertHiddenUnitsIdentical(Network network)
    {
        for (int l = 0; l < network.DenseLayers.Count - 1; l++)
        {
            var layer = network.DenseLayers[l];
            var first = layer.IncomingWeights(0);
            for (int unit = 1; unit < layer.OutputWidth; unit++)
                Assert.True(layer.IncomingWeights(unit).SequenceEqual(first),
                    $"layer {l}: unit {unit}'s incoming weights differ from unit 0's");
            foreach (double b in layer.Biases) Assert.Equal(BitConverter.DoubleToInt64Bits(layer.Biases[0]),
                BitConverter.DoubleToInt64Bits(b));
            Assert.Equal(0.0, NetworkComparison.IncomingWeightSpread(layer));
            Assert.Equal(1, layer.DistinctUnitCount());
        }
        // Every layer after a symmetric one sees identical inputs from all units: the weights of each
        // of its units are equal across the units feeding it.
        for (int l = 1; l < network.DenseLayers.Count; l++)
        {
            var layer = network.DenseLayers[l];
            for (int unit = 0; unit < layer.OutputWidth; unit++)
            {
                var row = layer.IncomingWeights(unit);
                foreach (double w in row) Assert.Equal(BitConverter.DoubleToInt64Bits(row[0]),
                    BitConverter.DoubleToInt64Bits(w));
            }
        }
    }

    private static void AssertChance(Network network)
    {
        var test = DigitsFixture.Split.Test;
        var predicted = network.PredictClasses(test.Features, test.Count, Loss.SoftmaxCrossEntropy);
        Assert.All(predicted, p => Assert.Equal(predicted[0], p));
        var frequency = (double)test.ClassCounts()[predicted[0]] / test.Count;
        var accuracy = network.Evaluate(test, Loss.SoftmaxCrossEntropy).Accuracy;
        Assert.Equal(frequency, accuracy);
        Assert.True(accuracy <= 46.0 / 450, $"accuracy {accuracy} is above the largest class frequency 46/450");
    }

    public static TheoryData<string> ZeroPreservingActivations => new() { "Tanh", "ReLU", "Identity" };

    [Theory]
    [MemberData(nameof(ZeroPreservingActivations))]
    public void ZeroWeightsWithActivationZeroAtZeroStayExactlyZeroAndPredictOneClass(string activationName)
    {
        var activation = ActivationByName(activationName);
        var (network, _) = Train(activation, Init.Zeros());
        // f(0) = 0, so every hidden activation is 0 and every weight gradient is 0: only the output
        // biases learn (the class frequencies), and every weight is still exactly 0.
        foreach (var layer in network.DenseLayers)
            foreach (double w in layer.Weights) Assert.Equal(0L, BitConverter.DoubleToInt64Bits(w));
        Assert.Contains(network.DenseLayers[^1].Biases.ToArray(), b => b != 0);
        AssertHiddenUnitsIdentical(network);
        AssertChance(network);
    }

    public static TheoryData<string, double> SymmetricStarts => new()
    {
        { "Sigmoid", 0.0 },   // sigmoid(0) = 1/2: the weights move, but together
        { "Tanh", 0.1 },
        { "ReLU", 0.1 },
        { "Sigmoid", -0.2 },
    };

    [Theory]
    [MemberData(nameof(SymmetricStarts))]
    public void SymmetricWeightsMoveButEveryHiddenUnitKeepsBitIdenticalWeights(string activationName, double value)
    {
        var (network, _) = Train(ActivationByName(activationName), Init.Constant(value));
        bool moved = network.DenseLayers.Take(network.DenseLayers.Count - 1).Any(l
            => l.Weights.ToArray().Any(w => w != value));
        Assert.True(moved, "the hidden weights never moved, so the symmetry check would be trivial");
        AssertHiddenUnitsIdentical(network);
        AssertChance(network);
    }

    /// <summary>
    /// The same network and training from tiny random weights, N(0, 0.01^2): the units differ, and after
    /// a slow start (measured: 10%, 10%, 20%, 44%, 78%, 84%, 92%, 95% over epochs 1-8) it learns.
    /// The bar: at least 80% after 8 epochs.
    /// </summary>
    [Fact]
    public void TinyRandomWeightsBreakTheSymmetryAndLearn()
    {
        const int epochs = 8;
        var (network, _) = Train(Activation.Tanh, Init.Normal(0, 0.01), epochs);
        var layer = network.DenseLayers[0];
        Assert.False(layer.IncomingWeights(1).SequenceEqual(layer.IncomingWeights(0)));
        Assert.Equal(24, layer.DistinctUnitCount());
        Assert.True(NetworkComparison.IncomingWeightSpread(layer) > 0);
        double accuracy = network.Evaluate(DigitsFixture.Split.Test, Loss.SoftmaxCrossEntropy).Accuracy;
        Assert.True(accuracy >= 0.8, $"test accuracy {accuracy} after {epochs} epochs from N(0, 0.01^2) weights");
    }

    private static Activation ActivationByName(string name) => name switch
    {
        "Identity" => Activation.Identity,
        "Sigmoid" => Activation.Sigmoid,
        "Tanh" => Activation.Tanh,
        "ReLU" => Activation.ReLU,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown activation"),
    };
}
