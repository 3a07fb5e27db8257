using System.Globalization;
using System.Runtime.CompilerServices;
using WeightInit.Activations;
using WeightInit.Kernels;
using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// Collects <see cref="TrainingDiagnostics"/> for one trainer: the activation sites report their
/// pre-activations, activations and derivatives in the forward pass and their gradients in the
/// backward pass of a recorded step; the trainer adds the weight statistics before the update and
/// the update-to-data ratios after it.
/// </summary>
internal sealed class DiagnosticsRecorder
{
    private readonly Network _network;
    private readonly DiagnosticsOptions _options;
    private readonly Dictionary<Layer, int> _siteIndex = new(ReferenceEqualityComparer.Instance);
    private readonly int[] _weightParameter;
    private readonly double[] _updateRatios;
    private ActivationSiteSnapshot?[] _current = [];
    private double[] _finite = [];
    private double[] _activity = [];

    public DiagnosticsRecorder(Network network, DiagnosticsOptions options)
    {
        _network = network;
        _options = options;
        var sites = new List<ActivationSite>();
        var matrices = new List<WeightMatrix>();
        void Visit(Layer layer, string location)
        {
            if (layer is DenseLayer dense)
            {
                matrices.Add(new WeightMatrix(matrices.Count, location, dense.InputWidth, dense.OutputWidth));
                if (dense.Activation is not IdentityActivation) AddSite(layer, location, dense.Activation,
                    dense.OutputWidth);
            }
            else if (layer is ActivationLayer activation) AddSite(layer, location, activation.Activation,
                activation.Width);
            var inner = layer.Sublayers;
            for (int i = 0; i < inner.Count; i++)
                Visit(inner[i], layer is ResidualBlock block && ReferenceEquals(inner[i], block.Projection)
                    ? $"{location}.shortcut" : $"{location}.{i.ToString(CultureInfo.InvariantCulture)}");
        }
        void AddSite(Layer layer, string location, Activation activation, int width)
        {
            _siteIndex[layer] = sites.Count;
            sites.Add(new ActivationSite(sites.Count, location, activation.Name, width));
        }
        for (int l = 0; l < network.Layers.Count; l++) Visit(network.Layers[l],
            $"layer {l.ToString(CultureInfo.InvariantCulture)}");
        var parameterIndex = new Dictionary<Parameter, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < network.Parameters.Count; i++) parameterIndex[network.Parameters[i]] = i;
        _weightParameter = [.. network.DenseLayers.Select(d => parameterIndex[d.Parameters[0]])];
        _updateRatios = new double[_weightParameter.Length];
        Diagnostics = new TrainingDiagnostics(options, sites, matrices);
        Context = PassContext.Recording(this);
    }

    public TrainingDiagnostics Diagnostics { get; }

    /// <summary>The training context that reports to this recorder.</summary>
    public PassContext Context { get; }

    /// <summary>Whether step <paramref name="step"/> (0-based) is one whose snapshot is recorded.</summary>
    public bool Records(long step) => step % _options.Interval == 0;

    /// <summary>Starts the snapshot of a recorded step.</summary>
    public void BeginStep() => _current = new ActivationSiteSnapshot?[Diagnostics.Sites.Count];

    // The recorder's methods run on few steps, too few for tiered compilation to optimize their loops in time:
    // they are compiled fully optimized from the first call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnActivation(Layer site, Activation activation, ReadOnlySpan<double> preActivation,
        ReadOnlySpan<double> output,
        ReadOnlySpan<double> derivative, int count, int width)
    {
        if (!_siteIndex.TryGetValue(site, out int index)) return;
        // Saturated (sample, unit) pairs by the rule the simulator counts too.
        // Dead units: sum over the batch of |f'| is 0 (a NaN counts as active).
        long saturated = Saturation.Count(derivative, Saturation.SlopeLimit(activation, _options.SaturationThreshold));
        if (_activity.Length < width) _activity = new double[width];
        var activity = _activity.AsSpan(0, width);
        activity.Clear();
        for (int r = 0; r < count; r++)
            SimdMap.Run(new AddAbsolute(), activity, derivative.Slice(r * width, width), default, activity);
        int dead = 0;
        foreach (double a in activity) if (a == 0) dead++;
        var empty = new DistributionSummary(null, double.NaN, double.NaN, 0, 0);
        _current[index] = new ActivationSiteSnapshot(index, Summarize(preActivation), Summarize(output), empty,
            (double)saturated / derivative.Length, (double)dead / width);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnActivationGradient(Layer site, ReadOnlySpan<double> gradient)
    {
        if (!_siteIndex.TryGetValue(site, out int index) || _current[index] is not { } snapshot) return;
        _current[index] = snapshot with { Gradients = Summarize(gradient) };
    }

    /// <summary>Completes the snapshot of a recorded step with the weights and their gradients (before the
    /// update).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndStep(long step, double loss, NetworkGradients gradients)
    {
        var weights = new WeightMatrixSnapshot[_weightParameter.Length];
        for (int m = 0; m < weights.Length; m++)
        {
            double weightStd = OnePassMoments.MeanStd(_network.Parameters[_weightParameter[m]].Values).Std;
            double gradientStd = OnePassMoments.MeanStd(gradients.Arrays[_weightParameter[m]]).Std;
            weights[m] = new WeightMatrixSnapshot(m, weightStd, gradientStd, gradientStd / weightStd);
        }
        var sites =
            _current.Select((s, i) => s
            ?? throw new InvalidOperationException($"Activation site {i} reported nothing on step {step}.")).ToArray();
        Diagnostics.AddSnapshot(new DiagnosticsSnapshot(step, loss, sites, weights));
    }

    /// <summary>Records log10(std(Delta W) / std(W)) of every weight matrix after the update of step
    /// <paramref name="step"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RecordUpdate(long step, Optimizer optimizer)
    {
        for (int m = 0; m < _weightParameter.Length; m++)
        {
            int p = _weightParameter[m];
            double weightStd = OnePassMoments.MeanStd(_network.Parameters[p].Values).Std;
            _updateRatios[m] = Math.Log10(optimizer.LastStepStd(p) / weightStd);
        }
        Diagnostics.AddUpdateRatios(step, _updateRatios);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DistributionSummary Summarize(ReadOnlySpan<double> values)
    {
        var (count, min, max) = FiniteRange.Of(values);
        int finiteCount = values.Length;
        ReadOnlySpan<double> finite = values;
        if (count < values.Length)
        {
            if (_finite.Length < values.Length) _finite = new double[values.Length];
            finiteCount = 0;
            (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
            foreach (double v in values)
            {
                if (!double.IsFinite(v)) continue;
                _finite[finiteCount++] = v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            finite = _finite.AsSpan(0, finiteCount);
        }
        long nonFinite = values.Length - finiteCount;
        if (finiteCount == 0) return new DistributionSummary(null, double.NaN, double.NaN, values.Length, nonFinite);
        if (min == max)
        {
            double half = 0.5 * Math.Max(1, Math.Abs(min));
            (min, max) = (min - half, max + half);
        }
        var histogram = double.IsFinite(max - min) ? FixedBinHistogram.OfRange(finite, min, max, _options.Bins) : null;
        var (mean, std) = OnePassMoments.MeanStd(finite);
        return new DistributionSummary(histogram, mean, std, values.Length, nonFinite);
    }

    /// <summary>a + |b|: a unit's running sum of |f'| over the batch.</summary>
    internal readonly struct AddAbsolute : IMapOperator
    {
        public static int Inputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            a + TV.Abs(b);
    }
}
