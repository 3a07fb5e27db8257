namespace WeightInit.Tests.Training;

/// <summary>The residual schemes at step 0 and in training: identity blocks, the Fixup scaling, SkipInit = ReZero
/// here.</summary>
public sealed class ResidualBlockTests
{
    private const int Inputs = 64, Width = 32, Blocks = 16, Batch = 24;

    private static Network Create(ResidualScheme scheme, ulong seed = 3, int branchLayers = 2,
        Normalization normalization = Normalization.None) =>
        ResidualNetwork.Create(new ResidualNetworkOptions
        {
            InputWidth = Inputs, Width = Width, Blocks = Blocks, ClassCount = 10, Scheme = scheme,
            BranchLayers = branchLayers, Normalization = normalization,
        }, new RandomSource(seed));

    private static double[] Batch0()
    {
        var x = new double[Batch * Inputs];
        new RandomSource(77).FillUniform(x, 0, 1);
        return x;
    }

    [Theory]
    [InlineData(ResidualScheme.Fixup, 2)]
    [InlineData(ResidualScheme.Fixup, 3)]
    [InlineData(ResidualScheme.SkipInit, 2)]
    [InlineData(ResidualScheme.ReZero, 2)]
    [InlineData(ResidualScheme.ReZero, 1)]
    public void EveryBlockIsTheIdentityAtStepZero(ResidualScheme scheme, int branchLayers)
    {
        var network = Create(scheme, branchLayers: branchLayers);
        var outputs = network.ForwardEachLayer(Batch0(), Batch);
        Assert.Contains(outputs[0], v => v != 0);
        for (int l = 1; l <= Blocks; l++)
            Assert.Equal(outputs[0].Select(BitConverter.DoubleToInt64Bits), outputs[l]
                .Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void StandardBlocksAreNotTheIdentity()
    {
        var outputs = Create(ResidualScheme.Standard).ForwardEachLayer(Batch0(), Batch);
        Assert.NotEqual(outputs[0], outputs[1]);
    }

    [Fact]
    public void FixupZeroesTheLastBranchLayerAndTheClassifierAndScalesTheOthersByLToTheMinusOneOverTwoMMinusTwo()
    {
        foreach (int m in new[] { 2, 3 })
        {
            var standard = Create(ResidualScheme.Standard, branchLayers: m);
            var fixup = Create(ResidualScheme.Fixup, branchLayers: m);
            double scale = Math.Pow(Blocks, -1.0 / (2 * m - 2)); // 1/4 for m = 2, 1/2 for m = 3: exact in binary
            for (int b = 1; b <= Blocks; b++)
            {
                var s = (ResidualBlock)standard.Layers[b];
                var f = (ResidualBlock)fixup.Layers[b];
                Assert.True(f.IsAlphaLearnable);
                Assert.Equal(1.0, f.Alpha);
                for (int i = 0; i < m; i++)
                {
                    var expected = s.Branch[i] is DenseLayer d ? d.Weights.ToArray() : [];
                    var actual = ((DenseLayer)f.Branch[i]).Weights.ToArray();
                    Assert.Equal(i == m - 1 ? expected.Select(_ => 0.0) : expected.Select(w => w * scale), actual);
                }
            }
            Assert.All(((DenseLayer)fixup.Layers[^1]).Weights.ToArray(), w => Assert.Equal(0.0, w));
            Assert.Equal(((DenseLayer)standard.Layers[0]).Weights.ToArray(),
                ((DenseLayer)fixup.Layers[0]).Weights.ToArray());
        }
    }

    [Fact]
    public void FixupStartsAtTheUniformLoss()
    {
        var split = DigitsFixture.Split;
        var initial = InitialLoss.Of(Create(ResidualScheme.Fixup), split.Train, Loss.SoftmaxCrossEntropy);
        Assert.Equal(Math.Log(10), initial.Expected);
        // zero logits: ln 10 per sample; 1e-12 covers the rounding of the mean over 1,347 samples
        Assert.Equal(Math.Log(10), initial.Measured, 1e-12);
    }

    [Fact]
    public void AtStepZeroOnlyAlphaAndTheLastLayersGetAGradient()
    {
        var split = DigitsFixture.Split;
        var features = split.Train.Features[..(Batch * Inputs)];
        var labels = split.Train.Labels[..Batch];
        foreach (var scheme in new[] { ResidualScheme.SkipInit, ResidualScheme.Fixup })
        {
            var network = Create(scheme);
            var gradients = network.CreateGradients();
            network.ComputeGradients(features, labels, Batch, Loss.SoftmaxCrossEntropy, gradients);
            for (int p = 0; p < network.Parameters.Count; p++)
            {
                var parameter = network.Parameters[p];
                bool anyNonZero = gradients.Gradient(p).ToArray().Any(g => g != 0);
                bool insideBranch = network.Layers.Skip(1).SkipLast(1).Any(l => l.Parameters.Contains(parameter));
                if (scheme == ResidualScheme.SkipInit && insideBranch && parameter.Role != ParameterRole.ResidualScale)
                    Assert.False(anyNonZero,
                        $"SkipInit: {parameter} of a branch has a gradient, but alpha = 0 blocks it");
                if (scheme == ResidualScheme.SkipInit && parameter.Role == ParameterRole.ResidualScale)
                    Assert.True(anyNonZero, "SkipInit: alpha must get a gradient at step 0");
            }
            if (scheme == ResidualScheme.Fixup)
            {
                // The classifier (zero) gets a gradient; with a zero classifier nothing behind it does yet.
                int head = network.Parameters.Count - 2;
                Assert.Contains(gradients.Gradient(head).ToArray(), g => g != 0);
                Assert.All(gradients.Gradient(0).ToArray(), g => Assert.Equal(0.0, g));
            }
        }
    }

    [Fact]
    public void SkipInitAndReZeroTrainTheSameNetworkBitForBitAndFixupADifferentOne()
    {
        double[] Train(ResidualScheme scheme)
        {
            var network = Create(scheme);
            var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
                new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 32, Seed = 4 });
            var epoch = trainer.TrainEpoch(DigitsFixture.Split.Train);
            return [epoch.MeanBatchLoss, epoch.TrainLoss, .. network.Parameters.SelectMany(p => p.Values.ToArray())];
        }
        var skipInit = Train(ResidualScheme.SkipInit);
        Assert.Equal(skipInit.Select(BitConverter.DoubleToInt64Bits), Train(ResidualScheme.ReZero)
            .Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(skipInit[0], Train(ResidualScheme.Fixup)[0]);
        Assert.True(skipInit[1] < Math.Log(10),
            $"one epoch of Adam should lower the loss below ln 10, but it is {skipInit[1]}");
    }

    [Fact]
    public void TheSameSeedsGiveTheSameRunWithBatchNormAndAdam()
    {
        double[] Run()
        {
            var network = Create(ResidualScheme.Standard, seed: 9, normalization: Normalization.BatchNorm);
            var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
                new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 32, Seed = 10 });
            var history = trainer.Fit(DigitsFixture.Split.Train, DigitsFixture.Split.Test, 2);
            return [.. history.Epochs.SelectMany(e => new[] { e.MeanBatchLoss, e.TrainLoss, e.TestAccuracy })];
        }
        var first = Run();
        Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), Run().Select(BitConverter.DoubleToInt64Bits));
        Assert.All(first, v => Assert.True(double.IsFinite(v)));
    }
}
