using System.Diagnostics;
using System.Numerics;
using WeightInit.Activations;
using WeightInit.Kernels;
using WeightInit.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Simulation;

/// <summary>
/// One run of the simulator in precision T (float or double). Streams through the layers holding
/// a few B x n buffers; weights are regenerated from the seed when they are needed again.
/// </summary>
/// <remarks>
/// Backward pass with an activation other than the identity: the derivatives f'(z_l) are needed
/// in reverse order. The forward pass keeps checkpoints x_c every s = ceil(sqrt(L)) layers; the
/// backward pass then recomputes one segment of s layers at a time from its checkpoint (keeping
/// that segment's weights and f'(z_l)) and backpropagates through it: O(sqrt L) buffers, one
/// extra forward product per layer (Chen et al. 2016, "Training Deep Nets with Sublinear Memory
/// Cost"). The identity needs no activations: the backward pass only regenerates the weights.
/// </remarks>
internal sealed class SimulationEngine<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Random stream of the backward pass's top gradient.</summary>
    internal const ulong TopGradientStream = 1UL << 33;

    private readonly DeepNetwork _network;
    private readonly SimulationOptions _options;
    private readonly int[] _widths;
    private readonly int _depth, _batch, _threads, _dop;
    private readonly RandomSource _root;
    private readonly bool _identity;
    private readonly double[] _slopeLimits;
    private readonly IProgress<SimulationProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Stopwatch _generation = new(), _products = new(), _activations = new(), _statistics = new();
    private readonly T[]?[] _keptWeights, _keptBiases;

    public SimulationEngine(DeepNetwork network, SimulationOptions options, IProgress<SimulationProgress>? progress,
        CancellationToken cancellationToken)
    {
        _network = network;
        _options = options;
        _widths = [.. network.Widths];
        _depth = network.Depth;
        _batch = options.BatchSize;
        _dop = options.MaxDegreeOfParallelism;
        _threads = ParallelWork.Limit(_dop);
        _root = new RandomSource(options.Seed);
        // A linear network needs no activations, and its backward pass only regenerates the weights.
        _identity = IsIdentity(network.Activation) && IsIdentity(network.OutputActivation);
        _slopeLimits = new double[_depth + 1];
        for (int l = 1; l <= _depth; l++) _slopeLimits[l] = Saturation.SlopeLimit(network.ActivationOf(l),
            options.SaturationThreshold);
        _progress = progress;
        _cancellationToken = cancellationToken;
        _keptWeights = new T[]?[options.KeepWeights ? _depth + 1 : 0];
        _keptBiases = new T[]?[options.KeepWeights ? _depth + 1 : 0];
    }

    private static bool IsIdentity(Activation activation) => activation is IdentityActivation;

    /// <summary>
    /// Whether layer l's saturated units must be counted from its slopes: not for the identity (slope 1 everywhere)
    /// nor for a limit that no slope can be below (ReLU's 0; NaN).
    /// </summary>
    private bool CountsSaturation(int l) => !IsIdentity(_network.ActivationOf(l)) && _slopeLimits[l] > 0;

    public SimulationResult Run()
    {
        var total = Stopwatch.StartNew();
        int maxWidth = _widths.Max();
        var x = new T[_batch * maxWidth];
        var z = new T[_batch * maxWidth];
        T[]? slopes = Enumerable.Range(1, _depth).Any(CountsSaturation) ? new T[_batch * maxWidth] : null;

        // Layer 0: the input.
        _generation.Start();
        var input = _options.InputBatch(_network);
        for (int i = 0; i < input.Length; i++) x[i] = T.CreateChecked(input[i]);
        _generation.Stop();
        var forward = new LayerStatistics[_depth + 1];
        forward[0] = Statistics(0, x, _widths[0]);

        bool backward = _options.ComputeBackward;
        int stride = CheckpointStride(_depth);
        var checkpoints = new Dictionary<int, T[]>();
        if (backward && !_identity) checkpoints[0] = x[..(_batch * _widths[0])];

        var block = new LayerParameters(_threads);
        for (int first = 1; first <= _depth; first += _threads)
        {
            int last = Math.Min(_depth, first + _threads - 1);
            Generate(block, first, last);
            for (int l = first; l <= last; l++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (w, b) = block[l - first];
                bool counts = CountsSaturation(l);
                ForwardLayer(l, x, w, b, z, counts ? slopes : null);
                (x, z) = (z, x);
                forward[l] = Statistics(l, x,
                    _widths[l]) with { SaturatedFraction = SaturatedFraction(l, counts ? slopes : null) };
                if (backward && !_identity && l % stride == 0 && l < _depth) checkpoints[l] =
                    x[..(_batch * _widths[l])];
                _progress?.Report(new SimulationProgress(SimulationPhase.Forward, l, _depth));
            }
        }
        double[] output = new double[_batch * _widths[_depth]];
        for (int i = 0; i < output.Length; i++) output[i] = double.CreateChecked(x[i]);

        LayerStatistics[]? backwardStatistics = null;
        if (backward)
            backwardStatistics = _identity ? BackwardLinear(x, z) : BackwardCheckpointed(checkpoints, stride, maxWidth);

        IReadOnlyList<double[]>? weights = null;
        if (_options.KeepWeights)
            weights =
                Enumerable.Range(1, _depth).Select(l => _keptWeights[l]!.Select(v => double.CreateChecked(v)).ToArray())
                .ToArray();
        total.Stop();
        var timings =
            new SimulationTimings(_generation.Elapsed, _products.Elapsed, _activations.Elapsed, _statistics.Elapsed,
            total.Elapsed);
        return new SimulationResult(_network, _options, _widths, forward, backwardStatistics, output, weights, timings);
    }

    /// <summary>The checkpoint spacing: ceil(sqrt(L)).</summary>
    internal static int CheckpointStride(int depth) => Math.Max(1, (int)Math.Ceiling(Math.Sqrt(depth)));

    /// <summary>
    /// One layer of the forward pass: z = x W^T + b, handed to the observer, then x_out = f(z) written into
    /// <paramref name="z"/>, and f'(z) into <paramref name="slopes"/> when given (for the saturated fraction), computed
    /// together as the trainer computes them
    /// (<see cref="Activation.ApplyWithDerivative{T}(ReadOnlySpan{T}, Span{T}, Span{T})"/>,
    /// whose f is the same bits as <see cref="Activation.Apply{T}(ReadOnlySpan{T}, Span{T})"/>'s).
    /// </summary>
    private void ForwardLayer(int l, T[] x, T[] w, T[]? b, T[] z, T[]? slopes)
    {
        int nOut = _widths[l];
        Affine(l, x, w, b, z);
        if (_options.PreActivationObserver is { } observer) Observe(observer, l, z, nOut);
        var activation = _network.ActivationOf(l);
        if (IsIdentity(activation)) return;
        _activations.Start();
        ForRows(nOut, (r0, r1) =>
        {
            var span = z.AsSpan(r0 * nOut, (r1 - r0) * nOut);
            if (slopes is null) activation.Apply<T>(span, span);
            else activation.ApplyWithDerivative<T>(span, span, slopes.AsSpan(r0 * nOut, (r1 - r0) * nOut));
        });
        _activations.Stop();
    }

    /// <summary>
    /// One layer recomputed for the backward pass: z = x W^T + b, then f'(z) into <paramref name="derivative"/> and
    /// x_out = f(z) into <paramref name="z"/> (an identity layer leaves z and sets no derivative).
    /// </summary>
    private void RecomputedLayer(int l, T[] x, T[] w, T[]? b, T[] z, T[] derivative)
    {
        int nOut = _widths[l];
        Affine(l, x, w, b, z);
        var activation = _network.ActivationOf(l);
        if (IsIdentity(activation)) return;
        _activations.Start();
        ForRows(nOut, (r0, r1) =>
            activation.Derivative<T>(z.AsSpan(r0 * nOut, (r1 - r0) * nOut),
                derivative.AsSpan(r0 * nOut, (r1 - r0) * nOut)));
        ForRows(nOut, (r0, r1) =>
        {
            var span = z.AsSpan(r0 * nOut, (r1 - r0) * nOut);
            activation.Apply<T>(span, span);
        });
        _activations.Stop();
    }

    /// <summary>z = x W_l^T + b_l.</summary>
    private void Affine(int l, T[] x, T[] w, T[]? b, T[] z)
    {
        int nIn = _widths[l - 1], nOut = _widths[l];
        _products.Start();
        MultiplyTransposed(x, w, z, _batch, nIn, nOut);
        if (b is not null) AddBias(z, b, nOut);
        _products.Stop();
    }

    /// <summary>The share of layer l's units that are saturated (<see cref="Saturation"/>), from its slopes when it can
    /// saturate.</summary>
    private double SaturatedFraction(int l, T[]? slopes)
    {
        if (slopes is null) return 0;
        _statistics.Start();
        int n = _widths[l];
        long saturated = 0;
        ForRows(n, (r0, r1) =>
            Interlocked.Add(ref saturated, Saturation.Count<T>(slopes.AsSpan(r0 * n, (r1 - r0) * n), _slopeLimits[l])));
        _statistics.Stop();
        return (double)saturated / ((long)_batch * n);
    }

    /// <summary>Hands layer l's pre-activations to the observer, in double.</summary>
    private void Observe(PreActivationObserver observer, int l, T[] z, int width)
    {
        var values = z.AsSpan(0, _batch * width);
        if (typeof(T) == typeof(double))
        {
            observer(l, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(values), width);
            return;
        }
        var converted = _observed ??= new double[z.Length];
        for (int i = 0; i < values.Length; i++) converted[i] = double.CreateChecked(values[i]);
        observer(l, converted.AsSpan(0, values.Length), width);
    }

    private double[]? _observed;

    private LayerStatistics[] BackwardLinear(T[] g, T[] scratch)
    {
        var result = new LayerStatistics[_depth + 1];
        _generation.Start();
        _root.Fork(TopGradientStream).FillNormal(g.AsSpan(0, _batch * _widths[_depth]), 0.0, 1.0);
        _generation.Stop();
        result[_depth] = Statistics(_depth, g, _widths[_depth]);
        var block = new LayerParameters(_threads);
        int done = 0;
        for (int top = _depth; top >= 1; top -= _threads)
        {
            int bottom = Math.Max(1, top - _threads + 1);
            Generate(block, bottom, top);
            for (int l = top; l >= bottom; l--)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (w, _) = block[l - bottom];
                _products.Start();
                Multiply(g, w, scratch, _batch, _widths[l], _widths[l - 1]);
                _products.Stop();
                (g, scratch) = (scratch, g);
                result[l - 1] = Statistics(l - 1, g, _widths[l - 1]);
                _progress?.Report(new SimulationProgress(SimulationPhase.Backward, ++done, _depth));
            }
        }
        return result;
    }

    private LayerStatistics[] BackwardCheckpointed(Dictionary<int, T[]> checkpoints, int stride, int maxWidth)
    {
        var result = new LayerStatistics[_depth + 1];
        var g = new T[_batch * maxWidth];
        var scratch = new T[_batch * maxWidth];
        var x = new T[_batch * maxWidth];
        _generation.Start();
        _root.Fork(TopGradientStream).FillNormal(g.AsSpan(0, _batch * _widths[_depth]), 0.0, 1.0);
        _generation.Stop();
        result[_depth] = Statistics(_depth, g, _widths[_depth]);
        var segment = new LayerParameters(stride);
        var derivatives = new T[stride][];
        for (int i = 0; i < stride; i++) derivatives[i] = new T[_batch * maxWidth];
        int done = 0;
        int lastStart = (_depth - 1) / stride * stride;
        for (int start = lastStart; start >= 0; start -= stride)
        {
            int end = Math.Min(_depth, start + stride);
            // Recompute the segment's pre-activations from its checkpoint, keeping f'(z_l) and W_l.
            Generate(segment, start + 1, end);
            var cp = checkpoints[start];
            Array.Copy(cp, x, cp.Length);
            for (int l = start + 1; l <= end; l++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (w, b) = segment[l - start - 1];
                RecomputedLayer(l, x, w, b, scratch, derivatives[l - start - 1]);
                (x, scratch) = (scratch, x);
            }
            for (int l = end; l > start; l--)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (w, _) = segment[l - start - 1];
                int n = _widths[l];
                var d = derivatives[l - start - 1];
                if (!IsIdentity(_network.ActivationOf(l)))
                {
                    _activations.Start();
                    ForRows(n, (r0, r1) =>
                    {
                        var gs = g.AsSpan(r0 * n, (r1 - r0) * n);
                        var ds = d.AsSpan(r0 * n, (r1 - r0) * n);
                        for (int i = 0; i < gs.Length; i++) gs[i] *= ds[i];
                    });
                    _activations.Stop();
                }
                _products.Start();
                Multiply(g, w, scratch, _batch, n, _widths[l - 1]);
                _products.Stop();
                (g, scratch) = (scratch, g);
                result[l - 1] = Statistics(l - 1, g, _widths[l - 1]);
                _progress?.Report(new SimulationProgress(SimulationPhase.Backward, ++done, _depth));
            }
        }
        return result;
    }

    /// <summary>The weights and biases of a block of consecutive layers.</summary>
    private sealed class LayerParameters(int capacity)
    {
        public readonly T[]?[] Weights = new T[]?[capacity];
        public readonly T[]?[] Biases = new T[]?[capacity];
        public (T[] W, T[]? B) this[int i] => (Weights[i]!, Biases[i]);
    }

    /// <summary>Draws (or fetches the kept) weights and biases of layers first..last into <paramref name="block"/>,
    /// layers in parallel.</summary>
    private void Generate(LayerParameters block, int first, int last)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _generation.Start();
        void One(int i)
        {
            int l = first + i;
            if (_options.KeepWeights && _keptWeights[l] is { } kw)
            {
                block.Weights[i] = kw;
                block.Biases[i] = _keptBiases[l];
                return;
            }
            int nOut = _widths[l], nIn = _widths[l - 1];
            var w = block.Weights[i];
            if (_options.KeepWeights || w is null || w.Length != nOut * nIn) w = new T[nOut * nIn];
            _network.FillWeights<T>(l, w, _options.Seed);
            block.Weights[i] = w;
            T[]? b = null;
            if (!_network.HasZeroBiases)
            {
                b = block.Biases[i];
                if (_options.KeepWeights || b is null || b.Length != nOut) b = new T[nOut];
                _network.FillBiases<T>(l, b, _options.Seed);
            }
            block.Biases[i] = b;
            if (_options.KeepWeights)
            {
                _keptWeights[l] = w;
                _keptBiases[l] = b;
            }
        }
        ParallelWork.For(last - first + 1, _dop, One);
        _generation.Stop();
    }

    private void AddBias(T[] z, T[] b, int n)
    {
        for (int r = 0; r < _batch; r++)
        {
            var row = z.AsSpan(r * n, n);
            for (int j = 0; j < n; j++) row[j] += b[j];
        }
    }

    private LayerStatistics Statistics(int layer, T[] values, int width)
    {
        _statistics.Start();
        var s = LayerStatisticsCalculator.Compute(layer, values, _batch, width, _dop);
        _statistics.Stop();
        return s;
    }

    /// <summary>Runs <paramref name="body"/>(r0, r1) over fixed row ranges of the batch, in parallel when it is big
    /// enough.</summary>
    private void ForRows(int width, Action<int, int> body)
    {
        int rowsPerChunk = Math.Max(1, LayerStatisticsCalculator.ChunkValues / Math.Max(1, width));
        int chunks = (_batch + rowsPerChunk - 1) / rowsPerChunk;
        // The same chunks serially as in parallel, so that an activation's span kernel sees the same pieces.
        ParallelWork.For(chunks, _dop, c => body(c * rowsPerChunk, Math.Min(_batch, (c + 1) * rowsPerChunk)));
    }

    /// <summary>C = A B^T on at most the run's threads (every element the same chain of fused multiply-adds whatever
    /// their number).</summary>
    private void MultiplyTransposed(T[] a, T[] b, T[] c, int m, int k, int n) =>
        MatrixMultiply.Compute<T>(ProductForm.MultiplyTransposed, a.AsSpan(0, m * k), b.AsSpan(0, n * k),
            c.AsSpan(0, m * n), m, k, n,
            accumulate: false, GemmOptions.Limited(m, k, n, _dop, System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));

    /// <summary>C = A B on at most the run's threads.</summary>
    private void Multiply(T[] a, T[] b, T[] c, int m, int k, int n) =>
        MatrixMultiply.Compute<T>(ProductForm.Multiply, a.AsSpan(0, m * k), b.AsSpan(0, k * n), c.AsSpan(0, m * n), m,
            k, n,
            accumulate: false, GemmOptions.Limited(m, k, n, _dop, System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
}
