namespace WeightInit.Training;

/// <summary>
/// The diagnostics of a training run, as plain data a notebook can chart (see
/// <see cref="DiagnosticsOptions"/>): the network's activation sites and weight matrices, a
/// <see cref="DiagnosticsSnapshot"/> on every recorded step, and the update-to-data ratio of every
/// weight matrix on every step.
/// </summary>
/// <remarks>
/// The update-to-data ratio of a matrix W at a step is log10(std(Delta W) / std(W)), with Delta W the
/// step the optimizer took (eta v for SGD with momentum, Adam's step for Adam) and W after the update.
/// Karpathy (makemore part 3) reads it against a reference of about -3: far below, the layer learns
/// too slowly; far above, it changes too fast.
/// </remarks>
public sealed class TrainingDiagnostics
{
    private readonly List<DiagnosticsSnapshot> _snapshots = [];
    private readonly List<long> _updateSteps = [];
    private readonly List<double>[] _updateToData;

    internal TrainingDiagnostics(DiagnosticsOptions options, IReadOnlyList<ActivationSite> sites,
        IReadOnlyList<WeightMatrix> matrices)
    {
        Options = options;
        Sites = sites;
        WeightMatrices = matrices;
        _updateToData = [.. matrices.Select(_ => new List<double>())];
        UpdateToData = [.. _updateToData.Select(list => (IReadOnlyList<double>)list.AsReadOnly())];
    }

    /// <summary>The settings of the recording.</summary>
    public DiagnosticsOptions Options { get; }

    /// <summary>The activation sites, in forward order.</summary>
    public IReadOnlyList<ActivationSite> Sites { get; }

    /// <summary>The weight matrices, in forward order (the order of <see cref="Network.DenseLayers"/>).</summary>
    public IReadOnlyList<WeightMatrix> WeightMatrices { get; }

    /// <summary>One snapshot per recorded step (steps 0, Interval, 2 Interval, ...), in order.</summary>
    public IReadOnlyList<DiagnosticsSnapshot> Snapshots => _snapshots;

    /// <summary>The index of every step whose update-to-data ratios are recorded (every completed step).</summary>
    public IReadOnlyList<long> UpdateSteps => _updateSteps;

    /// <summary>
    /// UpdateToData[m][i]: log10(std(Delta W) / std(W)) of weight matrix m at step UpdateSteps[i]; +infinity while
    /// W has all entries equal (e.g. Fixup's zero layers) and the step does not, NaN when neither varies.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> UpdateToData { get; }

    internal void AddSnapshot(DiagnosticsSnapshot snapshot) => _snapshots.Add(snapshot);

    internal void AddUpdateRatios(long step, ReadOnlySpan<double> ratios)
    {
        _updateSteps.Add(step);
        for (int m = 0; m < ratios.Length; m++) _updateToData[m].Add(ratios[m]);
    }
}
