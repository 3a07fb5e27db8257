using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Scaling;

/// <summary>
/// The coordinate check (<see cref="CoordinateCheck"/>) of a plain <see cref="Network"/> trained by
/// <see cref="Trainer"/> with the softmax cross-entropy: the sites are the outputs of its top-level layers, "layer 1"
/// .. "layer K-1" (a dense layer's output after its activation) and "logits" (the last); the probe input is
/// min(BatchSize, train.Count) training samples drawn without replacement by
/// <c>new RandomSource(options.Seed).Fork(0)</c>, the same samples at every width. Each training step is one step of
/// <see cref="Trainer.TrainSteps"/>.
/// </summary>
/// <example>
/// <code>
/// DeepNetwork Mlp(int n) => DeepNetwork.Classifier([64, n, n, 10], Activation.ReLU, Init.HeNormal());
/// var options = new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-2, BatchSize = 64 };
/// var sp = NetworkCoordinateCheck.Run([64, 256, 1024], n => Network.Create(Mlp(n), 1), train, options, steps: 3);
/// var mup = NetworkCoordinateCheck.Run([64, 256, 1024],
///     n => MaximalUpdateNetwork.For(Mlp(n), baseWidth: 64).Create(1), train, options, steps: 3);
/// double slope = sp.Slope("logits", step: 3, change: true);   // about 1 under SP, about 0 under muP
/// </code>
/// </example>
public static class NetworkCoordinateCheck
{
    /// <summary>The name of the last layer's site.</summary>
    public const string LogitsSite = "logits";

    /// <summary>Runs the check over <paramref name="widths"/>.</summary>
    /// <param name="widths">The widths (each passed to <paramref name="createNetwork"/>).</param>
    /// <param name="createNetwork">Builds the network of a width (its parametrization and seed are the caller's);
    /// every width's network must have the same number of top-level layers.</param>
    /// <param name="train">The training samples; at least one, with the networks' input width.</param>
    /// <param name="options">The training settings (optimizer, learning rate, batch, seed) of every width.</param>
    /// <param name="steps">Training steps per width; at least 1.</param>
    /// <returns>The measurements.</returns>
    public static CoordinateCheckResult Run(IReadOnlyList<int> widths, Func<int, Network> createNetwork,
        LabeledDataset train, TrainingOptions options, int steps)
    {
        ArgumentNullException.ThrowIfNull(createNetwork);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        return CoordinateCheck.Run(widths, width => Subject(createNetwork(width), train, options), steps);
    }

    /// <summary>One width's subject: the network, its trainer and the probe samples.</summary>
    /// <param name="network">The network; its output width is the number of classes.</param>
    /// <param name="train">The training samples.</param>
    /// <param name="options">The training settings.</param>
    /// <returns>The subject.</returns>
    public static ICoordinateCheckSubject Subject(Network network, LabeledDataset train, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy, options);
        network.CheckData(train, trainer.Loss);
        return new NetworkSubject(trainer, train);
    }

    private sealed class NetworkSubject : ICoordinateCheckSubject
    {
        private readonly Trainer _trainer;
        private readonly LabeledDataset _train;
        private readonly double[] _probe;
        private readonly int _probeCount;

        public NetworkSubject(Trainer trainer, LabeledDataset train)
        {
            _trainer = trainer;
            _train = train;
            var order = new int[train.Count];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            new RandomSource(trainer.Options.Seed).Fork(0).Shuffle(order.AsSpan());
            _probeCount = Math.Min(trainer.Options.BatchSize, train.Count);
            int width = train.FeatureCount;
            _probe = new double[_probeCount * width];
            for (int i = 0; i < _probeCount; i++)
                train.FeaturesOf(order[i]).CopyTo(_probe.AsSpan(i * width, width));
            int layers = trainer.Network.Layers.Count;
            Sites = [.. Enumerable.Range(1, layers).Select(k => k == layers ? LogitsSite : $"layer {k}")];
        }

        public IReadOnlyList<string> Sites { get; }

        public IReadOnlyList<double[]> Probe() => _trainer.Network.ForwardEachLayer(_probe, _probeCount);

        public void TrainStep() => _trainer.TrainSteps(_train, 1);
    }
}
