namespace WeightInit.Tests.Training;

/// <summary>
/// The permutation symmetry of hidden units (Network.WithHiddenUnitsPermuted) and the disagreement of
/// two decision grids (DecisionGrid.DisagreementWith).
/// </summary>
public sealed class PermutationAndDisagreementTests
{
    private static Network Build(ulong seed) =>
        Network.Create(DeepNetwork.Classifier([2, 6, 5, 3], Activation.Tanh, Init.XavierNormal()), seed: seed);

    private static double[] Points(int count, ulong seed)
    {
        var points = new double[2 * count];
        new RandomSource(seed).FillNormal(points, 0.0, 1.0);
        return points;
    }

    [Fact]
    public void APermutedNetworkComputesTheSameFunctionWithOtherParameters()
    {
        var network = Build(3);
        var permuted = network.WithHiddenUnitsPermuted(0, [5, 4, 3, 2, 1, 0]);
        var inputs = Points(64, 4);
        var expected = new double[64 * 3];
        var actual = new double[64 * 3];
        network.Forward(inputs, 64, expected);
        permuted.Forward(inputs, 64, actual);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
        Assert.True(NetworkComparison.ParameterDistance(network, permuted) > 0.1);
    }

    [Fact]
    public void PermutingMovesRowsBiasesAndTheNextLayersColumns()
    {
        var network = Build(5);
        network.DenseLayers[1].Biases[2] = 0.75;
        var permuted = network.WithHiddenUnitsPermuted(1, [2, 0, 1, 3, 4]);
        Assert.Equal(network.DenseLayers[1].IncomingWeights(2).ToArray(),
            permuted.DenseLayers[1].IncomingWeights(0).ToArray());
        Assert.Equal(0.75, permuted.DenseLayers[1].Biases[0]);
        for (int k = 0; k < 3; k++) Assert.Equal(network.DenseLayers[2].Weights[k * 5 + 2],
            permuted.DenseLayers[2].Weights[k * 5 + 0]);
        Assert.Equal(network.DenseLayers[0].Weights.ToArray(), permuted.DenseLayers[0].Weights.ToArray());
        Assert.Equal(0.75, network.DenseLayers[1].Biases[2]); // the original is unchanged
    }

    [Fact]
    public void OnlyHiddenLayersCanBePermuted()
    {
        var network = Build(1);
        Assert.Equal("layer",
            Assert.Throws<ArgumentOutOfRangeException>(() => network.WithHiddenUnitsPermuted(2, [0, 1, 2])).ParamName);
        Assert.Equal("layer",
            Assert.Throws<ArgumentOutOfRangeException>(() => network.WithHiddenUnitsPermuted(-1, [0])).ParamName);
    }

    [Fact]
    public void TheOrderMustBeAPermutationOfTheUnits()
    {
        var network = Build(1);
        Assert.Equal("order",
            Assert.Throws<ArgumentException>(() => network.WithHiddenUnitsPermuted(0, [0, 1, 2])).ParamName);
        var repeated = Assert.Throws<ArgumentException>(() => network.WithHiddenUnitsPermuted(0, [0, 1, 2, 3, 4, 4]));
        Assert.Equal("order", repeated.ParamName);
        Assert.Contains("order[5] is 4", repeated.Message);
        Assert.Equal("order",
            Assert.Throws<ArgumentException>(() => network.WithHiddenUnitsPermuted(0, [0, 1, 2, 3, 4, 6])).ParamName);
    }

    [Fact]
    public void TwoGridsDisagreeWhereTheirPredictedClassesDiffer()
    {
        var a = Build(1);
        var grid = DecisionGrid.Evaluate(a, Loss.SoftmaxCrossEntropy, -2, 2, 21, -2, 2, 21);
        Assert.Equal(0.0,
            grid.DisagreementWith(DecisionGrid.Evaluate(a.WithHiddenUnitsPermuted(0, [1, 0, 2, 3, 4, 5]),
            Loss.SoftmaxCrossEntropy, -2, 2, 21, -2, 2, 21)));
        var b = Build(2);
        var other = DecisionGrid.Evaluate(b, Loss.SoftmaxCrossEntropy, -2, 2, 21, -2, 2, 21);
        int different = 0;
        for (int i = 0; i < 21 * 21; i++) if (grid.PredictedClasses[i] != other.PredictedClasses[i]) different++;
        Assert.True(different > 0);
        Assert.Equal(different / 441.0, grid.DisagreementWith(other), 15);
        Assert.Equal(grid.DisagreementWith(other), other.DisagreementWith(grid), 15);
    }

    [Fact]
    public void TheBoundaryFractionCountsNeighboursOfDifferentClasses()
    {
        // A linear network whose class is "x > 0" (logit 0 = -x, logit 1 = x): on a 5 x 3 grid over [-1, 1] x [0, 1]
        // the
        // class changes between x = 0 (class 0: a tie goes to the first class) and x = 0.5 in each of the 3 rows, so 3
        // of
        // the 3 x 4 left-right pairs and none of the 5 x 2 up-down pairs differ.
        var layer = new DenseLayer(2, 2, Activation.Identity);
        layer.Weights[0] = -1; layer.Weights[2] = 1;
        var network = new Network([layer]);
        var grid = DecisionGrid.Evaluate(network, Loss.SoftmaxCrossEntropy, -1, 1, 5, 0, 1, 3);
        Assert.Equal(3.0 / (3 * 4 + 5 * 2), grid.BoundaryFraction(), 15);
        layer.Weights[2] = -1; // both logits -x: always class 0
        Assert.Equal(0.0, DecisionGrid.Evaluate(network, Loss.SoftmaxCrossEntropy, -1, 1, 5, 0, 1, 3)
            .BoundaryFraction());
    }

    [Fact]
    public void GridsOverDifferentPointsCannotBeCompared()
    {
        var a = Build(1);
        var grid = DecisionGrid.Evaluate(a, Loss.SoftmaxCrossEntropy, -2, 2, 21, -2, 2, 21);
        var shifted = DecisionGrid.Evaluate(a, Loss.SoftmaxCrossEntropy, -1, 2, 21, -2, 2, 21);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => grid.DisagreementWith(shifted)).ParamName);
    }
}
