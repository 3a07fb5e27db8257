namespace WeightInit.Tests.Training;

public sealed class NetworkComparisonTests
{
    private static DenseLayer LayerWith(int inputs, int units, params double[] weights)
    {
        var layer = new DenseLayer(inputs, units, Activation.Tanh);
        weights.CopyTo(layer.Weights);
        return layer;
    }

    [Fact]
    public void IncomingWeightSpreadIsTheLargestPerInputRangeAcrossUnits()
    {
        // W (3 units x 2 inputs): input 0 ranges over 1, 4, -2 (spread 6); input 1 over 5, 5, 5.5 (0.5).
        var layer = LayerWith(2, 3, 1, 5, 4, 5, -2, 5.5);
        Assert.Equal(6.0, NetworkComparison.IncomingWeightSpread(layer));
    }

    [Fact]
    public void IncomingWeightSpreadIsZeroExactlyForIdenticalUnits()
    {
        var layer = LayerWith(3, 4, 0.25, -1, 3, 0.25, -1, 3, 0.25, -1, 3, 0.25, -1, 3);
        Assert.Equal(0.0, NetworkComparison.IncomingWeightSpread(layer));
        layer.Weights[7] += 1e-12; // unit 2, input 1
        Assert.True(NetworkComparison.IncomingWeightSpread(layer) > 0);
        Assert.Equal(0.0, NetworkComparison.IncomingWeightSpread(new DenseLayer(5, 1, Activation.ReLU)));
    }

    [Fact]
    public void IncomingWeightSpreadReportsNaNWeights()
    {
        var layer = LayerWith(1, 2, 1, double.NaN);
        Assert.True(double.IsNaN(NetworkComparison.IncomingWeightSpread(layer)));
    }

    [Fact]
    public void ParameterDistanceAndNormCountEveryWeightAndBias()
    {
        var a = Network.Create(DeepNetwork.Classifier([2, 3, 2], Activation.Tanh, Init.Zeros()), seed: 1);
        var b = a.Clone();
        Assert.Equal(0.0, NetworkComparison.ParameterDistance(a, b));
        b.DenseLayers[0].Weights[1] = 3;   // a weight of layer 0
        b.DenseLayers[1].Biases[1] = -4;   // a bias of layer 1
        Assert.Equal(5.0, NetworkComparison.ParameterDistance(a, b), 15);
        Assert.Equal(5.0, NetworkComparison.ParameterNorm(b), 15);
        Assert.Equal(0.0, NetworkComparison.ParameterNorm(a));
    }

    [Fact]
    public void ParameterDistanceRejectsDifferentShapes()
    {
        var a = Network.Create(DeepNetwork.Classifier([2, 3, 2], Activation.Tanh, Init.Zeros()), seed: 1);
        var b = Network.Create(DeepNetwork.Classifier([2, 4, 2], Activation.Tanh, Init.Zeros()), seed: 1);
        var ex = Assert.Throws<ArgumentException>(() => NetworkComparison.ParameterDistance(a, b));
        Assert.Equal("b", ex.ParamName);
    }

    [Fact]
    public void PredictionDisagreementCountsSamplesWithDifferentClasses()
    {
        // One linear layer, 1 input, 2 logits: class 1 wins where w1 x > w0 x.
        var a = Network.Create(DeepNetwork.Classifier([1, 2], Activation.Identity, Init.Zeros()), seed: 1);
        a.DenseLayers[0].Weights[1] = 1;  // logits (0, x): class 1 for x > 0
        var b = a.Clone();
        b.DenseLayers[0].Biases[1] = -2.5; // logits (0, x - 2.5): class 1 for x > 2.5
        double[] x = [-1, 1, 2, 3, 4];
        // a: 0 1 1 1 1; b: 0 0 0 1 1 -> 2 of 5 differ.
        Assert.Equal(0.4, NetworkComparison.PredictionDisagreement(a, b, x, 5, Loss.SoftmaxCrossEntropy), 15);
        Assert.Equal(0.0, NetworkComparison.PredictionDisagreement(a, a.Clone(), x, 5, Loss.SoftmaxCrossEntropy));
    }

    [Fact]
    public void PermutingHiddenUnitsMovesTheWeightsButNotTheFunction()
    {
        var a = Network.Create(DeepNetwork.Classifier([2, 5, 3], Activation.Tanh, Init.HeNormal()), seed: 3);
        var b = a.Clone();
        // Swap hidden units 0 and 4: rows of W1, entries of b1, columns of W2.
        var w1 = b.DenseLayers[0].Weights; var b1 = b.DenseLayers[0].Biases; var w2 = b.DenseLayers[1].Weights;
        for (int i = 0; i < 2; i++) (w1[i], w1[4 * 2 + i]) = (w1[4 * 2 + i], w1[i]);
        (b1[0], b1[4]) = (b1[4], b1[0]);
        for (int k = 0; k < 3; k++) (w2[k * 5], w2[k * 5 + 4]) = (w2[k * 5 + 4], w2[k * 5]);
        var points = new double[2 * 200];
        new RandomSource(4).FillNormal(points.AsSpan(), 0.0, 1.0);
        Assert.True(NetworkComparison.ParameterDistance(a, b) > 0.1);
        Assert.Equal(0.0, NetworkComparison.PredictionDisagreement(a, b, points, 200, Loss.SoftmaxCrossEntropy));
    }

    [Fact]
    public void MajorityClassAccuracyIsTheTestFrequencyOfTheTrainingMajority()
    {
        var train = new LabeledDataset(new double[6], [2, 2, 1, 0, 2, 1], 1, 3);
        var test = new LabeledDataset(new double[4], [2, 0, 0, 1], 1, 3);
        Assert.Equal(0.25, NetworkComparison.MajorityClassAccuracy(train, test));
        // A tie picks the lowest class: 0 and 1 both twice -> class 0, which is half the test set.
        var tie = new LabeledDataset(new double[4], [1, 0, 1, 0], 1, 3);
        Assert.Equal(0.5, NetworkComparison.MajorityClassAccuracy(tie, test));
    }

    [Fact]
    public void DigitsChanceIsTheTestShareOfTheLargestTrainingClass()
    {
        var split = DigitsDataset.LoadSplit(DigitsDataset.FindFile(AppContext.BaseDirectory));
        double chance = NetworkComparison.MajorityClassAccuracy(split.Train, split.Test);
        // The largest class of the 1,797 digits is 3 (183 samples); the split holds 46 of them out of 450.
        Assert.Equal(46.0 / 450, chance, 15);
    }
}
