namespace WeightInit.Tests.Training;

/// <summary>
/// The training diagnostics against a direct computation on a small case: a 4-6-5-3 network (tanh,
/// then ReLU with one unit forced dead, then logits), one batch of 8, forward and backward written out
/// here with textbook loops; and the rules of recording (which steps, no effect on the run).
/// </summary>
public sealed class DiagnosticsTests
{
    private const int Batch = 8;
    private static readonly int[] Widths = [4, 6, 5, 3];

    private static Network Build()
    {
        // Three activations and three scales: dense layers made by hand.
        var random = new RandomSource(31);
        Activation[] activations = [Activation.Tanh, Activation.ReLU, Activation.Identity];
        double[] stds = [1.5, 0.7, 0.5];
        var layers = new DenseLayer[3];
        for (int l = 0; l < 3; l++)
        {
            layers[l] = new DenseLayer(Widths[l], Widths[l + 1], activations[l]);
            layers[l].Initialize(Init.Normal(0, stds[l]), random);
        }
        var network = new Network(layers);
        // Unit 2 of the ReLU layer can never be active: all its incoming weights 0 and bias -1.
        var relu = network.DenseLayers[1];
        for (int i = 0; i < relu.InputWidth; i++) relu.Weights[2 * relu.InputWidth + i] = 0;
        relu.Biases[2] = -1;
        return network;
    }

    private static (double[] X, int[] Y) Data()
    {
        var x = new double[Batch * Widths[0]];
        new RandomSource(32).FillNormal(x, 0, 1);
        return (x, Enumerable.Range(0, Batch).Select(i => (i * 7) % 3).ToArray());
    }

    /// <summary>Textbook forward and backward: Z_l, A_l and dLoss/dA_l of every layer.</summary>
    private static (double[][] Z, double[][] A, double[][] GradA) Direct(Network network, double[] x, int[] y)
    {
        int layers = network.DenseLayers.Count;
        var z = new double[layers][];
        var a = new double[layers][];
        var input = x;
        for (int l = 0; l < layers; l++)
        {
            var layer = network.DenseLayers[l];
            int k = layer.InputWidth, n = layer.OutputWidth;
            z[l] = new double[Batch * n];
            for (int b = 0; b < Batch; b++)
                for (int j = 0; j < n; j++)
                {
                    double s = layer.Biases[j];
                    for (int i = 0; i < k; i++) s += layer.Weights[j * k + i] * input[b * k + i];
                    z[l][b * n + j] = s;
                }
            a[l] = [.. z[l].Select(layer.Activation.Apply)];
            input = a[l];
        }
        var gradA = new double[layers][];
        int classes = Widths[^1];
        gradA[layers - 1] = new double[Batch * classes];
        for (int b = 0; b < Batch; b++)
        {
            var row = a[layers - 1].AsSpan(b * classes, classes).ToArray();
            double max = row.Max(), sum = row.Sum(v => Math.Exp(v - max));
            for (int j = 0; j < classes; j++)
                gradA[layers - 1][b * classes + j] = (Math.Exp(row[j] - max) / sum - (j == y[b] ? 1 : 0)) / Batch;
        }
        for (int l = layers - 1; l > 0; l--)
        {
            var layer = network.DenseLayers[l];
            int k = layer.InputWidth, n = layer.OutputWidth;
            gradA[l - 1] = new double[Batch * k];
            for (int b = 0; b < Batch; b++)
                for (int j = 0; j < n; j++)
                {
                    double dz = gradA[l][b * n + j] * layer.Activation.Derivative(z[l][b * n + j]);
                    for (int i = 0; i < k; i++) gradA[l - 1][b * k + i] += dz * layer.Weights[j * k + i];
                }
        }
        return (z, a, gradA);
    }

    private static double Std(IReadOnlyList<double> v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Count);
    }

    private static void AssertSummary(double[] values, DistributionSummary summary, int bins)
    {
        Assert.Equal(values.Length, summary.Count);
        Assert.Equal(0, summary.NonFiniteCount);
        Assert.Equal(values.Average(), summary.Mean, 1e-12);
        Assert.Equal(Std(values), summary.Std, 1e-12);
        var expected = FixedBinHistogram.Of(values, values.Min(), values.Max(), bins);
        Assert.NotNull(summary.Histogram);
        Assert.Equal(expected.Low, summary.Histogram.Low, 1e-12);
        Assert.Equal(expected.High, summary.Histogram.High, 1e-12);
        Assert.Equal(expected.Counts, summary.Histogram.Counts);
    }

    [Fact]
    public void TheFirstSnapshotMatchesADirectComputation()
    {
        var network = Build();
        var before = network.Clone();
        var (x, y) = Data();
        var (z, a, gradA) = Direct(network, x, y);
        var options = new DiagnosticsOptions { Interval = 1, Bins = 7 };
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
            new TrainingOptions { LearningRate = 0.1, Momentum = 0.9, Diagnostics = options });
        double loss = trainer.Step(x, y, Batch);
        var diagnostics = trainer.Diagnostics!;

        Assert.Equal(["layer 0", "layer 1"], diagnostics.Sites.Select(s => s.Location));
        Assert.Equal(["Tanh", "ReLU"], diagnostics.Sites.Select(s => s.Activation));
        Assert.Equal(3, diagnostics.WeightMatrices.Count);
        var snapshot = Assert.Single(diagnostics.Snapshots);
        Assert.Equal(0, snapshot.Step);
        Assert.Equal(loss, snapshot.Loss);
        for (int site = 0; site < 2; site++)
        {
            var s = snapshot.Sites[site];
            AssertSummary(z[site], s.PreActivations, options.Bins);
            AssertSummary(a[site], s.Activations, options.Bins);
            AssertSummary(gradA[site], s.Gradients, options.Bins);
        }
        // tanh: saturated where |tanh(z)| > 0.97; ReLU: never saturated, dead where z <= 0 for the whole batch.
        double saturated = a[0].Count(v => Math.Abs(v) > 0.97) / (double)a[0].Length;
        Assert.True(saturated > 0, "the case must have saturated units to test the count");
        Assert.Equal(saturated, snapshot.Sites[0].SaturatedFraction);
        Assert.Equal(0.0, snapshot.Sites[0].DeadFraction);
        Assert.Equal(0.0, snapshot.Sites[1].SaturatedFraction);
        int n1 = Widths[2];
        int dead = Enumerable.Range(0, n1).Count(j => Enumerable.Range(0, Batch).All(b => z[1][b * n1 + j] <= 0));
        Assert.True(dead >= 1);
        Assert.Equal((double)dead / n1, snapshot.Sites[1].DeadFraction);

        for (int m = 0; m < 3; m++)
        {
            var w = before.DenseLayers[m].Weights.ToArray();
            var g = trainer.Gradients.WeightGradient(m).ToArray();
            var record = snapshot.Weights[m];
            Assert.Equal(Std(w), record.WeightStd, 1e-12);
            Assert.Equal(Std(g), record.GradientStd, 1e-12);
            Assert.Equal(Std(g) / Std(w), record.GradientToData, 1e-10);
            // The first SGD step with momentum is Delta W = -eta g.
            var after = network.DenseLayers[m].Weights.ToArray();
            var delta = after.Zip(w, (p, q) => p - q).ToArray();
            Assert.Equal(Math.Log10(Std(delta) / Std(after)), diagnostics.UpdateToData[m][0], 1e-9);
        }
        Assert.Equal([0L], diagnostics.UpdateSteps);
    }

    [Fact]
    public void SnapshotsAreTakenEveryIntervalStepsAndUpdateRatiosEveryStep()
    {
        var (x, y) = Data();
        var trainer = new Trainer(Build(), Loss.SoftmaxCrossEntropy,
            new TrainingOptions { LearningRate = 0.05, Diagnostics = new DiagnosticsOptions { Interval = 2 } });
        for (int i = 0; i < 5; i++) trainer.Step(x, y, Batch);
        Assert.Equal([0L, 2L, 4L], trainer.Diagnostics!.Snapshots.Select(s => s.Step));
        Assert.Equal([0L, 1L, 2L, 3L, 4L], trainer.Diagnostics.UpdateSteps);
        Assert.All(trainer.Diagnostics.UpdateToData, series => Assert.Equal(5, series.Count));
    }

    [Fact]
    public void RecordingDoesNotChangeTheRun()
    {
        double[] Run(DiagnosticsOptions? diagnostics, OptimizerKind optimizer)
        {
            var network = Network.Create(DeepNetwork.Classifier([64, 32, 32, 10], Activation.Tanh,
                Init.XavierNormal(5.0 / 3)), seed: 8);
            var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
                new TrainingOptions { Optimizer = optimizer, LearningRate = optimizer == OptimizerKind.Adam ? 1e-3
                    : 0.05, Momentum = 0.9, Seed = 3, Diagnostics = diagnostics });
            var epoch = trainer.TrainEpoch(DigitsFixture.Split.Train);
            return [epoch.MeanBatchLoss, epoch.TrainLoss, .. network.Parameters.SelectMany(p => p.Values.ToArray())];
        }
        foreach (var optimizer in new[] { OptimizerKind.Sgd, OptimizerKind.Adam })
            Assert.Equal(Run(null, optimizer).Select(BitConverter.DoubleToInt64Bits),
                Run(new DiagnosticsOptions { Interval = 3 }, optimizer).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void AdamsUpdateRatioIsTheStepItTook()
    {
        var network = Build();
        var (x, y) = Data();
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy,
            new TrainingOptions
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.01, Diagnostics = new DiagnosticsOptions(),
            });
        trainer.Step(x, y, Batch);
        var before = network.DenseLayers.Select(l => l.Weights.ToArray()).ToArray();
        trainer.Step(x, y, Batch);
        for (int m = 0; m < 3; m++)
        {
            var after = network.DenseLayers[m].Weights.ToArray();
            var delta = after.Zip(before[m], (p, q) => p - q).ToArray();
            Assert.Equal(Math.Log10(Std(delta) / Std(after)), trainer.Diagnostics!.UpdateToData[m][1], 1e-9);
        }
    }

    [Fact]
    public void SitesAndMatricesInsideResidualBlocksAreNamedByTheirPlace()
    {
        var network = ResidualNetwork.Create(new ResidualNetworkOptions
        {
            InputWidth = 4, Width = 6, Blocks = 2, ClassCount = 3, Normalization = Normalization.BatchNorm,
        }, new RandomSource(1));
        var trainer =
            new Trainer(network, Loss.SoftmaxCrossEntropy,
            new TrainingOptions { Diagnostics = new DiagnosticsOptions() });
        var diagnostics = trainer.Diagnostics!;
        Assert.Equal(["layer 1.2", "layer 2.2"], diagnostics.Sites.Select(s => s.Location));
        Assert.Equal(["layer 0", "layer 1.0", "layer 1.3", "layer 2.0", "layer 2.3", "layer 3"],
            diagnostics.WeightMatrices.Select(m => m.Location));
        var (x, y) = Data();
        trainer.Step(x, y, Batch);
        Assert.Equal(2, diagnostics.Snapshots[0].Sites.Count);
        Assert.Equal(6, diagnostics.Snapshots[0].Weights.Count);
    }
}
