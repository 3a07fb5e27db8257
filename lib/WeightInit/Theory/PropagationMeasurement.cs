using WeightInit.Simulation;

namespace WeightInit.Theory;

/// <summary>
/// What <see cref="Run"/> measured of a <see cref="DeepNetwork"/> in the simulator, layer by layer: the length
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

    private PropagationMeasurement(DeepNetwork network, PropagationOptions options, double[] lengths,
        double[] lengthErrors,
        double[] correlations, double[] correlationErrors, double[]? gradients)
    {
        (Network, Options, Lengths, LengthStandardErrors, Correlations, CorrelationStandardErrors, _gradients) =
            (network, options, lengths, lengthErrors, correlations, correlationErrors, gradients);
    }

    /// <summary>The network measured.</summary>
    public DeepNetwork Network { get; }

    /// <summary>How it was measured.</summary>
    public PropagationOptions Options { get; }

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
    /// <exception cref="InvalidOperationException">The options did not ask for gradients.</exception>
    public IReadOnlyList<double> GradientMeanSquares => _gradients
        ?? throw new InvalidOperationException(
            $"Set {nameof(PropagationOptions.MeasureGradients)} to measure gradients.");

    /// <summary>
    /// The mean squared gradient's growth per layer backwards, (E[g_0^2] / E[g_L^2])^(1/L): the measured
    /// counterpart of chi_1 (mean-field theory predicts the product of chi_1(q_l) over the layers).
    /// </summary>
    public double GradientGrowthPerLayer
        => Math.Pow(GradientMeanSquares[0] / GradientMeanSquares[^1], 1.0 / Network.Depth);

    /// <summary>
    /// Pushes the input pairs <paramref name="options"/> describes through <paramref name="network"/> in the simulator
    /// (<see cref="DeepNetworkSimulator"/>, the network's own weights and biases for the seed) and records every
    /// layer's pre-activation lengths and pair correlations.
    /// </summary>
    /// <param name="network">The network; its input at least 2 wide (two inputs with a given correlation).</param>
    /// <param name="options">The pairs, precision and seed; null for the defaults. Validated first.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule, or the input is 1 wide.</exception>
    public static PropagationMeasurement Run(DeepNetwork network, PropagationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new PropagationOptions();
        options.Validate();
        if (network.Widths[0] < 2)
            throw new ArgumentException(
                "network's input must be at least 2 wide to hold two inputs with a given correlation, " +
                $"but it is {network.Widths[0]}.",
                nameof(network));
        int depth = network.Depth, pairs = options.PairCount, samples = 2 * pairs;
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
                double dot =
                    GaussianExpectation.Dot(z.Slice(2 * p * width, width), z.Slice((2 * p + 1) * width, width)) / width;
                double denominator = Math.Sqrt(perSample[2 * p] * perSample[2 * p + 1]);
                perPair[p] = denominator > 0 ? dot / denominator : 1; // two zero vectors coincide
            }
            (lengths[layer - 1], lengthErrors[layer - 1]) = MeanAndError(perSample);
            (correlations[layer - 1], correlationErrors[layer - 1]) = MeanAndError(perPair);
        }

        var result = DeepNetworkSimulator.Run(network, new SimulationOptions
        {
            BatchSize = samples,
            Precision = options.Precision,
            Seed = options.Seed,
            Input = options.CreateInputs(network.Widths[0]),
            ComputeBackward = options.MeasureGradients,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            PreActivationObserver = Observe,
        });
        double[]? gradients = result.Backward?.Select(s => s.MeanSquare).ToArray();
        return new PropagationMeasurement(network, options, lengths, lengthErrors, correlations, correlationErrors,
            gradients);
    }

    /// <summary>
    /// What mean-field theory predicts for the measurement: <see cref="MeanFieldModel.PropagatePair"/> of
    /// <see cref="MeanFieldModel.For"/>(<paramref name="network"/>) from the first layer's exact state,
    /// q^1 = sigma_w^2 q_0 + sigma_b^2 and c^1 = (sigma_w^2 q_0 c_0 + sigma_b^2) / q^1, over the network's L layers.
    /// </summary>
    /// <param name="network">The network; its initializers must state one sigma_w^2 and sigma_b^2 (see
    /// <see cref="MeanFieldModel.For"/>).</param>
    /// <param name="options">The input length q_0 and correlation c_0; null for the defaults.</param>
    /// <returns>L states; element l - 1 is layer l.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule, or the network has no mean-field
    /// model.</exception>
    public static SignalPair[] Predict(DeepNetwork network, PropagationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new PropagationOptions();
        options.Validate();
        var model = MeanFieldModel.For(network);
        double w = model.WeightVariance, b = model.BiasVariance, q0 = options.InputLength;
        double q = w * q0 + b;
        var first = new SignalPair(q, q, (w * q0 * options.InputCorrelation + b) / q);
        return network.Depth == 1 ? [first] : model.PropagatePair(first, network.Depth - 1);
    }

    /// <summary>
    /// A per-layer quantity averaged over independent networks (runs of one network with different seeds),
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
        if (runs.Count
            < 2) throw new ArgumentException($"runs must hold at least two measurements to estimate a spread, but it " +
            $"holds {runs.Count}.", nameof(runs));
        int depth = runs[0].Network.Depth;
        if (runs.Any(r => r.Network.Depth != depth)) throw new ArgumentException("runs must all have the same depth.",
            nameof(runs));
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
