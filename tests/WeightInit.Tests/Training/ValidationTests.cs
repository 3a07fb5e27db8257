using WeightInit.Initializers;
using WeightInit.Activations;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Tests.Training;

/// <summary>One test per parameter rule: each bad value throws an ArgumentException naming the parameter.</summary>
public sealed class ValidationTests
{
    private static string? Param(Action action) => Assert.ThrowsAny<ArgumentException>(action).ParamName;

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LearningRate_MustBeFiniteAndPositive(double value) =>
        Assert.Equal("LearningRate", Param(() => _ = new TrainingOptions { LearningRate = value }));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Momentum_MustLieInZeroOne(double value) =>
        Assert.Equal("Momentum", Param(() => _ = new TrainingOptions { Momentum = value }));

    [Theory]
    [InlineData(-1e-4)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WeightDecay_MustBeFiniteAndNonNegative(double value) =>
        Assert.Equal("WeightDecay", Param(() => _ = new TrainingOptions { WeightDecay = value }));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void BatchSize_MustBePositive(int value) =>
        Assert.Equal("BatchSize", Param(() => _ = new TrainingOptions { BatchSize = value }));

    private static Network Small(int outputs = 2) =>
        Network.Create(DeepNetwork.Classifier([2, 3, outputs], Activation.Tanh, Init.LeCunNormal), seed: 1);

    private static LabeledDataset Moons => ToyDatasets.TwoMoons(10, 0, new RandomSource(1));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Epochs_MustBePositive(int epochs) =>
        Assert.Equal("epochs", Param(() => new Trainer(Small(), Loss.SoftmaxCrossEntropy, new TrainingOptions()).Fit(Moons, null, epochs)));

    [Fact] public void Widths_NeedTwoEntries() =>
        Assert.Equal("widths",
            Param(() => Network.Create(DeepNetwork.Classifier([4], Activation.ReLU, Init.LeCunNormal), seed: 1)));

    [Fact] public void Widths_MustBePositive() =>
        Assert.Equal("widths",
            Param(() => Network.Create(DeepNetwork.Classifier([4, 0, 2], Activation.ReLU, Init.LeCunNormal), seed: 1)));

    [Fact] public void Layers_MustChain() =>
        Assert.Equal("layers",
            Param(() => _ = new Network([new DenseLayer(2, 3, Activation.ReLU),
            new DenseLayer(4, 2, Activation.Identity)])));

    [Fact] public void Layers_MustBeDistinctObjects()
    {
        var layer = new DenseLayer(3, 3, Activation.ReLU);
        Assert.Equal("layers", Param(() => _ = new Network([layer, layer])));
    }

    [Fact] public void DenseLayer_WidthsMustBePositive()
    {
        Assert.Equal("inputWidth", Param(() => _ = new DenseLayer(0, 3, Activation.ReLU)));
        Assert.Equal("outputWidth", Param(() => _ = new DenseLayer(3, 0, Activation.ReLU)));
    }

    [Fact] public void Data_MustHaveTheNetworksInputWidth()
    {
        var digits = DigitsFixture.Split.Test;
        Assert.Equal("data", Param(() => new Trainer(Small(10), Loss.SoftmaxCrossEntropy, new TrainingOptions()).TrainEpoch(digits)));
    }

    [Fact] public void Data_MustNotHaveMoreClassesThanTheNetworkPredicts()
    {
        var spirals = ToyDatasets.Spirals(5, 3, 0, new RandomSource(1));
        Assert.Equal("data", Param(() => new Trainer(Small(2), Loss.SoftmaxCrossEntropy, new TrainingOptions()).TrainEpoch(spirals)));
    }

    [Fact] public void Loss_MustAcceptTheOutputWidth() =>
        Assert.Equal("width", Param(() => _ = new Trainer(Small(2), Loss.BinaryCrossEntropy, new TrainingOptions())));

    [Fact] public void ComputeGradients_InputsMustMatchCount()
    {
        var network = Small();
        Assert.Equal("inputs", Param(() => network.ComputeGradients(new double[5], [0, 1], 2, Loss.SoftmaxCrossEntropy, network.CreateGradients())));
    }

    [Fact] public void ComputeGradients_GradientsMustMatchTheNetwork()
    {
        var network = Small();
        Assert.Equal("gradients", Param(() => network.ComputeGradients(new double[4], [0, 1], 2, Loss.SoftmaxCrossEntropy, Small(3).CreateGradients())));
    }

    [Fact] public void Dataset_LabelsMustBeInRange() =>
        Assert.Equal("labels", Param(() => _ = new LabeledDataset([0.0, 1.0], [0, 2], 1, 2)));

    [Fact] public void Dataset_FeaturesMustMatchShape() =>
        Assert.Equal("features", Param(() => _ = new LabeledDataset([0.0, 1.0, 2.0], [0, 1], 2, 2)));

    [Fact] public void Dataset_FeaturesMustBeFinite() =>
        Assert.Equal("features", Param(() => _ = new LabeledDataset([0.0, double.NaN], [0, 1], 1, 2)));

    [Fact] public void Dataset_NeedsTwoClasses() =>
        Assert.Equal("classCount", Param(() => _ = new LabeledDataset([0.0], [0], 1, 1)));

    [Fact] public void Grid_NeedsIncreasingRange() =>
        Assert.Equal("xMax", Param(() => DecisionGrid.Evaluate(Small(), Loss.SoftmaxCrossEntropy, 1, 1, 10, 0, 1, 10)));

    [Fact] public void Grid_NeedsTwoPointsPerAxis() =>
        Assert.Equal("yCount", Param(() => DecisionGrid.Evaluate(Small(), Loss.SoftmaxCrossEntropy, 0, 1, 10, 0, 1, 1)));

    [Fact] public void Grid_NeedsTwoInputs() =>
        Assert.Equal("network",
            Param(() => DecisionGrid.Evaluate(Network.Create(DeepNetwork.Classifier([3, 2], Activation.Identity,
            Init.LeCunNormal), seed: 1), Loss.SoftmaxCrossEntropy, 0, 1, 10, 0, 1, 10)));

    [Fact] public void Initialize_BiasMustBeFinite() =>
        Assert.Equal("bias", Param(() => new DenseLayer(2, 2, Activation.ReLU).Initialize(Init.LeCunNormal, new RandomSource(1), double.NaN)));
}
