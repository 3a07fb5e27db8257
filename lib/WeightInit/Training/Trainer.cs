using System.Diagnostics;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// Trains a <see cref="Network"/> by mini-batch gradient descent: SGD with momentum and weight decay,
/// or Adam (see <see cref="TrainingOptions"/>). Each epoch visits the training set in a new random
/// order (<see cref="RandomSource.Shuffle{T}(Span{T})"/> from a <see cref="RandomSource"/> seeded with
/// <see cref="TrainingOptions.Seed"/>), in batches of <see cref="TrainingOptions.BatchSize"/>.
/// Together with the seed of the initial weights this fixes the whole run: the same seeds give the
/// same losses, bit for bit, with or without diagnostics.
/// </summary>
/// <remarks>
/// <para>SGD's update of every weight w with gradient g, velocity v (initially 0), learning rate eta,
/// momentum mu and weight decay lambda: g' = g + lambda w; v = mu v + g'; w = w - eta v. Biases,
/// normalization scales and shifts and residual scalars use the same rule with lambda = 0. Adam: see
/// <see cref="OptimizerKind.Adam"/>. After each step the batch normalizations fold the batch's
/// statistics into their running statistics.</para>
/// <para>A run that diverges stops: the first step whose batch loss is not finite is not applied,
/// <see cref="Divergence"/> says which step it was, the epoch ends there, <see cref="Fit"/> returns a
/// history whose <see cref="TrainingHistory.Divergence"/> says so, and any further step throws an
/// <see cref="InvalidOperationException"/>. A sample whose outputs are not finite counts as misclassified.</para>
/// <para>An instance is not thread-safe.</para>
/// </remarks>
public sealed class Trainer
{
    private readonly RandomSource _shuffle;
    private readonly Optimizer _optimizer;
    private readonly DiagnosticsRecorder? _recorder;
    private double[] _batchInputs = [];
    private int[] _batchLabels = [];
    private int[] _passOrder = [];
    private int _passPosition;

    /// <summary>Creates a trainer for <paramref name="network"/>; the network's parameters are updated in
    /// place.</summary>
    /// <param name="network">The network to train.</param>
    /// <param name="loss">The loss to minimize; it must accept the network's output width.</param>
    /// <param name="options">The optimizer, batch and diagnostics settings.</param>
    public Trainer(Network network, Loss loss, TrainingOptions options)
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
        _optimizer = Optimizer.Create(options, network.Parameters);
        if (options.Diagnostics is not null) _recorder = new DiagnosticsRecorder(network, options.Diagnostics);
    }

    /// <summary>The network being trained.</summary>
    public Network Network { get; }

    /// <summary>The loss being minimized.</summary>
    public Loss Loss { get; }

    /// <summary>The training settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The gradient of the most recent step (zero before the first).</summary>
    public NetworkGradients Gradients { get; }

    /// <summary>The number of steps taken (updates applied) so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>The number of epochs completed so far (an epoch cut short by a divergence counts).</summary>
    public int EpochCount { get; private set; }

    /// <summary>Where the run diverged, or null while every loss has been finite.</summary>
    public TrainingDivergence? Divergence { get; private set; }

    /// <summary>What the diagnostics recorded so far, or null if <see cref="TrainingOptions.Diagnostics"/> is not
    /// set.</summary>
    public TrainingDiagnostics? Diagnostics => _recorder?.Diagnostics;

    /// <summary>
    /// One step on one batch: computes the gradient (kept in <see cref="Gradients"/>) and, if the loss
    /// is finite, updates every parameter; if it is not, records the <see cref="Divergence"/> and
    /// changes nothing.
    /// </summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="labels">count labels.</param>
    /// <param name="count">Samples in the batch; at least 1 (at least 2 with batch normalization).</param>
    /// <returns>The batch's mean loss before the update.</returns>
    /// <exception cref="InvalidOperationException">The run has already diverged.</exception>
    public double Step(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels, int count)
    {
        ThrowIfDiverged();
        if (_recorder is null || !_recorder.Records(StepCount)) return StepCore(inputs, labels, count,
            PassContext.Training);
        _recorder.BeginStep();
        return StepCore(inputs, labels, count, _recorder.Context);
    }

    private double StepCore(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels, int count, PassContext context)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * Network.InputWidth, nameof(inputs),
            $"{count} samples x {Network.InputWidth} inputs");
        Guard.Length(labels.Length, count, nameof(labels), "one label per sample");
        double value = Network.ComputeGradientsCore(inputs, labels, count, Loss, Gradients, context);
        context.Recorder?.EndStep(StepCount, value, Gradients);
        if (!double.IsFinite(value))
        {
            Divergence = new TrainingDivergence(StepCount + 1, EpochCount + 1, value);
            return value;
        }
        Network.CommitBatchStatistics();
        _optimizer.Update(Network.Parameters, Gradients.Arrays);
        _recorder?.RecordUpdate(StepCount, _optimizer);
        StepCount++;
        return value;
    }

    /// <summary>
    /// Per-layer statistics of the gradient of the mean loss over all of <paramref name="data"/> at the
    /// current parameters, without changing them (e.g. at the start of training).
    /// </summary>
    /// <param name="data">The samples, usually the training set.</param>
    /// <returns>One entry per dense layer, input side first.</returns>
    public IReadOnlyList<LayerGradientStatistics> GradientStatistics(LabeledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Network.CheckData(data, Loss);
        var gradients = Network.CreateGradients();
        Network.ComputeGradients(data.Features, data.Labels, data.Count, Loss, gradients);
        return gradients.Statistics();
    }

    /// <summary>
    /// One epoch: every training sample once, in a fresh random order, then an evaluation. A
    /// divergence ends the epoch at the step that diverged (see <see cref="Divergence"/>).
    /// </summary>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, or null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>The epoch's losses and accuracies.</returns>
    /// <exception cref="InvalidOperationException">The run has already diverged.</exception>
    public EpochResult TrainEpoch(LabeledDataset train, LabeledDataset? test = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        Network.CheckData(train, Loss);
        if (test is not null) Network.CheckData(test, Loss);
        ThrowIfDiverged();
        var watch = Stopwatch.StartNew();

        var order = ShuffledOrder(train.Count);
        _passPosition = int.MaxValue; // a step-wise pass in progress is abandoned
        int batchSize = Math.Min(Options.BatchSize, train.Count);
        double lossSum = 0;
        int batches = 0;
        int end = PassLength(order.Length, batchSize);
        for (int start = 0; start < end && Divergence is null; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lossSum += StepOn(train, order.AsSpan(start, Math.Min(batchSize, end - start)));
            batches++;
        }
        EpochCount++;
        var trainResult = Network.Evaluate(train, Loss);
        var testResult =
            test is null ? new EvaluationResult(double.NaN, double.NaN, 0, 0) : Network.Evaluate(test, Loss);
        return new EpochResult(EpochCount, lossSum / batches, trainResult.Loss, trainResult.Accuracy,
            testResult.Loss, testResult.Accuracy, Gradients.Statistics(), watch.Elapsed);
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs, or until the run diverges, recording the state
    /// before training, the gradient statistics at the start, and every epoch's result.
    /// </summary>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, or null.</param>
    /// <param name="epochs">The number of epochs; at least 1.</param>
    /// <param name="progress">Told each epoch's result as it completes, or null.</param>
    /// <param name="cancellationToken">Checked before every batch; cancelling throws
    /// <see cref="OperationCanceledException"/>.</param>
    /// <returns>The history of the run; <see cref="TrainingHistory.Divergence"/> says where it diverged, if it
    /// did.</returns>
    /// <exception cref="InvalidOperationException">The run has already diverged.</exception>
    public TrainingHistory Fit(LabeledDataset train, LabeledDataset? test, int epochs,
        IProgress<EpochResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        Network.CheckData(train, Loss);
        if (test is not null) Network.CheckData(test, Loss);
        ThrowIfDiverged();
        var watch = Stopwatch.StartNew();
        var initialGradients = GradientStatistics(train);
        var trainResult = Network.Evaluate(train, Loss);
        var testResult =
            test is null ? new EvaluationResult(double.NaN, double.NaN, 0, 0) : Network.Evaluate(test, Loss);
        var initial = new EpochResult(EpochCount, double.NaN, trainResult.Loss, trainResult.Accuracy,
            testResult.Loss, testResult.Accuracy, [], watch.Elapsed);
        var results = new List<EpochResult>(epochs);
        for (int e = 0; e < epochs && Divergence is null; e++)
        {
            var result = TrainEpoch(train, test, cancellationToken);
            results.Add(result);
            progress?.Report(result);
        }
        return new TrainingHistory(initial, results, initialGradients, Divergence);
    }

    /// <summary>
    /// <paramref name="steps"/> steps on batches of the training set, for step-by-step experiments: the
    /// batches follow one shuffled pass over the data after another, as in <see cref="TrainEpoch"/>
    /// (a pass that completes counts as an epoch), and a later call continues the pass where this one
    /// stopped. Stops early if the run diverges (see <see cref="Divergence"/>).
    /// </summary>
    /// <param name="train">The training set; the same set for every call that continues a pass.</param>
    /// <param name="steps">The number of steps; at least 1.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>The batch loss of every step taken, in order (the last one not finite if the run diverged).</returns>
    /// <exception cref="InvalidOperationException">The run has already diverged.</exception>
    public double[] TrainSteps(LabeledDataset train, int steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        Network.CheckData(train, Loss);
        ThrowIfDiverged();
        if (_passOrder.Length != train.Count) _passPosition = int.MaxValue;
        int batchSize = Math.Min(Options.BatchSize, train.Count);
        var losses = new List<double>(steps);
        while (losses.Count < steps && Divergence is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_passPosition >= PassLength(_passOrder.Length, batchSize))
            {
                _passOrder = ShuffledOrder(train.Count);
                _passPosition = 0;
            }
            int end = PassLength(_passOrder.Length, batchSize);
            int count = Math.Min(batchSize, end - _passPosition);
            losses.Add(StepOn(train, _passOrder.AsSpan(_passPosition, count)));
            _passPosition += count;
            if (_passPosition >= end) EpochCount++;
        }
        return [.. losses];
    }

    /// <summary>The samples of a pass that are used: all, or without the incomplete last batch when it is dropped
    /// (never fewer than one batch).</summary>
    private int PassLength(int count, int batchSize) =>
        Options.DropIncompleteBatch && count >= batchSize ? count - count % batchSize : count;

    private int[] ShuffledOrder(int count)
    {
        var order = new int[count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        _shuffle.Shuffle(order.AsSpan());
        return order;
    }

    /// <summary>One step on the samples <paramref name="indices"/> of <paramref name="train"/>.</summary>
    private double StepOn(LabeledDataset train, ReadOnlySpan<int> indices)
    {
        int width = train.FeatureCount, count = indices.Length;
        if (_batchInputs.Length < count * width) _batchInputs = new double[count * width];
        if (_batchLabels.Length < count) _batchLabels = new int[count];
        for (int i = 0; i < count; i++)
        {
            train.FeaturesOf(indices[i]).CopyTo(_batchInputs.AsSpan(i * width, width));
            _batchLabels[i] = train.Labels[indices[i]];
        }
        return Step(_batchInputs.AsSpan(0, count * width), _batchLabels.AsSpan(0, count), count);
    }

    private void ThrowIfDiverged()
    {
        if (Divergence is not null)
            throw new InvalidOperationException($"The run {Divergence}; start a new trainer (and network) to train " +
                $"again.");
    }
}
