using System.Runtime.CompilerServices;
using WeightInit.Activations;
using WeightInit.Kernels;
using WeightInit.LinearAlgebra;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// Causal multi-head self-attention (Vaswani et al. 2017, "Attention Is All You Need"; GPT's masked form, as nanoGPT's
/// <c>CausalSelfAttention</c>): on rows of sequences of length T, [Q K V] = X W_in^T + b_in (one (3d, d) projection),
/// per sequence and head h with d_head = d / heads features, S = s Q_h K_h^T with logit scale s, A = softmax of each
/// row of S over the keys j &lt;= i (the causal mask), Y_h = A V_h, and the output Y W_out^T + b_out of the heads side
/// by side.
/// </summary>
/// <remarks>
/// <para>The softmax subtracts each row's largest logit before exponentiating, so no exponential overflows. The scale
/// s is 1/sqrt(d_head) in the standard parametrization and 1/d_head in muP (<see cref="AttentionScaling"/>).</para>
/// <para>Backward, per sequence and head, from G = dLoss/dY_h: dA = G V^T, dV = A^T G, dS_ij = s A_ij (dA_ij - sum_k
/// A_ik dA_ik) for j &lt;= i (0 above the diagonal), dQ = dS K, dK = dS^T Q; then the projections' own backward passes.
/// Every product is <see cref="MatrixMultiply"/>'s; the (sequence, head) pairs are shared out over the cores and each
/// writes its own rows and columns, so the result does not depend on the thread count.</para>
/// <para>The layer takes count rows that are count / T whole sequences of <see cref="SequenceLength"/> tokens.</para>
/// </remarks>
public sealed class CausalSelfAttention : Layer
{
    /// <summary>Below this many floating-point operations a pass over the pairs stays on the calling thread.</summary>
    private const long SerialFlops = 1_000_000;

    /// <summary>The products of one (sequence, head) pair: the automatic path on the calling thread.</summary>
    private static readonly GemmOptions Serial = new(SimdPath.Auto, Workers: 1);

    private readonly DenseLayer _input, _output;
    private readonly Parameter[] _parameters;
    private int _sequenceLength;
    private int _pairs, _passLength;
    private double[] _projected = [], _heads = [], _probabilities = [], _concat = [], _concatGradient = [],
        _projectedGradient = [];
    private double[][] _scratch = [];

    /// <summary>Creates the layer with all-zero projections.</summary>
    /// <param name="width">d, the width of the rows; at least 1 and a multiple of <paramref name="heads"/>.</param>
    /// <param name="heads">The number of heads; at least 1.</param>
    /// <param name="contextLength">The longest sequence; at least 1. <see cref="SequenceLength"/> starts here.</param>
    /// <param name="logitScale">s, the factor on Q K^T; finite and non-negative.</param>
    public CausalSelfAttention(int width, int heads, int contextLength, double logitScale) : base(width, width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contextLength);
        if (width % heads != 0)
            throw new ArgumentException($"width ({width}) must be divisible by heads ({heads}): each head takes " +
                $"width / heads features.", nameof(width));
        Guard.FiniteNonNegative(logitScale);
        Heads = heads;
        HeadWidth = width / heads;
        ContextLength = contextLength;
        LogitScale = logitScale;
        _sequenceLength = contextLength;
        _input = new DenseLayer(width, 3 * width, Activation.Identity);
        _output = new DenseLayer(width, width, Activation.Identity);
        _parameters = [.. _input.Parameters, .. _output.Parameters];
    }

    /// <summary>The number of heads.</summary>
    public int Heads { get; }

    /// <summary>d_head = d / heads.</summary>
    public int HeadWidth { get; }

    /// <summary>The longest sequence the layer takes.</summary>
    public int ContextLength { get; }

    /// <summary>s, the factor on the logits Q K^T.</summary>
    public double LogitScale { get; }

    /// <summary>
    /// T, the length of the sequences of the next passes: count rows are count / T sequences. In [1, ContextLength].
    /// </summary>
    public int SequenceLength
    {
        get => _sequenceLength;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(SequenceLength));
            if (value > ContextLength)
                throw new ArgumentOutOfRangeException(nameof(SequenceLength), value,
                    $"SequenceLength ({value}) must not exceed the context length ({ContextLength}).");
            _sequenceLength = value;
        }
    }

    /// <summary>
    /// The most threads a pass uses over the (sequence, head) pairs: positive, or -1 for one per core (the default).
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>
    /// The input projection (3d, d): rows [0, d) the query weights, [d, 2d) the key, [2d, 3d) the value weights.
    /// </summary>
    public DenseLayer InputProjection => _input;

    /// <summary>The output projection (d, d) of the concatenated heads.</summary>
    public DenseLayer OutputProjection => _output;

    /// <summary>The input projection's weights and biases, then the output projection's.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// When set, the next forward pass writes its scaled logits here (the entries j &lt;= i of each pair, row by row).
    /// </summary>
    internal double[]? LogitRecord { get; set; }

    /// <summary>
    /// The attention probabilities of the last forward pass: pairs x T x T, zero above each diagonal.
    /// </summary>
    internal ReadOnlySpan<double> Probabilities => _probabilities.AsSpan(0, _pairs * _passLength * _passLength);

    /// <summary>The (sequence, head) pairs of the last forward pass.</summary>
    internal int PairCount => _pairs;

    /// <summary>The sequence length of the last forward pass.</summary>
    internal int PassLength => _passLength;

    /// <summary>The causal entries of one T x T pair: T (T + 1) / 2.</summary>
    internal static int CausalEntries(int sequenceLength) => sequenceLength * (sequenceLength + 1) / 2;

    internal override IReadOnlyList<Layer> Sublayers => [_input, _output];

    /// <inheritdoc/>
    public override CausalSelfAttention Clone()
    {
        var copy = new CausalSelfAttention(InputWidth, Heads, ContextLength, LogitScale)
        {
            SequenceLength = SequenceLength, MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        };
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Values.CopyTo(copy._parameters[i].Values);
            copy._parameters[i].LearningRateMultiplier = _parameters[i].LearningRateMultiplier;
        }
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"CausalSelfAttention({InputWidth}, {Heads} heads, scale {LogitScale:G4})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        int t = _sequenceLength, d = InputWidth;
        if (count % t != 0)
            throw new ArgumentException($"count ({count}) must be a whole number of sequences of SequenceLength " +
                $"({t}) rows.", nameof(count));
        _passLength = t;
        _pairs = count / t * Heads;
        _input.ForwardCore(input, count, Buffer(ref _projected, count * 3 * d), context);
        Buffer(ref _heads, 3 * count * d);
        Buffer(ref _probabilities, _pairs * t * t);
        Buffer(ref _concat, count * d);
        if (LogitRecord is not null && LogitRecord.Length < _pairs * CausalEntries(t))
            throw new InvalidOperationException("The logit record is too short for this pass.");
        RunPairs(backward: false);
        _output.ForwardCore(_concat.AsSpan(0, count * d), count, output, context);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int d = InputWidth;
        _output.BackwardCore(_concat.AsSpan(0, count * d), outputGradient, count, Buffer(ref _concatGradient,
            count * d),
            parameterGradients[2..4], context);
        var projectedGradient = Buffer(ref _projectedGradient, count * 3 * d);
        RunPairs(backward: true);
        _input.BackwardCore(input, projectedGradient, count, inputGradient, parameterGradients[..2], context);
    }

    /// <summary>
    /// Runs every (sequence, head) pair of the current pass, forward or backward, on one or more threads.
    /// </summary>
    private void RunPairs(bool backward)
    {
        int t = _passLength, dh = HeadWidth, pairs = _pairs;
        long flops = (backward ? 8L : 4L) * pairs * t * t * dh;
        int workers = ParallelWork.Workers(flops, SerialFlops, pairs, MaxDegreeOfParallelism);
        int scratchLength = 2 * t * dh + t * t;
        if (_scratch.Length < workers) Array.Resize(ref _scratch, workers);
        for (int w = 0; w < workers; w++)
            if (_scratch[w] is null || _scratch[w].Length < scratchLength) _scratch[w] = new double[scratchLength];
        if (workers == 1)
        {
            for (int p = 0; p < pairs; p++) RunPair(p, _scratch[0], backward);
            return;
        }
        ParallelWork.For(workers, workers, w =>
        {
            int end = (int)((long)pairs * (w + 1) / workers);
            for (int p = (int)((long)pairs * w / workers); p < end; p++) RunPair(p, _scratch[w], backward);
        });
    }

    private void RunPair(int pair, double[] scratch, bool backward)
    {
        if (backward) BackwardPair(pair, scratch);
        else ForwardPair(pair, scratch);
    }

    private void ForwardPair(int pair, double[] scratch)
    {
        int t = _passLength, dh = HeadWidth, d = InputWidth, block = t * dh;
        int sequence = pair / Heads, head = pair % Heads;
        var q = _heads.AsSpan(pair * block, block);
        var k = _heads.AsSpan((_pairs + pair) * block, block);
        var v = _heads.AsSpan((2 * _pairs + pair) * block, block);
        for (int i = 0; i < t; i++)
        {
            var row = _projected.AsSpan((sequence * t + i) * 3 * d, 3 * d);
            row.Slice(head * dh, dh).CopyTo(q.Slice(i * dh, dh));
            row.Slice(d + head * dh, dh).CopyTo(k.Slice(i * dh, dh));
            row.Slice(2 * d + head * dh, dh).CopyTo(v.Slice(i * dh, dh));
        }
        var a = _probabilities.AsSpan(pair * t * t, t * t);
        MatrixMultiply.Compute(ProductForm.MultiplyTransposed, q, k, a, t, dh, t, false, Serial);
        SimdMap.Run(new ScaleOperator(LogitScale), a, default, default, a);
        var record = LogitRecord;
        for (int i = 0; i < t; i++)
        {
            var row = a.Slice(i * t, i + 1);
            if (record is not null) row.CopyTo(record.AsSpan(pair * CausalEntries(t) + CausalEntries(i), i + 1));
            SimdMap.Run(new ShiftedExponential(MaxOf(row)), row, default, default, row);
            double total = SimdReduce.Sum(new IdentityOperator(), row, default, default);
            SimdMap.Run(new ScaleOperator(1 / total), row, default, default, row);
            a.Slice(i * t + i + 1, t - i - 1).Clear();
        }
        var y = scratch.AsSpan(0, block);
        MatrixMultiply.Compute(ProductForm.Multiply, a, v, y, t, t, dh, false, Serial);
        for (int i = 0; i < t; i++) y.Slice(i * dh, dh).CopyTo(_concat.AsSpan((sequence * t + i) * d + head * dh, dh));
    }

    private void BackwardPair(int pair, double[] scratch)
    {
        int t = _passLength, dh = HeadWidth, d = InputWidth, block = t * dh;
        int sequence = pair / Heads, head = pair % Heads;
        ReadOnlySpan<double> q = _heads.AsSpan(pair * block, block);
        ReadOnlySpan<double> k = _heads.AsSpan((_pairs + pair) * block, block);
        ReadOnlySpan<double> v = _heads.AsSpan((2 * _pairs + pair) * block, block);
        ReadOnlySpan<double> a = _probabilities.AsSpan(pair * t * t, t * t);
        var g = scratch.AsSpan(0, block);
        var dA = scratch.AsSpan(block, t * t);
        var dV = scratch.AsSpan(block + t * t, block);
        for (int i = 0; i < t; i++) _concatGradient.AsSpan((sequence * t + i) * d + head * dh,
            dh).CopyTo(g.Slice(i * dh, dh));
        MatrixMultiply.Compute(ProductForm.MultiplyTransposed, g, v, dA, t, dh, t, false, Serial);
        MatrixMultiply.Compute(ProductForm.TransposeMultiply, a, g, dV, t, t, dh, false, Serial);
        double s = LogitScale;
        for (int i = 0; i < t; i++)
        {
            var ai = a.Slice(i * t, i + 1);
            var di = dA.Slice(i * t, i + 1);
            double weighted = 0;
            for (int j = 0; j <= i; j++) weighted += ai[j] * di[j];
            for (int j = 0; j <= i; j++) di[j] = s * ai[j] * (di[j] - weighted);
            dA.Slice(i * t + i + 1, t - i - 1).Clear();
        }
        var dQ = g; // G is no longer needed
        MatrixMultiply.Compute(ProductForm.Multiply, dA, k, dQ, t, t, dh, false, Serial);
        Scatter(dQ, sequence, head * dh);
        var dK = g;
        MatrixMultiply.Compute(ProductForm.TransposeMultiply, dA, q, dK, t, t, dh, false, Serial);
        Scatter(dK, sequence, d + head * dh);
        Scatter(dV, sequence, 2 * d + head * dh);
    }

    /// <summary>
    /// Copies a T x d_head block into columns [column, column + d_head) of the sequence's rows of dLoss/d[Q K V].
    /// </summary>
    private void Scatter(ReadOnlySpan<double> block, int sequence, int column)
    {
        int t = _passLength, dh = HeadWidth, width = 3 * InputWidth;
        for (int i = 0; i < t; i++) block.Slice(i * dh,
            dh).CopyTo(_projectedGradient.AsSpan((sequence * t + i) * width + column, dh));
    }

    /// <summary>The largest value of a row (NaN propagates).</summary>
    private static double MaxOf(ReadOnlySpan<double> values)
    {
        double max = values[0];
        for (int i = 1; i < values.Length; i++) max = Math.Max(max, values[i]);
        return max;
    }

    /// <summary>e^(a - shift) (<see cref="SimdMath.Exp{TV}"/>, the same bits at every register width).</summary>
    private readonly struct ShiftedExponential(double shift) : IMapOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
        {
            return SimdMath.Exp(a - TV.Create(shift));
        }
    }
}
