namespace WeightInit.Tests.Training;

/// <summary>
/// The general network: its builders, its views of the parameters, the initial-loss check and the span operations'
/// tails.
/// </summary>
public sealed class NetworkTests
{
    [Fact]
    public void CreateWithAndWithoutNormalizationHasTheSameWeightMatrices()
    {
        var description = DeepNetwork.Classifier([64, 32, 32, 10], Activation.Tanh, Init.XavierNormal());
        var plain = Network.Create(description, seed: 4);
        var normalized = Network.Create(description, seed: 4, Normalization.BatchNorm);
        Assert.Equal(3, normalized.DenseLayers.Count);
        Assert.Equal(["Dense", "BatchNorm", "Tanh", "Dense", "BatchNorm", "Tanh", "Dense"],
            normalized.Layers.Select(l => l.ToString()!.Split('(')[0]));
        Assert.Equal(["Dense", "Dense", "Dense"], plain.Layers.Select(l => l.ToString()!.Split('(')[0]));
        for (int l = 0; l < 3; l++) Assert.Equal(plain.DenseLayers[l].Weights.ToArray(),
            normalized.DenseLayers[l].Weights.ToArray());
    }

    [Fact]
    public void ANetworkOfDenseLayersHasThemAsItsLayersAndParameters()
    {
        var network = Network.Create(DeepNetwork.Classifier([4, 5, 3], Activation.ReLU, Init.HeNormal()), seed: 1);
        Assert.Equal(network.Layers, network.DenseLayers);
        Assert.Equal(["weights", "biases", "weights", "biases"], network.Parameters.Select(p => p.Name));
        Assert.Equal(4 * 5 + 5 + 5 * 3 + 3, network.ParameterCount);
        var copy = network.Clone();
        Assert.Equal(network.DenseLayers[1].Weights.ToArray(), copy.DenseLayers[1].Weights.ToArray());
        Assert.NotSame(network.DenseLayers[1], copy.DenseLayers[1]);
    }

    [Fact]
    public void ForwardEachLayerEndsWithForwardsOutputAndLayerForwardIsTheSameMap()
    {
        var network = ResidualNetwork.Create(new ResidualNetworkOptions { InputWidth = 4, Width = 6, Blocks = 3,
            ClassCount = 3 }, new RandomSource(2));
        var x = new double[5 * 4];
        new RandomSource(3).FillNormal(x, 0, 1);
        var outputs = network.ForwardEachLayer(x, 5);
        Assert.Equal(5, outputs.Length);
        var direct = new double[5 * 3];
        network.Forward(x, 5, direct);
        Assert.Equal(direct, outputs[^1]);
        var block = new double[5 * 6];
        network.Layers[2].Forward(outputs[1], 5, block);
        Assert.Equal(outputs[2], block);
    }

    [Fact]
    public void InitialLossIsLnKForUniformPredictionsAndLargeForALargeOutputLayer()
    {
        var split = DigitsFixture.Split;
        var network = Network.Create(DeepNetwork.Classifier([64, 32, 10], Activation.Tanh, Init.Normal(0, 1)), seed: 5);
        var large = InitialLoss.Of(network, split.Train, Loss.SoftmaxCrossEntropy);
        Assert.Equal(Math.Log(10), large.Expected);
        Assert.True(large.Excess > 2,
            $"N(0, 1) logits of 32 tanh units should start far above ln 10, but the loss is {large.Measured}");
        network.DenseLayers[^1].ScaleWeights(0);
        var uniform = InitialLoss.Of(network, split.Train, Loss.SoftmaxCrossEntropy);
        Assert.Equal(Math.Log(10), uniform.Measured, 1e-12);
        Assert.Equal(Math.Log(2), InitialLoss.ExpectedFor(Loss.BinaryCrossEntropy, 1));
    }

    [Fact]
    public void TheDiagnosticsHistogramCountsLikeFixedBinHistogramOf()
    {
        var x = new double[1003];
        new RandomSource(9).FillNormal(x, 0, 2);
        var (count, min, max) = FiniteRange.Of<double>(x);
        Assert.Equal(x.Length, count);
        Assert.Equal(x.Min(), min);
        Assert.Equal(x.Max(), max);
        Assert.Equal(5, FiniteRange.Of<double>([1.0, 2, 3, 4, 5, double.NaN]).Count);
        Assert.Equal(8, FiniteRange.Of<double>([1.0, double.PositiveInfinity, 3, 4, 5, 6, 7, 8, 9]).Count);
        Assert.Equal(WeightInit.Statistics.FixedBinHistogram.Of(x, min, max, 17).Counts,
            WeightInit.Statistics.FixedBinHistogram.OfRange(x, min, max, 17).Counts);
    }

    [Fact]
    public void SpanOperationsGiveTheSameBitsInTheTailAsInTheBody()
    {
        // 11 elements: two vectors of 4 (or one of 8) and a padded tail; equal inputs must give equal bits anywhere.
        var a = new double[11];
        var b = new double[11];
        new RandomSource(7).FillNormal(a, 0, 1);
        new RandomSource(8).FillNormal(b, 0, 1);
        a[10] = a[0]; b[10] = b[0];
        var y = new double[11];
        SimdMap.Run(new MultiplyAddOperator(), a, b, a, y);
        Assert.Equal(BitConverter.DoubleToInt64Bits(y[0]), BitConverter.DoubleToInt64Bits(y[10]));
        Assert.Equal(a[3] * b[3] + a[3], y[3]);
        double dot = SimdReduce.Sum(new MultiplyOperator(), a, b, default);
        Assert.Equal(a.Zip(b).Sum(p => p.First * p.Second), dot, 1e-13);
    }
}
