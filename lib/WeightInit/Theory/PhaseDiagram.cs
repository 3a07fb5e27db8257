namespace WeightInit.Theory;

/// <summary>
/// A measured phase diagram: one <see cref="PropagationExperiment"/> per grid point (sigma_w^2,
/// sigma_b^2), run in the simulator, keeping what separates the phases after L layers: the pairs'
/// correlation c_L (1 in the ordered phase, c* &lt; 1 in the chaotic phase), the length q_L and, when
/// the template measures gradients, the gradient's growth per layer (the measured chi_1). The
/// counterpart of Schoenholz et al. (2017), Fig. 1, and Poole et al. (2016), Fig. 2.
/// </summary>
public sealed class PhaseDiagram
{
    private PhaseDiagram(IReadOnlyList<double> weightVariances, IReadOnlyList<double> biasVariances, double[][] correlations,
        double[][] lengths, double[][]? gradientGrowth, TimeSpan elapsed)
    {
        WeightVariances = weightVariances;
        BiasVariances = biasVariances;
        FinalCorrelations = correlations;
        FinalLengths = lengths;
        GradientGrowth = gradientGrowth;
        Elapsed = elapsed;
    }

    /// <summary>The sigma_w^2 of the columns.</summary>
    public IReadOnlyList<double> WeightVariances { get; }

    /// <summary>The sigma_b^2 of the rows.</summary>
    public IReadOnlyList<double> BiasVariances { get; }

    /// <summary>c_L, [row = sigma_b^2 index][column = sigma_w^2 index].</summary>
    public double[][] FinalCorrelations { get; }

    /// <summary>q_L, indexed like <see cref="FinalCorrelations"/>.</summary>
    public double[][] FinalLengths { get; }

    /// <summary>(E[g_0^2] / E[g_L^2])^(1/L), indexed like <see cref="FinalCorrelations"/>; null unless the template measures gradients.</summary>
    public double[][]? GradientGrowth { get; }

    /// <summary>The wall-clock time of the sweep.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Runs <paramref name="template"/> with every (sigma_w^2, sigma_b^2) of the grid, grid points in
    /// parallel (each simulation single-threaded, so the result does not depend on the thread count).
    /// </summary>
    /// <param name="template">Everything but the variances (its own are replaced).</param>
    /// <param name="weightVariances">The columns: finite, positive sigma_w^2 values; at least one.</param>
    /// <param name="biasVariances">The rows: finite, non-negative sigma_b^2 values; at least one.</param>
    /// <param name="maxDegreeOfParallelism">-1 for all cores, or a positive number of grid points run at once.</param>
    /// <returns>The diagram.</returns>
    public static PhaseDiagram Measure(PropagationExperiment template, IReadOnlyList<double> weightVariances, IReadOnlyList<double> biasVariances,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(template);
        CheckGrid(weightVariances, biasVariances);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"{nameof(maxDegreeOfParallelism)} must be -1 (all cores) or positive, but it is {maxDegreeOfParallelism}.");
        (template with { WeightVariance = weightVariances[0], BiasVariance = biasVariances[0] }).Validate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int rows = biasVariances.Count, columns = weightVariances.Count;
        double[][] New() => [.. Enumerable.Range(0, rows).Select(_ => new double[columns])];
        var correlations = New();
        var lengths = New();
        var growth = template.MeasureGradients ? New() : null;
        Parallel.For(0, rows * columns, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            int r = k / columns, c = k % columns;
            var m = PropagationMeasurement.Run(template with
            {
                WeightVariance = weightVariances[c],
                BiasVariance = biasVariances[r],
                MaxDegreeOfParallelism = 1,
            });
            correlations[r][c] = m.Correlations[^1];
            lengths[r][c] = m.Lengths[^1];
            if (growth is not null) growth[r][c] = m.GradientGrowthPerLayer;
        });
        return new PhaseDiagram(weightVariances.ToArray(), biasVariances.ToArray(), correlations, lengths, growth, clock.Elapsed);
    }

    /// <summary>chi_1 predicted at every grid point, [row = sigma_b^2 index][column = sigma_w^2 index] (+infinity where q has no fixed point).</summary>
    /// <param name="activation">phi.</param>
    /// <param name="weightVariances">The columns: finite, positive sigma_w^2 values.</param>
    /// <param name="biasVariances">The rows: finite, non-negative sigma_b^2 values.</param>
    /// <returns>The predicted chi_1.</returns>
    public static double[][] PredictChi1(WeightInit.Activations.Activation activation, IReadOnlyList<double> weightVariances, IReadOnlyList<double> biasVariances)
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
        if (weightVariances.Count == 0) throw new ArgumentException("weightVariances needs at least one value.", nameof(weightVariances));
        if (biasVariances.Count == 0) throw new ArgumentException("biasVariances needs at least one value.", nameof(biasVariances));
        for (int i = 0; i < weightVariances.Count; i++)
            if (!(double.IsFinite(weightVariances[i]) && weightVariances[i] > 0))
                throw new ArgumentOutOfRangeException(nameof(weightVariances), weightVariances[i], $"weightVariances[{i}] must be finite and positive, but it is {weightVariances[i]}.");
        for (int i = 0; i < biasVariances.Count; i++)
            if (!(double.IsFinite(biasVariances[i]) && biasVariances[i] >= 0))
                throw new ArgumentOutOfRangeException(nameof(biasVariances), biasVariances[i], $"biasVariances[{i}] must be finite and non-negative, but it is {biasVariances[i]}.");
    }
}
