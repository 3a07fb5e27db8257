namespace WeightInit.Tests.Training;

public sealed class LossTests
{
    [Fact]
    public void SoftmaxMatchesTheTextbookFormulaAndItsGradient()
    {
        double[] z = [1.0, -0.5, 2.0, 0.25, 0.0, -1.0];
        int[] labels = [2, 0];
        var gradient = new double[6];
        double loss = Loss.SoftmaxCrossEntropy.Compute(z, labels, 2, 3, gradient);
        double expected = 0;
        for (int r = 0; r < 2; r++)
        {
            double sum = Math.Exp(z[3 * r]) + Math.Exp(z[3 * r + 1]) + Math.Exp(z[3 * r + 2]);
            expected -= Math.Log(Math.Exp(z[3 * r + labels[r]]) / sum) / 2;
            for (int j = 0; j < 3; j++)
                Assert.Equal((Math.Exp(z[3 * r + j]) / sum - (j == labels[r] ? 1 : 0)) / 2, gradient[3 * r + j], 1e-15);
        }
        Assert.Equal(expected, loss, 1e-14);
    }

    [Fact]
    public void SoftmaxIsStableForHugeLogits()
    {
        // logits (1000, 0): loss for label 1 is log(1 + e^1000) = 1000 (to double precision); naive exp overflows.
        double loss = Loss.SoftmaxCrossEntropy.Compute([1000.0, 0.0], [1], 1, 2, []);
        Assert.Equal(1000.0, loss);
        var p = new double[2];
        Loss.SoftmaxCrossEntropy.Probabilities([1000.0, 0.0], 1, 2, p);
        Assert.Equal(1.0, p[0]);
        Assert.Equal(0.0, p[1]);
    }

    [Fact]
    public void BinaryMatchesTheTextbookFormulaAndIsStable()
    {
        double z = 0.7;
        double p = 1 / (1 + Math.Exp(-z));
        var g = new double[2];
        double loss = Loss.BinaryCrossEntropy.Compute([z, z], [1, 0], 2, 1, g);
        Assert.Equal((-Math.Log(p) - Math.Log(1 - p)) / 2, loss, 1e-15);
        Assert.Equal((p - 1) / 2, g[0], 1e-16);
        Assert.Equal(p / 2, g[1], 1e-16);
        Assert.Equal(1000.0, Loss.BinaryCrossEntropy.Compute([1000.0], [0], 1, 1, []));
        Assert.Equal(1000.0, Loss.BinaryCrossEntropy.Compute([-1000.0], [1], 1, 1, []));
        Assert.Equal(0.0, Loss.BinaryCrossEntropy.Compute([1000.0], [1], 1, 1, []));
    }

    [Fact]
    public void PredictClassTakesTheFirstMaximumAndRejectsNonFiniteOutputs()
    {
        Assert.Equal(1, Loss.SoftmaxCrossEntropy.PredictClass([0.0, 3.0, 3.0]));
        Assert.Equal(-1, Loss.SoftmaxCrossEntropy.PredictClass([0.0, double.NaN, 3.0]));
        Assert.Equal(1, Loss.BinaryCrossEntropy.PredictClass([0.1]));
        Assert.Equal(0, Loss.BinaryCrossEntropy.PredictClass([-0.1]));
        Assert.Equal(-1, Loss.BinaryCrossEntropy.PredictClass([double.PositiveInfinity]));
    }

    [Fact] public void ComputeRejectsLabelOutOfRange() =>
        Assert.Equal("labels",
            Assert.ThrowsAny<ArgumentException>(() =>
            Loss.SoftmaxCrossEntropy.Compute([0.0, 1.0], [2], 1, 2, [])).ParamName);
    [Fact] public void ComputeRejectsNegativeLabel() =>
        Assert.Equal("labels",
            Assert.ThrowsAny<ArgumentException>(() =>
            Loss.BinaryCrossEntropy.Compute([0.0], [-1], 1, 1, [])).ParamName);
    [Fact] public void ComputeRejectsWrongOutputLength() =>
        Assert.Equal("outputs",
            Assert.ThrowsAny<ArgumentException>(() =>
            Loss.SoftmaxCrossEntropy.Compute([0.0, 1.0, 2.0], [0], 1, 2, [])).ParamName);
    [Fact] public void ComputeRejectsZeroCount() =>
        Assert.Equal("count",
            Assert.ThrowsAny<ArgumentException>(() => Loss.SoftmaxCrossEntropy.Compute([], [], 0, 2, [])).ParamName);
    [Fact] public void BinaryRejectsTwoOutputs() =>
        Assert.Equal("width",
            Assert.ThrowsAny<ArgumentException>(() =>
            Loss.BinaryCrossEntropy.Compute([0.0, 1.0], [0], 1, 2, [])).ParamName);
    [Fact] public void SoftmaxRejectsOneOutput() =>
        Assert.Equal("width",
            Assert.ThrowsAny<ArgumentException>(() =>
            Loss.SoftmaxCrossEntropy.Compute([0.0], [0], 1, 1, [])).ParamName);
}
