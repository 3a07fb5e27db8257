using WeightInit.Activations;
using WeightInit.Random;
using WeightInit.Simulation;

namespace WeightInit.Theory;

/// <summary>
/// An experiment that measures what <see cref="MeanFieldModel"/> predicts: pairs of inputs of length
/// q_0 and correlation c_0 are pushed through the same random network (the simulator,
/// <see cref="DeepNetworkSimulator"/>) with weights of variance sigma_w^2 / n and biases of variance
/// sigma_b^2, and every layer's pre-activation lengths and pair correlations are recorded
/// (<see cref="PropagationMeasurement"/>), optionally with the gradients' growth.
/// </summary>
/// <remarks>
/// Each input pair (x_a, x_b) is drawn and then made exact: |x_a|^2 / n = |x_b|^2 / n = q_0 and
/// x_a . x_b / (|x_a| |x_b|) = c_0, so that the first layer's mean-field state is exactly
/// q^1 = sigma_w^2 q_0 + sigma_b^2 and c^1 = (sigma_w^2 q_0 c_0 + sigma_b^2) / q^1 (<see cref="FirstLayerState"/>).
/// The inputs come from random stream 2^34 of <see cref="Seed"/>; the weights and biases from the
/// simulator's own streams of the same seed, so the same seed at another sigma_w^2 draws the same
/// standard-normal weights, scaled.
/// </remarks>
public sealed record PropagationExperiment
{
    /// <summary>Random stream of the input pairs.</summary>
    internal const ulong InputStream = 1UL << 34;

    /// <summary>phi. Required.</summary>
    public required Activation Activation { get; init; }

    /// <summary>sigma_w^2, finite and positive. Required.</summary>
    public required double WeightVariance { get; init; }

    /// <summary>sigma_b^2, finite and non-negative (default 0).</summary>
    public double BiasVariance { get; init; }

    /// <summary>Gaussian (default) or orthogonal weights.</summary>
    public WeightDistribution Weights { get; init; } = WeightDistribution.Gaussian;

    /// <summary>n, the width of the input and of every layer (default 256).</summary>
    public int Width { get; init; } = 256;

    /// <summary>L, the number of layers (default 50).</summary>
    public int Depth { get; init; } = 50;

    /// <summary>How many input pairs (default 32: a batch of 64).</summary>
    public int PairCount { get; init; } = 32;

    /// <summary>q_0, the mean square of every input's entries; finite and positive (default 1).</summary>
    public double InputLength { get; init; } = 1;

    /// <summary>c_0, the correlation within each pair; in [-1, 1] (default 0.5).</summary>
    public double InputCorrelation { get; init; } = 0.5;

    /// <summary>Also run the backward pass and measure how the mean squared gradient grows per layer (default false).</summary>
    public bool MeasureGradients { get; init; }

    /// <summary>The simulator's precision (default double).</summary>
    public FloatPrecision Precision { get; init; } = FloatPrecision.Double;

    /// <summary>The seed of the inputs, weights and biases.</summary>
    public ulong Seed { get; init; }

    /// <summary>Threads the simulator may use: -1 (default) for all, or a positive number.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The mean-field state of the first layer's pre-activations: q^1 = sigma_w^2 q_0 + sigma_b^2, c^1 = (sigma_w^2 q_0 c_0 + sigma_b^2) / q^1.</summary>
    public SignalPair FirstLayerState
    {
        get
        {
            double q = WeightVariance * InputLength + BiasVariance;
            return new SignalPair(q, q, (WeightVariance * InputLength * InputCorrelation + BiasVariance) / q);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        NetworkRules.Check(Activation, WeightVariance, BiasVariance, Weights, Width, Depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PairCount);
        Guard.FinitePositive(InputLength);
        GaussianExpectation.CheckCorrelation(InputCorrelation, nameof(InputCorrelation));
        if (Width < 2)
            throw new ArgumentOutOfRangeException(nameof(Width), Width, $"{nameof(Width)} must be at least 2 to hold two inputs with a given correlation, but it is {Width}.");
    }

    /// <summary>The mean-field prediction for layers 1..L: <see cref="MeanFieldModel.PropagatePair"/> from <see cref="FirstLayerState"/>.</summary>
    /// <returns>L states; element l - 1 is layer l.</returns>
    public SignalPair[] Predict()
    {
        Validate();
        var model = new MeanFieldModel(Activation, WeightVariance, BiasVariance);
        return Depth == 1 ? [FirstLayerState] : model.PropagatePair(FirstLayerState, Depth - 1);
    }

    /// <summary>The input batch: PairCount pairs, 2 PairCount x n values row-major, sample 2k and 2k + 1 forming pair k.</summary>
    /// <returns>The inputs.</returns>
    public double[] CreateInputs()
    {
        Validate();
        int n = Width;
        var inputs = new double[2 * PairCount * n];
        var random = new RandomSource(Seed).Fork(InputStream);
        double norm = Math.Sqrt(n * InputLength), s = Math.Sqrt(Math.Max(0, 1 - InputCorrelation * InputCorrelation));
        var e1 = new double[n];
        var e2 = new double[n];
        for (int p = 0; p < PairCount; p++)
        {
            random.FillNormal(e1, 0, 1);
            random.FillNormal(e2, 0, 1);
            Normalize(e1);
            double projection = GaussianExpectation.Dot(e1, e2);
            for (int i = 0; i < n; i++) e2[i] -= projection * e1[i];
            Normalize(e2);
            var a = inputs.AsSpan(2 * p * n, n);
            var b = inputs.AsSpan((2 * p + 1) * n, n);
            for (int i = 0; i < n; i++)
            {
                a[i] = norm * e1[i];
                b[i] = norm * (InputCorrelation * e1[i] + s * e2[i]);
            }
        }
        return inputs;
    }

    private static void Normalize(Span<double> v)
    {
        double length = Math.Sqrt(GaussianExpectation.Dot(v, v));
        for (int i = 0; i < v.Length; i++) v[i] /= length;
    }
}
