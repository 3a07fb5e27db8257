namespace WeightInit.Tests.Training;

/// <summary>Batch normalization's two modes: batch statistics in training, running statistics in inference.</summary>
public sealed class BatchNormTests
{
    private const int Inputs = 4, Width = 5, Classes = 3, Batch = 8;

    private static (Network Network, DenseLayer Dense, BatchNormLayer Norm) Build(double momentum)
    {
        var random = new RandomSource(12);
        var dense = new DenseLayer(Inputs, Width, Activation.Identity);
        dense.Initialize(Init.Normal(0, 0.8), random);
        random.FillNormal(dense.Biases, 1, 0.5); // nonzero feature means, so the running mean has something to learn
        var norm = new BatchNormLayer(Width, momentum);
        var head = new DenseLayer(Width, Classes, Activation.Identity);
        head.Initialize(Init.LeCunNormal(), random);
        return (new Network([dense, norm, new ActivationLayer(Width, Activation.Tanh), head]), dense, norm);
    }

    private static (double[] X, int[] Y) Batch0(ulong seed)
    {
        var x = new double[Batch * Inputs];
        new RandomSource(seed).FillNormal(x, 0, 1);
        return (x, Enumerable.Range(0, Batch).Select(i => i % Classes).ToArray());
    }

    [Fact]
    public void TrainingFoldsEachBatchIntoTheRunningStatisticsAndInferenceUsesThem()
    {
        const double momentum = 0.8;
        var (network, dense, norm) = Build(momentum);
        Assert.All(norm.RunningMean.ToArray(), m => Assert.Equal(0.0, m));
        Assert.All(norm.RunningVariance.ToArray(), v => Assert.Equal(1.0, v));
        var trainer =
            new Trainer(network, Loss.SoftmaxCrossEntropy, new TrainingOptions { LearningRate = 0.1, Momentum = 0.9 });
        var mean = new double[Width];
        var variance = Enumerable.Repeat(1.0, Width).ToArray();
        for (ulong step = 0; step < 3; step++)
        {
            var (x, y) = Batch0(step);
            var z = new double[Batch * Width];
            dense.PreActivations(x, Batch, z); // the normalization's input at this step's weights
            for (int j = 0; j < Width; j++)
            {
                var column = Enumerable.Range(0, Batch).Select(b => z[b * Width + j]).ToArray();
                double m = column.Average();
                double unbiased = column.Sum(v => (v - m) * (v - m)) / (Batch - 1);
                mean[j] = momentum * mean[j] + (1 - momentum) * m;
                variance[j] = momentum * variance[j] + (1 - momentum) * unbiased;
            }
            trainer.Step(x, y, Batch);
        }
        for (int j = 0; j < Width; j++)
        {
            Assert.Equal(mean[j], norm.RunningMean[j], 1e-12);
            Assert.Equal(variance[j], norm.RunningVariance[j], 1e-12);
        }

        var (test, _) = Batch0(99);
        var inference = new double[Batch * Classes];
        network.Forward(test, Batch, inference);
        var expected = ReferenceLayers.Forward(network.Layers, test, Batch, training: false);
        var withBatchStatistics = ReferenceLayers.Forward(network.Layers, test, Batch, training: true);
        for (int i = 0; i < inference.Length; i++) Assert.Equal(expected[i], inference[i], 1e-12);
        Assert.True(inference.Zip(withBatchStatistics).Max(p => Math.Abs(p.First - p.Second)) > 1e-3,
            "inference must differ from the batch-statistics output here, or the test could not tell them apart");
    }

    [Fact]
    public void ComputeGradientsAndForwardEachLayerLeaveTheRunningStatisticsAlone()
    {
        var (network, _, norm) = Build(0.9);
        var (x, y) = Batch0(1);
        network.ComputeGradients(x, y, Batch, Loss.SoftmaxCrossEntropy, network.CreateGradients());
        network.ForwardEachLayer(x, Batch, useBatchStatistics: true);
        Assert.All(norm.RunningMean.ToArray(), m => Assert.Equal(0.0, m));
        Assert.All(norm.RunningVariance.ToArray(), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void InTrainingEveryFeatureHasBatchMeanBetaAndVarianceGammaSquaredTimesVarOverVarPlusEpsilon()
    {
        var (network, dense, norm) = Build(0.9);
        norm.Scale.Fill(1.5);
        norm.Shift.Fill(-0.25);
        var (x, _) = Batch0(2);
        var outputs = network.ForwardEachLayer(x, Batch, useBatchStatistics: true);
        for (int j = 0; j < Width; j++)
        {
            var input = Enumerable.Range(0, Batch).Select(b => outputs[0][b * Width + j]).ToArray();
            var output = Enumerable.Range(0, Batch).Select(b => outputs[1][b * Width + j]).ToArray();
            double inputMean = input.Average(), inputVariance =
                input.Sum(v => (v - inputMean) * (v - inputMean)) / Batch;
            double mean = output.Average(), variance = output.Sum(v => (v - mean) * (v - mean)) / Batch;
            Assert.Equal(-0.25, mean, 1e-12);
            Assert.Equal(1.5 * 1.5 * inputVariance / (inputVariance + norm.Epsilon), variance, 1e-12);
        }
    }

    [Fact]
    public void CloneCopiesTheRunningStatistics()
    {
        var (network, _, _) = Build(0.5);
        var (x, y) = Batch0(3);
        new Trainer(network, Loss.SoftmaxCrossEntropy, new TrainingOptions()).Step(x, y, Batch);
        var copy = network.Clone();
        var a = new double[Batch * Classes];
        var b = new double[Batch * Classes];
        network.Forward(x, Batch, a);
        copy.Forward(x, Batch, b);
        Assert.Equal(a, b);
        Assert.NotSame(network.Layers[1], copy.Layers[1]);
    }
}
