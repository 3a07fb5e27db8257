using WeightInit.Kernels;
using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// A named network description: builds a fresh network from a seed, as every network of the library is made (a
/// description plus a seed), e.g.
/// <c>new("He", seed =&gt; Network.Create(DeepNetwork.Classifier(widths, Activation.ReLU, Init.HeNormal()), seed))</c>
/// or <c>new("delta-orthogonal", seed =&gt; Mnist1dNetworks.VanillaCnn(32, 16, Init.DeltaOrthogonal(),
/// Activation.Tanh, seed))</c>.
/// </summary>
/// <param name="Name">The name the results carry, e.g. "He (normal)".</param>
/// <param name="Create">Builds a new network for a seed (never an object it returned before), every initial value
/// drawn from that seed, so that the same seed gives the same network.</param>
public sealed record NetworkCandidate(string Name, Func<ulong, Network> Create);

/// <summary>One training run of a sweep, as plain data.</summary>
/// <param name="Candidate">The candidate's name.</param>
/// <param name="LearningRate">The learning rate of the run.</param>
/// <param name="Seed">The seed of the initial weights and of the batch order.</param>
/// <param name="TrainLoss">The mean loss on the whole training set after the last step (in inference mode).</param>
/// <param name="TrainAccuracy">The training accuracy after the last step.</param>
/// <param name="TestLoss">The mean test loss after the last step (NaN without a test set).</param>
/// <param name="TestAccuracy">The test accuracy after the last step (NaN without a test set).</param>
/// <param name="Divergence">Where a non-finite batch loss stopped the run, or null.</param>
public sealed record SweepRun(string Candidate, double LearningRate, ulong Seed, double TrainLoss, double TrainAccuracy,
    double TestLoss, double TestAccuracy, TrainingDivergence? Divergence)
{
    /// <summary>Whether a non-finite loss stopped the run.</summary>
    public bool Diverged => Divergence is not null;
}

/// <summary>
/// A learning-rate sweep: every candidate network trained at every learning rate on every seed, with the same
/// optimizer settings and number of steps, and the final losses and accuracies returned as plain data. It answers
/// "does this initialization win, or does it only suit this learning rate?": compare the candidates each at its own
/// best learning rate.
/// </summary>
/// <remarks>
/// <para>Run (candidate c, learning rate eta, seed s): the network is <c>c.Create(s)</c> and the
/// trainer uses <see cref="Training"/> with <see cref="TrainingOptions.LearningRate"/> = eta and
/// <see cref="TrainingOptions.Seed"/> = s (every other setting as given), for <see cref="Steps"/> steps of
/// <see cref="Trainer.TrainSteps"/>; then the network is evaluated on the training and test sets. A run that
/// diverges stops at its first non-finite loss and is evaluated as it stands.</para>
/// <para>The runs are independent and run in parallel (at most <see cref="MaxDegreeOfParallelism"/> at once); each
/// result depends only on its own candidate, learning rate and seed, so the results are the same, bit for bit,
/// whatever the thread count.</para>
/// </remarks>
public sealed record LearningRateSweep
{
    /// <summary>The networks to compare; at least one, with distinct names. Required.</summary>
    public required IReadOnlyList<NetworkCandidate> Candidates { get; init; }

    /// <summary>The learning rates, each finite and positive; at least one. Required.</summary>
    public required IReadOnlyList<double> LearningRates { get; init; }

    /// <summary>The seeds, at least one, distinct. Required.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }

    /// <summary>The optimizer and batch settings of every run; its learning rate and seed are replaced per run.
    /// Required.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>The training set. Required.</summary>
    public required LabeledDataset Train { get; init; }

    /// <summary>The test set, or null.</summary>
    public LabeledDataset? Test { get; init; }

    /// <summary>Optimizer steps per run; at least 1. Required.</summary>
    public required int Steps { get; init; }

    /// <summary>The loss (default softmax cross-entropy).</summary>
    public Loss Loss { get; init; } = Loss.SoftmaxCrossEntropy;

    /// <summary>Runs at once: a positive number, or -1 (default) for one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first property that breaks its rule.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Candidates, nameof(Candidates));
        ArgumentNullException.ThrowIfNull(LearningRates, nameof(LearningRates));
        ArgumentNullException.ThrowIfNull(Seeds, nameof(Seeds));
        ArgumentNullException.ThrowIfNull(Training, nameof(Training));
        ArgumentNullException.ThrowIfNull(Train, nameof(Train));
        ArgumentNullException.ThrowIfNull(Loss, nameof(Loss));
        if (Candidates.Count == 0)
            throw new ArgumentException($"{nameof(Candidates)} must hold at least one candidate.", nameof(Candidates));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i] is null || Candidates[i].Name is null || Candidates[i].Create is null)
                throw new ArgumentException($"{nameof(Candidates)}[{i}] must have a name and a factory.",
                    nameof(Candidates));
            if (!names.Add(Candidates[i].Name))
                throw new ArgumentException(
                    $"{nameof(Candidates)} must have distinct names, but '{Candidates[i].Name}' appears twice.",
                    nameof(Candidates));
        }
        if (LearningRates.Count == 0)
            throw new ArgumentException($"{nameof(LearningRates)} must hold at least one rate.",
                nameof(LearningRates));
        for (int i = 0; i < LearningRates.Count; i++)
            Guard.FinitePositive(LearningRates[i], $"{nameof(LearningRates)}[{i}]");
        if (Seeds.Count == 0)
            throw new ArgumentException($"{nameof(Seeds)} must hold at least one seed.", nameof(Seeds));
        if (Seeds.Distinct().Count() != Seeds.Count)
            throw new ArgumentException($"{nameof(Seeds)} must be distinct.", nameof(Seeds));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps, nameof(Steps));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"{nameof(MaxDegreeOfParallelism)} must be positive or -1, but it is {MaxDegreeOfParallelism}.");
    }

    /// <summary>Trains every (candidate, learning rate, seed) and returns the results.</summary>
    /// <param name="cancellationToken">Checked before every batch of every run.</param>
    /// <returns>One run per combination, candidate-major, then learning rate, then seed, in the order given.</returns>
    /// <exception cref="ArgumentException">A property breaks its rule, or a candidate's network does not fit the data
    /// and the loss.</exception>
    /// <exception cref="InvalidOperationException">A candidate's factory returned a network it had returned
    /// before.</exception>
    public LearningRateSweepResult Run(CancellationToken cancellationToken = default)
    {
        Validate();
        int perCandidate = LearningRates.Count * Seeds.Count;
        var runs = new SweepRun[Candidates.Count * perCandidate];
        var seen = new HashSet<Network>(ReferenceEqualityComparer.Instance);
        ParallelWork.For(runs.Length, MaxDegreeOfParallelism, index =>
        {
            var candidate = Candidates[index / perCandidate];
            double rate = LearningRates[index % perCandidate / Seeds.Count];
            ulong seed = Seeds[index % Seeds.Count];
            var network = candidate.Create(seed)
                ?? throw new InvalidOperationException($"Candidate '{candidate.Name}' returned no network.");
            lock (seen)
                if (!seen.Add(network))
                    throw new InvalidOperationException($"Candidate '{candidate.Name}' returned a network it had " +
                        "returned before; each run needs a new one.");
            var trainer = new Trainer(network, Loss, WithRateAndSeed(Training, rate, seed));
            trainer.TrainSteps(Train, Steps, cancellationToken);
            var train = network.Evaluate(Train, Loss);
            var test = Test is null ? new EvaluationResult(double.NaN, double.NaN, 0, 0) : network.Evaluate(Test, Loss);
            runs[index] = new SweepRun(candidate.Name, rate, seed, train.Loss, train.Accuracy, test.Loss, test.Accuracy,
                trainer.Divergence);
        });
        return new LearningRateSweepResult(this, runs);
    }

    /// <summary>A copy of <paramref name="options"/> with another learning rate and seed, every other setting
    /// kept.</summary>
    internal static TrainingOptions WithRateAndSeed(TrainingOptions options, double learningRate, ulong seed) => new()
    {
        LearningRate = learningRate,
        Seed = seed,
        Optimizer = options.Optimizer,
        Momentum = options.Momentum,
        WeightDecay = options.WeightDecay,
        Beta1 = options.Beta1,
        Beta2 = options.Beta2,
        Epsilon = options.Epsilon,
        BatchSize = options.BatchSize,
        DropIncompleteBatch = options.DropIncompleteBatch,
        Diagnostics = options.Diagnostics,
    };
}

/// <summary>The runs of a <see cref="LearningRateSweep"/>, with summaries over seeds.</summary>
public sealed class LearningRateSweepResult
{
    internal LearningRateSweepResult(LearningRateSweep sweep, IReadOnlyList<SweepRun> runs)
    {
        Sweep = sweep;
        Runs = runs;
    }

    /// <summary>The sweep that produced these runs.</summary>
    public LearningRateSweep Sweep { get; }

    /// <summary>Every run: candidate-major, then learning rate, then seed, in the sweep's order.</summary>
    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>The runs of one candidate at one learning rate, one per seed.</summary>
    /// <param name="candidate">A candidate's name.</param>
    /// <param name="learningRate">One of the sweep's learning rates.</param>
    /// <returns>The runs, in the order of the seeds.</returns>
    /// <exception cref="ArgumentException">The name or the rate is not the sweep's.</exception>
    public IReadOnlyList<SweepRun> RunsOf(string candidate, double learningRate)
    {
        int c = IndexOf(candidate);
        int r = -1;
        for (int i = 0; i < Sweep.LearningRates.Count && r < 0; i++)
            if (Sweep.LearningRates[i].Equals(learningRate)) r = i;
        if (r < 0)
            throw new ArgumentException($"{learningRate} is not one of the sweep's learning rates.",
                nameof(learningRate));
        int seeds = Sweep.Seeds.Count;
        return [.. Runs.Skip((c * Sweep.LearningRates.Count + r) * seeds).Take(seeds)];
    }

    /// <summary>The final test accuracy of one candidate at one learning rate, over the seeds.</summary>
    /// <param name="candidate">A candidate's name.</param>
    /// <param name="learningRate">One of the sweep's learning rates.</param>
    /// <returns>Mean, spread and range over the seeds.</returns>
    public SeedSummary TestAccuracy(string candidate, double learningRate) =>
        SeedSummary.Of(RunsOf(candidate, learningRate).Select(r => r.TestAccuracy));

    /// <summary>
    /// The final training loss of one candidate at one learning rate, over the seeds whose run did not diverge (and
    /// whose loss is finite); null when none did. <see cref="SeedSummary.Count"/> says how many seeds it covers.
    /// </summary>
    /// <param name="candidate">A candidate's name.</param>
    /// <param name="learningRate">One of the sweep's learning rates.</param>
    /// <returns>Mean, spread and range over the finished seeds, or null.</returns>
    public SeedSummary? TrainLoss(string candidate, double learningRate)
    {
        double[] finished = [.. RunsOf(candidate, learningRate).Where(Finished).Select(r => r.TrainLoss)];
        return finished.Length == 0 ? null : SeedSummary.Of(finished);
    }

    /// <summary>The learning rate with the highest mean test accuracy for a candidate (the first of equals, in the
    /// sweep's order).</summary>
    /// <param name="candidate">A candidate's name.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="InvalidOperationException">The sweep has no test set.</exception>
    public double BestLearningRateByTestAccuracy(string candidate)
    {
        if (Sweep.Test is null) throw new InvalidOperationException("The sweep has no test set.");
        return Sweep.LearningRates.MaxBy(rate => TestAccuracy(candidate, rate).Mean);
    }

    /// <summary>
    /// The learning rate with the lowest mean final training loss for a candidate, a diverged run (or a non-finite
    /// loss) counting as +infinity, so that a rate where any seed diverged ranks last (the first of equals).
    /// </summary>
    /// <param name="candidate">A candidate's name.</param>
    /// <returns>The rate.</returns>
    public double BestLearningRateByTrainLoss(string candidate) =>
        Sweep.LearningRates.MinBy(rate =>
            RunsOf(candidate, rate).Average(r => Finished(r) ? r.TrainLoss : double.PositiveInfinity));

    private static bool Finished(SweepRun run) => !run.Diverged && double.IsFinite(run.TrainLoss);

    private int IndexOf(string candidate)
    {
        for (int i = 0; i < Sweep.Candidates.Count; i++) if (Sweep.Candidates[i].Name == candidate) return i;
        throw new ArgumentException($"'{candidate}' is not one of the sweep's candidates.", nameof(candidate));
    }
}
