using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Tests.Training;

/// <summary>The general network: its builders, its views of the parameters, the initial-loss check and the vector kernels' tails.</summary>
public sealed class NetworkTests
{
    [Fact]
    public void CreateWithAndWithoutNormalization_HasTheSameWeightMatrices()
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
    public void ForwardEachLayer_EndsWithForwardsOutput_AndLayerForwardIsTheSameMap()
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
    public void InitialLoss_IsLnKForUniformPredictions_AndLargeForALargeOutputLayer()
    {
        var split = DigitsFixture.Split;
        var network = Network.Create(DeepNetwork.Classifier([64, 32, 10], Activation.Tanh, Init.Normal(0, 1)), seed: 5);
        var large = InitialLoss.Of(network, split.Train, Loss.SoftmaxCrossEntropy);
        Assert.Equal(Math.Log(10), large.Expected);
        Assert.True(large.Excess > 2, $"N(0, 1) logits of 32 tanh units should start far above ln 10, but the loss is {large.Measured}");
        network.DenseLayers[^1].ScaleWeights(0);
        var uniform = InitialLoss.Of(network, split.Train, Loss.SoftmaxCrossEntropy);
        Assert.Equal(Math.Log(10), uniform.Measured, 1e-12);
        Assert.Equal(Math.Log(2), InitialLoss.ExpectedFor(Loss.BinaryCrossEntropy, 1));
    }

    [Fact]
    public void MeanStd_MatchesTheTextbookFormula_AndFallsBackBeyondTheSquaresRange()
    {
        var random = new RandomSource(6);
        foreach (int n in new[] { 1, 3, 4, 7, 8, 9, 33 })
        {
            var x = new double[n];
            random.FillNormal(x, 2, 3);
            double mean = x.Average(), std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / n);
            var (m, s) = SpanMath.MeanStd(x);
            Assert.Equal(mean, m, 1e-13);
            Assert.Equal(std, s, 1e-13);
        }
        // A mean far above the spread: E[x^2] - mean^2 would lose 12 digits, so the second pass must take over.
        var shifted = new double[1000];
        random.FillNormal(shifted, 1e6, 1);
        double shiftedMean = shifted.Average(), shiftedStd = Math.Sqrt(shifted.Sum(v => (v - shiftedMean) * (v - shiftedMean)) / shifted.Length);
        Assert.Equal(shiftedStd, SpanMath.MeanStd(shifted).Std, 1e-9);
        Assert.Equal(0.0, SpanMath.MeanStd([0.1, 0.1, 0.1, 0.1, 0.1]).Std);
        double[] huge = [3e200, -3e200];
        Assert.Equal(3e200, SpanMath.MeanStd(huge).Std, 1e188);
        Assert.True(double.IsNaN(SpanMath.MeanStd([1.0, double.NaN]).Std));
        Assert.Equal((0.0, 0.0), SpanMath.MeanStd([]));
    }

    [Fact]
    public void TheDiagnosticsHistogramCountsLikeFixedBinHistogramOf()
    {
        var x = new double[1003];
        new RandomSource(9).FillNormal(x, 0, 2);
        var (min, max, allFinite) = VectorKernels.Range(x);
        Assert.True(allFinite);
        Assert.Equal(x.Min(), min);
        Assert.Equal(x.Max(), max);
        Assert.False(VectorKernels.Range([1.0, 2, 3, 4, 5, double.NaN]).AllFinite);
        Assert.False(VectorKernels.Range([1.0, double.PositiveInfinity, 3, 4, 5, 6, 7, 8, 9]).AllFinite);
        Assert.Equal(WeightInit.Statistics.FixedBinHistogram.Of(x, min, max, 17).Counts,
            WeightInit.Statistics.FixedBinHistogram.OfRange(x, min, max, 17).Counts);
    }

    [Fact]
    public void VectorKernels_GiveTheSameBitsInTheTailAsInTheBody()
    {
        // 11 elements: two vectors of 4 (or one of 8) and a padded tail; equal inputs must give equal bits anywhere.
        var a = new double[11];
        var b = new double[11];
        new RandomSource(7).FillNormal(a, 0, 1);
        new RandomSource(8).FillNormal(b, 0, 1);
        a[10] = a[0]; b[10] = b[0];
        var y = new double[11];
        VectorKernels.Map(a, b, a, y, new MultiplyAdd());
        Assert.Equal(BitConverter.DoubleToInt64Bits(y[0]), BitConverter.DoubleToInt64Bits(y[10]));
        Assert.Equal(a[3] * b[3] + a[3], y[3]);
        Assert.Equal(a.Zip(b).Sum(p => p.First * p.Second), VectorKernels.Sum(a, b, a, new Product()), 1e-13);
    }
}
