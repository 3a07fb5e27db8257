using WeightInit.Random;
using WeightInit.Simulation;

namespace WeightInit.Theory;

/// <summary>
/// How <see cref="PropagationMeasurement.Run"/> measures a network: pairs of inputs of length q_0 and correlation c_0,
/// whether to measure gradients, the precision, the seed and the threads. The network is the <see cref="DeepNetwork"/>.
/// </summary>
/// <remarks>
/// Each input pair (x_a, x_b) is drawn and then made exact: |x_a|^2 / n_0 = |x_b|^2 / n_0 = q_0 and
/// x_a . x_b / (|x_a| |x_b|) = c_0, so that the first layer's mean-field state is exactly q^1 = sigma_w^2 q_0 +
/// sigma_b^2 and c^1 = (sigma_w^2 q_0 c_0 + sigma_b^2) / q^1. The inputs come from random stream 2^34 of
/// <see cref="Seed"/>; the
/// weights and biases from the network's own streams of the same seed (<see cref="DeepNetwork.FillWeights{T}"/>), so
/// the same seed at another sigma_w^2 draws the same standard-normal weights, scaled.
/// </remarks>
public sealed record PropagationOptions
{
    /// <summary>Random stream of the input pairs.</summary>
    internal const ulong InputStream = 1UL << 34;

    /// <summary>How many input pairs; at least 1 (default 32: a batch of 64).</summary>
    public int PairCount { get; init; } = 32;

    /// <summary>q_0, the mean square of every input's entries; finite and positive (default 1).</summary>
    public double InputLength { get; init; } = 1;

    /// <summary>c_0, the correlation within each pair; in [-1, 1] (default 0.5).</summary>
    public double InputCorrelation { get; init; } = 0.5;

    /// <summary>Also run the backward pass and measure how the mean squared gradient grows per layer (default
    /// false).</summary>
    public bool MeasureGradients { get; init; }

    /// <summary>The simulator's precision (default double).</summary>
    public FloatPrecision Precision { get; init; } = FloatPrecision.Double;

    /// <summary>The seed of the inputs, weights and biases.</summary>
    public ulong Seed { get; init; }

    /// <summary>Threads the simulator may use: -1 (default) for all, or a positive number.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that breaks its rule.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PairCount);
        Guard.FinitePositive(InputLength);
        GaussianExpectation.CheckCorrelation(InputCorrelation, nameof(InputCorrelation));
        Guard.Defined(Precision);
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"{nameof(MaxDegreeOfParallelism)} must be -1 (all cores) or positive, " +
                $"but it is {MaxDegreeOfParallelism}.");
    }

    /// <summary>The input batch: PairCount pairs, 2 PairCount x n values row-major, samples 2k and 2k + 1 forming pair
    /// k.</summary>
    /// <param name="width">n_0, at least 2.</param>
    /// <returns>The inputs.</returns>
    internal double[] CreateInputs(int width)
    {
        int n = width;
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
