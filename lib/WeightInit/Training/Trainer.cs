using System.Diagnostics;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// Trains a <see cref="MultilayerPerceptron"/> by mini-batch stochastic gradient descent with optional
/// momentum and weight decay (see <see cref="TrainingOptions"/>). Each epoch visits the training set
/// in a new random order (<see cref="RandomSource.Shuffle{T}(Span{T})"/> from a <see cref="RandomSource"/> seeded with
/// <see cref="TrainingOptions.Seed"/>), in batches of <see cref="TrainingOptions.BatchSize"/>.
/// Together with the seed of the initial weights this fixes the whole run: the same seeds give the
/// same losses, bit for bit.
/// </summary>
/// <remarks>
/// The update of every weight w with gradient g, velocity v (initially 0), learning rate eta,
/// momentum mu and weight decay lambda: g' = g + lambda w; v = mu v + g'; w = w - eta v. Biases use
/// the same rule with lambda = 0. An instance is not thread-safe.
/// A run that diverges (a bad initial scale or learning rate) is not stopped: its losses become
/// infinite or NaN, its weights NaN, and a sample whose outputs are not finite counts as misclassified.
/// </remarks>
public sealed class Trainer
{
    private readonly RandomSource _shuffle;
    private readonly double[][] _weightVelocity;
    private readonly double[][] _biasVelocity;
    private double[] _batchInputs = [];
    private int[] _batchLabels = [];

    /// <summary>Creates a trainer for <paramref name="network"/>; the network's parameters are updated in place.</summary>
    /// <param name="network">The network to train.</param>
    /// <param name="loss">The loss to minimize; it must accept the network's output width.</param>
    /// <param name="options">The SGD settings.</param>
    public Trainer(MultilayerPerceptron network, Loss loss, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(options);
        loss.CheckWidth(network.OutputWidth);
        Network = network;
        Loss = loss;
        Options = options;
        Gradients = network.CreateGradients();
        _shuffle = new RandomSource(options.Seed);
        _weightVelocity = [.. network.Layers.Select(l => new double[l.Weights.Length])];
        _biasVelocity = [.. network.Layers.Select(l => new double[l.OutputWidth])];
    }

    /// <summary>The network being trained.</summary>
    public MultilayerPerceptron Network { get; }

    /// <summary>The loss being minimized.</summary>
    public Loss Loss { get; }

    /// <summary>The SGD settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The gradient of the most recent step (zero before the first).</summary>
    public NetworkGradients Gradients { get; }

    /// <summary>The number of SGD steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>The number of epochs completed so far.</summary>
    public int EpochCount { get; private set; }

    /// <summary>
    /// One SGD step on one batch: computes the gradient (kept in <see cref="Gradients"/>) and updates
    /// every weight and bias.
    /// </summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="labels">count labels.</param>
    /// <param name="count">Samples in the batch; at least 1.</param>
    /// <returns>The batch's mean loss before the update.</returns>
    public double Step(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels, int count)
    {
        double value = Network.ComputeGradients(inputs, labels, count, Loss, Gradients);
        var layers = Network.Layers;
        for (int l = 0; l < layers.Count; l++)
        {
            SpanMath.SgdUpdate(layers[l].Weights, Gradients.WeightGradient(l), _weightVelocity[l],
                Options.LearningRate, Options.Momentum, Options.WeightDecay);
            SpanMath.SgdUpdate(layers[l].Biases, Gradients.BiasGradient(l), _biasVelocity[l],
                Options.LearningRate, Options.Momentum, 0.0);
        }
        StepCount++;
        return value;
    }

    /// <summary>
    /// Per-layer statistics of the gradient of the mean loss over all of <paramref name="data"/> at the
    /// current parameters, without changing them (e.g. at the start of training).
    /// </summary>
    /// <param name="data">The samples, usually the training set.</param>
    /// <returns>One entry per layer, input side first.</returns>
    public IReadOnlyList<LayerGradientStatistics> GradientStatistics(LabeledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Network.CheckData(data, Loss);
        var gradients = Network.CreateGradients();
        Network.ComputeGradients(data.Features, data.Labels, data.Count, Loss, gradients);
        return gradients.Statistics();
    }

    /// <summary>One epoch: every training sample once, in a fresh random order, then an evaluation.</summary>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, or null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>The epoch's losses and accuracies.</returns>
    public EpochResult TrainEpoch(LabeledDataset train, LabeledDataset? test = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        Network.CheckData(train, Loss);
        if (test is not null) Network.CheckData(test, Loss);
        var watch = Stopwatch.StartNew();

        var order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        _shuffle.Shuffle(order.AsSpan());

        int width = train.FeatureCount, batchSize = Math.Min(Options.BatchSize, train.Count);
        if (_batchInputs.Length < batchSize * width) _batchInputs = new double[batchSize * width];
        if (_batchLabels.Length < batchSize) _batchLabels = new int[batchSize];
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, order.Length - start);
            for (int i = 0; i < count; i++)
            {
                int index = order[start + i];
                train.FeaturesOf(index).CopyTo(_batchInputs.AsSpan(i * width, width));
                _batchLabels[i] = train.Labels[index];
            }
            lossSum += Step(_batchInputs.AsSpan(0, count * width), _batchLabels.AsSpan(0, count), count);
            batches++;
        }
        EpochCount++;
        var trainResult = Network.Evaluate(train, Loss);
        var testResult = test is null ? new EvaluationResult(double.NaN, double.NaN, 0, 0) : Network.Evaluate(test, Loss);
        return new EpochResult(EpochCount, lossSum / batches, trainResult.Loss, trainResult.Accuracy,
            testResult.Loss, testResult.Accuracy, Gradients.Statistics(), watch.Elapsed);
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs, recording the state before training, the gradient
    /// statistics at the start, and every epoch's result.
    /// </summary>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, or null.</param>
    /// <param name="epochs">The number of epochs; at least 1.</param>
    /// <param name="progress">Told each epoch's result as it completes, or null.</param>
    /// <param name="cancellationToken">Checked before every batch; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The history of the run.</returns>
    public TrainingHistory Fit(LabeledDataset train, LabeledDataset? test, int epochs,
        IProgress<EpochResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        Network.CheckData(train, Loss);
        if (test is not null) Network.CheckData(test, Loss);
        var watch = Stopwatch.StartNew();
        var initialGradients = GradientStatistics(train);
        var trainResult = Network.Evaluate(train, Loss);
        var testResult = test is null ? new EvaluationResult(double.NaN, double.NaN, 0, 0) : Network.Evaluate(test, Loss);
        var initial = new EpochResult(EpochCount, double.NaN, trainResult.Loss, trainResult.Accuracy,
            testResult.Loss, testResult.Accuracy, [], watch.Elapsed);
        var results = new List<EpochResult>(epochs);
        for (int e = 0; e < epochs; e++)
        {
            var result = TrainEpoch(train, test, cancellationToken);
            results.Add(result);
            progress?.Report(result);
        }
        return new TrainingHistory(initial, results, initialGradients);
    }
}
