namespace WeightInit.Tests.Training;

public sealed class PredictionTests
{
    private static Network Build(int outputs) =>
        Network.Create(DeepNetwork.Classifier([2, 8, outputs], Activation.Tanh, Init.HeNormal()), seed: 4);

    [Fact]
    public void DecisionGridGivesProbabilitiesThatSumToOneAndMatchPointwisePredictions()
    {
        var network = Build(3);
        var grid = DecisionGrid.Evaluate(network, Loss.SoftmaxCrossEntropy, -1, 1, 5, -2, 2, 3);
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], grid.X.ToArray());
        Assert.Equal([-2.0, 0.0, 2.0], grid.Y.ToArray());
        Assert.Equal(3, grid.ClassCount);
        Assert.Equal(5 * 3 * 3, grid.Probabilities.Length);
        for (int iy = 0; iy < 3; iy++)
            for (int ix = 0; ix < 5; ix++)
            {
                var p = network.PredictProbabilities([grid.X[ix], grid.Y[iy]], 1, Loss.SoftmaxCrossEntropy);
                double sum = 0;
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(p[c], grid.Probability(ix, iy, c));
                    sum += grid.Probability(ix, iy, c);
                }
                Assert.Equal(1.0, sum, 1e-15);
                int argmax = Array.IndexOf(p, p.Max());
                Assert.Equal(argmax, grid.PredictedClasses[iy * 5 + ix]);
            }
        Assert.Equal(grid.Probability(3, 2, 1), grid.ClassProbabilityRows(1)[2][3]);
    }

    [Fact]
    public void DecisionGridWithBinaryLossHasTwoClasses()
    {
        var network = Build(1);
        var grid = DecisionGrid.Evaluate(network, Loss.BinaryCrossEntropy, 0, 1, 4, 0, 1, 4);
        Assert.Equal(2, grid.ClassCount);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(1.0, grid.Probabilities[2 * i] + grid.Probabilities[2 * i + 1], 1e-15);
            Assert.Equal(grid.Probabilities[2 * i + 1] > 0.5 ? 1 : 0, grid.PredictedClasses[i]);
        }
    }

    [Fact]
    public void ForwardInChunksEqualsOneSampleAtATime()
    {
        // 600 samples cross the 256-row chunk boundary twice.
        var network = Build(3);
        var inputs = new double[1200];
        new RandomSource(2).FillNormal(inputs, 0, 1);
        var all = new double[1800];
        network.Forward(inputs, 600, all);
        var one = new double[3];
        for (int i = 0; i < 600; i += 97)
        {
            network.Forward(inputs.AsSpan(2 * i, 2), 1, one);
            Assert.Equal(one, all.AsSpan(3 * i, 3).ToArray());
        }
    }

    [Fact]
    public void CloneIsIndependent()
    {
        var network = Build(3);
        var copy = network.Clone();
        Assert.True(copy.DenseLayers[0].Weights.SequenceEqual(network.DenseLayers[0].Weights));
        copy.DenseLayers[0].Weights[0] += 1;
        Assert.False(copy.DenseLayers[0].Weights.SequenceEqual(network.DenseLayers[0].Weights));
    }

    [Fact]
    public void GradientNormNeitherOverflowsNorUnderflows()
    {
        double[] tiny = [3e-200, 4e-200], huge = [3e200, 4e200];
        Assert.Equal(5e-200, NetworkGradients.NormMeanStd(tiny).Norm, 1e-212);
        Assert.Equal(5e200, NetworkGradients.NormMeanStd(huge).Norm, 1e188);
        Assert.Equal(0.5e200, NetworkGradients.NormMeanStd(huge).Std, 1e188);
    }
}
