namespace WeightInit.Tests.Training;

/// <summary>One test per rule of the layers, the residual builder, Adam and the diagnostics: each bad value throws an
/// ArgumentException naming the parameter.</summary>
public sealed class LayerValidationTests
{
    private static string? Param(Action action) => Assert.ThrowsAny<ArgumentException>(action).ParamName;

    private static DenseLayer Dense(int inputs, int outputs, Activation? activation = null) =>
        new(inputs, outputs, activation ?? Activation.Identity);

    [Fact]
    public void BatchNormInTrainingNeedsAtLeastTwoSamples()
    {
        var network = new Network([Dense(2, 3), new BatchNormLayer(3), Dense(3, 2)]);
        Assert.Equal("count",
            Param(() =>
            network.ComputeGradients([0.5, 1.0], [1], 1, Loss.SoftmaxCrossEntropy, network.CreateGradients())));
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy, new TrainingOptions());
        Assert.Equal("count", Param(() => trainer.Step([0.5, 1.0], [1], 1)));
        var outputs = new double[2];
        network.Forward([0.5, 1.0], 1, outputs); // inference with one sample is fine
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void BatchNormMomentumMustLieInZeroOne(double momentum) =>
        Assert.Equal("momentum", Param(() => _ = new BatchNormLayer(3, momentum)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.PositiveInfinity)]
    public void BatchNormEpsilonMustBePositive(double epsilon) =>
        Assert.Equal("epsilon", Param(() => _ = new BatchNormLayer(3, epsilon: epsilon)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    public void LayerNormEpsilonMustBePositive(double epsilon) =>
        Assert.Equal("epsilon", Param(() => _ = new LayerNormLayer(3, epsilon)));

    [Fact]
    public void SingleWidthLayersWidthMustBePositive()
    {
        Assert.Equal("width", Param(() => _ = new BatchNormLayer(0)));
        Assert.Equal("width", Param(() => _ = new LayerNormLayer(-1)));
        Assert.Equal("width", Param(() => _ = new ActivationLayer(0, Activation.Tanh)));
    }

    [Fact]
    public void ResidualBlockBranchThatChangesTheWidthNeedsAProjection() =>
        Assert.Equal("branch", Param(() => _ = new ResidualBlock([Dense(4, 6, Activation.ReLU), Dense(6, 5)])));

    [Fact]
    public void ResidualBlockProjectionMustMatchTheBranch() =>
        Assert.Equal("projection", Param(() => _ = new ResidualBlock([Dense(4, 5)], projection: Dense(4, 6))));

    [Fact]
    public void ResidualBlockProjectionMustBeLinear() =>
        Assert.Equal("projection",
            Param(() => _ = new ResidualBlock([Dense(4, 5)], projection: Dense(4, 5, Activation.ReLU))));

    [Fact]
    public void ResidualBlockBranchMustChain() =>
        Assert.Equal("branch", Param(() => _ = new ResidualBlock([Dense(4, 5), Dense(6, 4)])));

    [Fact]
    public void ResidualBlockBranchNeedsALayer() =>
        Assert.Equal("branch", Param(() => _ = new ResidualBlock([])));

    [Fact]
    public void ResidualBlockAlphaMustBeFinite() =>
        Assert.Equal("alpha", Param(() => _ = new ResidualBlock([Dense(4, 4)], alpha: double.NaN)));

    [Fact]
    public void NetworkALayerMayNotAppearTwiceInsideABlockEither()
    {
        var shared = Dense(4, 4, Activation.Tanh);
        Assert.Equal("layers", Param(() => _ = new Network([shared, new ResidualBlock([shared])])));
    }

    [Fact]
    public void ResidualNetworkFixupNeedsTwoLayersPerBranch() =>
        Assert.Equal("options", Param(() => ResidualNetwork.Create(new ResidualNetworkOptions
        {
            InputWidth = 4, Width = 4, Blocks = 3, ClassCount = 2, BranchLayers = 1, Scheme = ResidualScheme.Fixup,
        }, new RandomSource(1))));

    [Fact]
    public void ResidualNetworkOptionsCountsMustBePositive()
    {
        Assert.Equal("Blocks",
            Param(() => _ = new ResidualNetworkOptions { InputWidth = 4, Width = 4, Blocks = 0, ClassCount = 2 }));
        Assert.Equal("Width",
            Param(() => _ = new ResidualNetworkOptions { InputWidth = 4, Width = 0, Blocks = 1, ClassCount = 2 }));
        Assert.Equal("ClassCount",
            Param(() => _ = new ResidualNetworkOptions { InputWidth = 4, Width = 4, Blocks = 1, ClassCount = 1 }));
        Assert.Equal("BranchLayers",
            Param(() => _ =
            new ResidualNetworkOptions { InputWidth = 4, Width = 4, Blocks = 1, ClassCount = 2, BranchLayers = 0 }));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void AdamBeta1MustLieInZeroOne(double value) =>
        Assert.Equal("Beta1", Param(() => _ = new TrainingOptions { Optimizer = OptimizerKind.Adam, Beta1 = value }));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.PositiveInfinity)]
    public void AdamBeta2MustLieInZeroOne(double value) =>
        Assert.Equal("Beta2", Param(() => _ = new TrainingOptions { Optimizer = OptimizerKind.Adam, Beta2 = value }));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-8)]
    public void AdamEpsilonMustBePositive(double value) =>
        Assert.Equal("Epsilon",
            Param(() => _ = new TrainingOptions { Optimizer = OptimizerKind.Adam, Epsilon = value }));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    public void AdamLearningRateMustBePositive(double value) =>
        Assert.Equal("LearningRate",
            Param(() => _ = new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = value }));

    [Fact]
    public void OptimizerMustBeKnown() =>
        Assert.Equal("Optimizer", Param(() => _ = new TrainingOptions { Optimizer = (OptimizerKind)7 }));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void DiagnosticsIntervalMustBePositive(int interval) =>
        Assert.Equal("Interval", Param(() => _ = new DiagnosticsOptions { Interval = interval }));

    [Fact]
    public void DiagnosticsNeedTwoBins() =>
        Assert.Equal("Bins", Param(() => _ = new DiagnosticsOptions { Bins = 1 }));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void DiagnosticsSaturationThresholdMustLieStrictlyBetweenZeroAndOne(double value) =>
        Assert.Equal("SaturationThreshold", Param(() => _ = new DiagnosticsOptions { SaturationThreshold = value }));

    [Fact]
    public void ScaleWeightsFactorMustBeFinite() =>
        Assert.Equal("factor", Param(() => Dense(2, 2).ScaleWeights(double.PositiveInfinity)));

    [Fact]
    public void LayerForwardInputsMustMatchCount() =>
        Assert.Equal("inputs", Param(() => new LayerNormLayer(3).Forward(new double[5], 2, new double[6])));

    [Fact]
    public void CreateNormalizationMustBeKnown() =>
        Assert.Equal("normalization",
            Param(() => Network.Create(DeepNetwork.Classifier([4, 3, 2], Activation.Tanh, Init.LeCunNormal()), seed: 1,
                (Normalization)9)));
}
