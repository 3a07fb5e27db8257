using WeightInit.Initializers;
using WeightInit.Simulation;

namespace WeightInit.Theory;

/// <summary>
/// What a <see cref="PropagationExperiment"/> measured in the simulator, layer by layer: the length
/// q_l of the pre-activations (the mean of z^2 over a sample's units, averaged over the samples) and
/// the correlation c_l of each input pair's pre-activations (averaged over the pairs), with their
/// standard errors over the samples (or pairs) of this one network; and, when asked, the mean squared
/// gradient of every layer's output.
/// </summary>
/// <remarks>
/// The standard errors treat the samples as independent, which they are given the network, but all of
/// them share the network's weights: compare with theory across several seeds to include the spread
/// between networks.
/// </remarks>
public sealed class PropagationMeasurement
{
    private readonly double[]? _gradients;

    private PropagationMeasurement(PropagationExperiment experiment, double[] lengths, double[] lengthErrors, double[] correlations,
        double[] correlationErrors, double[]? gradients)
    {
        Experiment = experiment;
        Lengths = lengths;
        LengthStandardErrors = lengthErrors;
        Correlations = correlations;
        CorrelationStandardErrors = correlationErrors;
        _gradients = gradients;
    }

    /// <summary>The experiment.</summary>
    public PropagationExperiment Experiment { get; }

    /// <summary>q_l for l = 1..L (element l - 1).</summary>
    public IReadOnlyList<double> Lengths { get; }

    /// <summary>The standard error of each q_l over the samples.</summary>
    public IReadOnlyList<double> LengthStandardErrors { get; }

    /// <summary>c_l for l = 1..L (element l - 1).</summary>
    public IReadOnlyList<double> Correlations { get; }

    /// <summary>The standard error of each c_l over the pairs (0 for a single pair).</summary>
    public IReadOnlyList<double> CorrelationStandardErrors { get; }

    /// <summary>
    /// The mean squared gradient E[g_l^2] of the loss with respect to each layer's output, l = 0..L
    /// (element l; an N(0, 1) signal is injected at layer L), from the simulator's backward pass.
    /// </summary>
    /// <exception cref="InvalidOperationException">The experiment did not measure gradients.</exception>
    public IReadOnlyList<double> GradientMeanSquares => _gradients
        ?? throw new InvalidOperationException($"Set {nameof(PropagationExperiment.MeasureGradients)} to measure gradients.");

    /// <summary>
    /// The mean squared gradient's growth per layer backwards, (E[g_0^2] / E[g_L^2])^(1/L): the measured
    /// counterpart of chi_1 (mean-field theory predicts the product of chi_1(q_l) over the layers).
    /// </summary>
    public double GradientGrowthPerLayer => Math.Pow(GradientMeanSquares[0] / GradientMeanSquares[^1], 1.0 / Experiment.Depth);

    /// <summary>Runs the experiment in the simulator.</summary>
    /// <param name="experiment">The experiment; validated first.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="ArgumentException">An option of the experiment breaks its rule.</exception>
    public static PropagationMeasurement Run(PropagationExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        experiment.Validate();
        int depth = experiment.Depth, pairs = experiment.PairCount, samples = 2 * pairs;
        var lengths = new double[depth];
        var lengthErrors = new double[depth];
        var correlations = new double[depth];
        var correlationErrors = new double[depth];
        var perSample = new double[samples];
        var perPair = new double[pairs];
        void Observe(int layer, ReadOnlySpan<double> z, int width)
        {
            for (int s = 0; s < samples; s++)
            {
                var row = z.Slice(s * width, width);
                perSample[s] = GaussianExpectation.Dot(row, row) / width;
            }
            for (int p = 0; p < pairs; p++)
            {
                double dot = GaussianExpectation.Dot(z.Slice(2 * p * width, width), z.Slice((2 * p + 1) * width, width)) / width;
                double denominator = Math.Sqrt(perSample[2 * p] * perSample[2 * p + 1]);
                perPair[p] = denominator > 0 ? dot / denominator : 1; // two zero vectors coincide
            }
            (lengths[layer - 1], lengthErrors[layer - 1]) = MeanAndError(perSample);
            (correlations[layer - 1], correlationErrors[layer - 1]) = MeanAndError(perPair);
        }

        var result = DeepNetworkSimulator.Run(new SimulationOptions
        {
            Depth = depth,
            Width = experiment.Width,
            BatchSize = samples,
            WeightInitializer = experiment.Weights.CreateInitializer(experiment.WeightVariance),
            BiasInitializer = experiment.BiasVariance > 0 ? Init.Normal(0, Math.Sqrt(experiment.BiasVariance)) : null,
            Activation = experiment.Activation,
            Precision = experiment.Precision,
            Seed = experiment.Seed,
            Input = experiment.CreateInputs(),
            ComputeBackward = experiment.MeasureGradients,
            MaxDegreeOfParallelism = experiment.MaxDegreeOfParallelism,
            PreActivationObserver = Observe,
        });
        double[]? gradients = result.Backward?.Select(s => s.MeanSquare).ToArray();
        return new PropagationMeasurement(experiment, lengths, lengthErrors, correlations, correlationErrors, gradients);
    }

    /// <summary>
    /// A per-layer quantity averaged over independent networks (runs of one experiment with different seeds),
    /// with its standard error over them: the spread between networks that one run's own errors leave out.
    /// </summary>
    /// <param name="runs">At least two measurements of the same depth.</param>
    /// <param name="quantity">Which per-layer list to average, e.g. <c>m =&gt; m.Correlations</c>.</param>
    /// <returns>Per layer, the mean over the runs and its standard error (std / sqrt(runs)).</returns>
    /// <exception cref="ArgumentException">Fewer than two runs, or runs of different depths.</exception>
    public static (double[] Mean, double[] StandardError) AcrossNetworks(IReadOnlyList<PropagationMeasurement> runs,
        Func<PropagationMeasurement, IReadOnlyList<double>> quantity)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(quantity);
        if (runs.Count < 2) throw new ArgumentException($"runs must hold at least two measurements to estimate a spread, but it holds {runs.Count}.", nameof(runs));
        int depth = runs[0].Experiment.Depth;
        if (runs.Any(r => r.Experiment.Depth != depth)) throw new ArgumentException("runs must all have the same depth.", nameof(runs));
        var mean = new double[depth];
        var error = new double[depth];
        var values = new double[runs.Count];
        for (int l = 0; l < depth; l++)
        {
            for (int r = 0; r < runs.Count; r++) values[r] = quantity(runs[r])[l];
            (mean[l], error[l]) = MeanAndError(values);
        }
        return (mean, error);
    }

    /// <summary>The mean and its standard error (sample std / sqrt(n); 0 for n = 1).</summary>
    internal static (double Mean, double StandardError) MeanAndError(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= values.Length;
        if (values.Length < 2) return (mean, 0);
        double ss = 0;
        foreach (double v in values) ss += (v - mean) * (v - mean);
        return (mean, Math.Sqrt(ss / (values.Length - 1) / values.Length));
    }
}
