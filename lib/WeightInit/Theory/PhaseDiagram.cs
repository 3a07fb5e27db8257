namespace WeightInit.Theory;

/// <summary>
/// A measured phase diagram: one <see cref="PropagationMeasurement"/> per grid point (sigma_w^2,
/// sigma_b^2), run in the simulator, keeping what separates the phases after L layers: the pairs'
/// correlation c_L (1 in the ordered phase, c* &lt; 1 in the chaotic phase), the length q_L and, when
/// the options measure gradients, the gradient's growth per layer (the measured chi_1). The
/// counterpart of Schoenholz et al. (2017), Fig. 1, and Poole et al. (2016), Fig. 2.
/// </summary>
public sealed class PhaseDiagram
{
    private PhaseDiagram(IReadOnlyList<double> weightVariances, IReadOnlyList<double> biasVariances,
        double[][] correlations,
        double[][] lengths, double[][]? gradientGrowth, TimeSpan elapsed)
    {
        (WeightVariances, BiasVariances, FinalCorrelations, FinalLengths, GradientGrowth, Elapsed) =
            (weightVariances, biasVariances, correlations, lengths, gradientGrowth, elapsed);
    }

    /// <summary>The sigma_w^2 of the columns.</summary>
    public IReadOnlyList<double> WeightVariances { get; }

    /// <summary>The sigma_b^2 of the rows.</summary>
    public IReadOnlyList<double> BiasVariances { get; }

    /// <summary>c_L, [row = sigma_b^2 index][column = sigma_w^2 index].</summary>
    public double[][] FinalCorrelations { get; }

    /// <summary>q_L, indexed like <see cref="FinalCorrelations"/>.</summary>
    public double[][] FinalLengths { get; }

    /// <summary>(E[g_0^2] / E[g_L^2])^(1/L), indexed like <see cref="FinalCorrelations"/>; null unless the options
    /// measure gradients.</summary>
    public double[][]? GradientGrowth { get; }

    /// <summary>The wall-clock time of the sweep.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Measures <c>network(sigma_w^2, sigma_b^2)</c> at every point of the grid with <paramref name="options"/>, grid
    /// points in parallel (each simulation single-threaded, so the result does not depend on the thread count).
    /// </summary>
    /// <param name="network">
    /// The network at one grid point, e.g. <c>(w, b) =&gt; DeepNetwork.Stack(50, 128, Activation.Tanh,
    /// Init.VarianceScaling(w, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal), Init.Normal(0,
    /// Math.Sqrt(b)))</c>; its <see cref="MeanFieldModel.For"/> must have exactly that sigma_w^2 and sigma_b^2 (to
    /// 1e-9), and every point the same depth.
    /// </param>
    /// <param name="weightVariances">The columns: finite, positive sigma_w^2 values; at least one.</param>
    /// <param name="biasVariances">The rows: finite, non-negative sigma_b^2 values; at least one.</param>
    /// <param name="options">How every point is measured (pairs, precision, seed, gradients); null for the
    /// defaults.</param>
    /// <param name="maxDegreeOfParallelism">-1 for all cores, or a positive number of grid points run at once.</param>
    /// <returns>The diagram.</returns>
    /// <exception cref="ArgumentException">
    /// A grid value breaks its rule, or <paramref name="network"/> returns null, a network with other variances than
    /// the point's, or networks of different depths.
    /// </exception>
    public static PhaseDiagram Measure(Func<double, double, DeepNetwork> network, IReadOnlyList<double> weightVariances,
        IReadOnlyList<double> biasVariances, PropagationOptions? options = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckGrid(weightVariances, biasVariances);
        options ??= new PropagationOptions();
        options.Validate();
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"{nameof(maxDegreeOfParallelism)} must be -1 (all cores) or positive, but it is " +
                    $"{maxDegreeOfParallelism}.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int rows = biasVariances.Count, columns = weightVariances.Count;
        var networks = new DeepNetwork[rows * columns];
        for (int k = 0; k < networks.Length; k++)
            networks[k] = PointNetwork(network, weightVariances[k % columns], biasVariances[k / columns], networks[0]);
        double[][] New() => [.. Enumerable.Range(0, rows).Select(_ => new double[columns])];
        var correlations = New();
        var lengths = New();
        var growth = options.MeasureGradients ? New() : null;
        var pointOptions = options with { MaxDegreeOfParallelism = 1 };
        Parallel.For(0, rows * columns, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            int r = k / columns, c = k % columns;
            var m = PropagationMeasurement.Run(networks[k], pointOptions);
            correlations[r][c] = m.Correlations[^1];
            lengths[r][c] = m.Lengths[^1];
            if (growth is not null) growth[r][c] = m.GradientGrowthPerLayer;
        });
        return new PhaseDiagram(weightVariances.ToArray(), biasVariances.ToArray(), correlations, lengths, growth,
            clock.Elapsed);
    }

    /// <summary>The network of one grid point, checked against the point's variances and the first point's
    /// depth.</summary>
    private static DeepNetwork PointNetwork(Func<double, double, DeepNetwork> network, double weightVariance,
        double biasVariance,
        DeepNetwork? first)
    {
        var built = network(weightVariance, biasVariance) ?? throw new ArgumentException(
            $"{nameof(network)} returned null at sigma_w^2 = {weightVariance}, sigma_b^2 = {biasVariance}.",
            nameof(network));
        var model = MeanFieldModel.For(built);
        if (Math.Abs(model.WeightVariance - weightVariance) > 1e-9 * weightVariance
            || Math.Abs(model.BiasVariance - biasVariance) > 1e-9 * Math.Max(biasVariance, 1e-300))
            throw new ArgumentException(
                $"{nameof(network)} must return a network with the point's variances, but at " +
                $"sigma_w^2 = {weightVariance}, sigma_b^2 = {biasVariance} it returned one with " +
                $"sigma_w^2 = {model.WeightVariance}, sigma_b^2 = {model.BiasVariance}.",
                nameof(network));
        if (first is not null && built.Depth != first.Depth)
            throw new ArgumentException(
                $"{nameof(network)} must return networks of one depth, but it returned {first.Depth} and " +
                $"{built.Depth} layers.",
                nameof(network));
        return built;
    }

    /// <summary>chi_1 predicted at every grid point, [row = sigma_b^2 index][column = sigma_w^2 index] (+infinity where
    /// q has no fixed point).</summary>
    /// <param name="activation">phi.</param>
    /// <param name="weightVariances">The columns: finite, positive sigma_w^2 values.</param>
    /// <param name="biasVariances">The rows: finite, non-negative sigma_b^2 values.</param>
    /// <returns>The predicted chi_1.</returns>
    public static double[][] PredictChi1(WeightInit.Activations.Activation activation,
        IReadOnlyList<double> weightVariances, IReadOnlyList<double> biasVariances)
    {
        ArgumentNullException.ThrowIfNull(activation);
        CheckGrid(weightVariances, biasVariances);
        var result = new double[biasVariances.Count][];
        Parallel.For(0, biasVariances.Count, r =>
        {
            result[r] = weightVariances.Select(w =>
            {
                var model = new MeanFieldModel(activation, w, biasVariances[r]);
                var fixedPoint = model.FindLengthFixedPoint();
                return fixedPoint.Exists ? model.Chi1(fixedPoint.Length) : double.PositiveInfinity;
            }).ToArray();
        });
        return result;
    }

    private static void CheckGrid(IReadOnlyList<double> weightVariances, IReadOnlyList<double> biasVariances)
    {
        ArgumentNullException.ThrowIfNull(weightVariances);
        ArgumentNullException.ThrowIfNull(biasVariances);
        if (weightVariances.Count == 0) throw new ArgumentException("weightVariances needs at least one value.",
            nameof(weightVariances));
        if (biasVariances.Count == 0) throw new ArgumentException("biasVariances needs at least one value.",
            nameof(biasVariances));
        for (int i = 0; i < weightVariances.Count; i++)
            if (!(double.IsFinite(weightVariances[i]) && weightVariances[i] > 0))
                throw new ArgumentOutOfRangeException(nameof(weightVariances), weightVariances[i],
                    $"weightVariances[{i}] must be finite and positive, but it is {weightVariances[i]}.");
        for (int i = 0; i < biasVariances.Count; i++)
            if (!(double.IsFinite(biasVariances[i]) && biasVariances[i] >= 0))
                throw new ArgumentOutOfRangeException(nameof(biasVariances), biasVariances[i],
                    $"biasVariances[{i}] must be finite and non-negative, but it is {biasVariances[i]}.");
    }
}
