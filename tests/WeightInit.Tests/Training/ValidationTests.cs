using WeightInit.Tests.Support;

namespace WeightInit.Tests.Training;

/// <summary>One test per parameter rule: each bad value throws an ArgumentException naming the parameter.</summary>
public sealed class ValidationTests
{
    private static string? Param(Action action) => Assert.ThrowsAny<ArgumentException>(action).ParamName;

    [Theory]
    [MemberData(nameof(BadValues.NotFinitePositive), MemberType = typeof(BadValues))]
    public void LearningRateMustBeFiniteAndPositive(double value) =>
        Assert.Equal("LearningRate", Param(() => _ = new TrainingOptions { LearningRate = value }));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void MomentumMustLieInZeroOne(double value) =>
        Assert.Equal("Momentum", Param(() => _ = new TrainingOptions { Momentum = value }));

    [Theory]
    [MemberData(nameof(BadValues.NotFiniteNonNegative), MemberType = typeof(BadValues))]
    public void WeightDecayMustBeFiniteAndNonNegative(double value) =>
        Assert.Equal("WeightDecay", Param(() => _ = new TrainingOptions { WeightDecay = value }));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void BatchSizeMustBePositive(int value) =>
        Assert.Equal("BatchSize", Param(() => _ = new TrainingOptions { BatchSize = value }));

    private static Network Small(int outputs = 2) =>
        Network.Create(DeepNetwork.Classifier([2, 3, outputs], Activation.Tanh, Init.LeCunNormal()), seed: 1);

    private static LabeledDataset Moons => ToyDatasets.TwoMoons(10, 0, new RandomSource(1));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void EpochsMustBePositive(int epochs) =>
        Assert.Equal("epochs",
            Param(() => new Trainer(Small(), Loss.SoftmaxCrossEntropy, new TrainingOptions())
            .Fit(Moons, null, epochs)));

    [Fact] public void WidthsNeedTwoEntries() =>
        Assert.Equal("widths",
            Param(() => Network.Create(DeepNetwork.Classifier([4], Activation.ReLU, Init.LeCunNormal()), seed: 1)));

    [Fact] public void WidthsMustBePositive() =>
        Assert.Equal("widths",
            Param(() =>
                Network.Create(DeepNetwork.Classifier([4, 0, 2], Activation.ReLU, Init.LeCunNormal()), seed: 1)));

    [Fact] public void LayersMustChain() =>
        Assert.Equal("layers",
            Param(() => _ = new Network([new DenseLayer(2, 3, Activation.ReLU),
            new DenseLayer(4, 2, Activation.Identity)])));

    [Fact] public void LayersMustBeDistinctObjects()
    {
        var layer = new DenseLayer(3, 3, Activation.ReLU);
        Assert.Equal("layers", Param(() => _ = new Network([layer, layer])));
    }

    [Fact] public void DenseLayerWidthsMustBePositive()
    {
        Assert.Equal("inputWidth", Param(() => _ = new DenseLayer(0, 3, Activation.ReLU)));
        Assert.Equal("outputWidth", Param(() => _ = new DenseLayer(3, 0, Activation.ReLU)));
    }

    [Fact] public void DataMustHaveTheNetworksInputWidth()
    {
        var digits = DigitsFixture.Split.Test;
        Assert.Equal("data",
            Param(() => new Trainer(Small(10), Loss.SoftmaxCrossEntropy, new TrainingOptions()).TrainEpoch(digits)));
    }

    [Fact] public void DataMustNotHaveMoreClassesThanTheNetworkPredicts()
    {
        var spirals = ToyDatasets.Spirals(5, 3, 0, new RandomSource(1));
        Assert.Equal("data",
            Param(() => new Trainer(Small(2), Loss.SoftmaxCrossEntropy, new TrainingOptions()).TrainEpoch(spirals)));
    }

    [Fact] public void LossMustAcceptTheOutputWidth() =>
        Assert.Equal("width", Param(() => _ = new Trainer(Small(2), Loss.BinaryCrossEntropy, new TrainingOptions())));

    [Fact] public void ComputeGradientsInputsMustMatchCount()
    {
        var network = Small();
        Assert.Equal("inputs",
            Param(() =>
            network.ComputeGradients(new double[5], [0, 1], 2, Loss.SoftmaxCrossEntropy, network.CreateGradients())));
    }

    [Fact] public void ComputeGradientsGradientsMustMatchTheNetwork()
    {
        var network = Small();
        Assert.Equal("gradients",
            Param(() =>
            network.ComputeGradients(new double[4], [0, 1], 2, Loss.SoftmaxCrossEntropy, Small(3).CreateGradients())));
    }

    [Fact] public void DatasetLabelsMustBeInRange() =>
        Assert.Equal("labels", Param(() => _ = new LabeledDataset([0.0, 1.0], [0, 2], 1, 2)));

    [Fact] public void DatasetFeaturesMustMatchShape() =>
        Assert.Equal("features", Param(() => _ = new LabeledDataset([0.0, 1.0, 2.0], [0, 1], 2, 2)));

    [Fact] public void DatasetFeaturesMustBeFinite() =>
        Assert.Equal("features", Param(() => _ = new LabeledDataset([0.0, double.NaN], [0, 1], 1, 2)));

    [Fact] public void DatasetNeedsTwoClasses() =>
        Assert.Equal("classCount", Param(() => _ = new LabeledDataset([0.0], [0], 1, 1)));

    [Fact] public void GridNeedsIncreasingRange() =>
        Assert.Equal("xMax", Param(() => DecisionGrid.Evaluate(Small(), Loss.SoftmaxCrossEntropy, 1, 1, 10, 0, 1, 10)));

    [Fact] public void GridNeedsTwoPointsPerAxis() =>
        Assert.Equal("yCount",
            Param(() => DecisionGrid.Evaluate(Small(), Loss.SoftmaxCrossEntropy, 0, 1, 10, 0, 1, 1)));

    [Fact] public void GridNeedsTwoInputs() =>
        Assert.Equal("network",
            Param(() => DecisionGrid.Evaluate(Network.Create(DeepNetwork.Classifier([3, 2], Activation.Identity,
            Init.LeCunNormal()), seed: 1), Loss.SoftmaxCrossEntropy, 0, 1, 10, 0, 1, 10)));

    [Fact] public void InitializeBiasMustBeFinite() =>
        Assert.Equal("bias",
            Param(() => new DenseLayer(2, 2, Activation.ReLU)
            .Initialize(Init.LeCunNormal(), new RandomSource(1), double.NaN)));
}
