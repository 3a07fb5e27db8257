using System.Runtime.CompilerServices;
using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.LinearAlgebra;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Convolution;

/// <summary>
/// A 1-D convolution layer with an activation: for each sample, output channel o at position t,
/// z[o, t] = b[o] + sum over input channels i and taps j of W[o, i, j] x[i, t stride + j - left], and a = f(z).
/// </summary>
/// <remarks>
/// <para><b>Layout</b> (PyTorch's <c>nn.Conv1d</c> on (N, C, L) tensors): a batch is row-major with one row per
/// sample, and a row holds the channels one after another, each a signal of its length: input value (i, p) of a
/// sample is at i InputLength + p of its row, output value (o, t) at o OutputLength + t. The output row is already
/// flat, so a <see cref="DenseLayer"/> of OutputWidth inputs can follow directly (PyTorch's flatten), or a
/// <see cref="GlobalAveragePoolLayer"/>. The weights have shape (out, in, k) and the biases (out), as in PyTorch, so
/// every initializer applies with the fans of <see cref="Fans.FromShape(ReadOnlySpan{int})"/>:
/// fan_in = in k and fan_out = out k (He for a 3-tap kernel over C channels divides by 3 C).</para>
/// <para><b>Padding</b>: "same" by default (stride 1, the k - 1 padded positions split as PyTorch's
/// <c>padding='same'</c> does, (k - 1) / 2 rounded down on the left and the rest on the right, so L_out = L), or p
/// positions on each side (PyTorch's <c>padding=p</c>); the padded positions read zeros or wrap around
/// (<see cref="PaddingMode"/>). L_out = floor((L + left + right - k) / stride) + 1.</para>
/// <para><b>Computation</b>: the batch's input is unfolded into a matrix U with one row per (input channel, tap)
/// and one column per (sample, output position) (im2col; Chellapilla, Puri &amp; Simard 2006, "High Performance
/// Convolutional Neural Networks for Document Processing"), so that the whole batch is one product Z = W U on the
/// library's matrix product (W read as an out x (in k) matrix). Backward, from G = dLoss/dA: dZ = G f'(Z),
/// dW = dZ U^T, db = the sums of dZ over samples and positions, and dLoss/dX folds W^T dZ back onto the input
/// positions each column read (col2im). A patch of at most 8 values (C_in k, such as a first layer on a one-channel
/// signal) takes <see cref="SmallPatchKernels"/> instead, which compute the same chains in the row layout without the
/// product matrix: the same bits. The same inputs give the same bits on every run and thread count.</para>
/// </remarks>
public sealed class Conv1dLayer : Layer
{
    private readonly Conv1dGeometry _geometry;
    private readonly double[] _weights;
    private readonly double[] _biases;
    private readonly Parameter[] _parameters;
    private readonly bool _identity;
    private readonly bool _smallPatch;
    private double[] _unfolded = [], _product = [], _z = [], _derivative = [], _transposed = [];

    /// <summary>Creates a layer whose weights and biases are all zero.</summary>
    /// <param name="inputChannels">Channels of the input, C_in; at least 1.</param>
    /// <param name="outputChannels">Channels of the output (filters), C_out; at least 1.</param>
    /// <param name="kernelSize">Taps of each filter, k; at least 1, at most the padded input length.</param>
    /// <param name="inputLength">Positions of each input channel, L; at least 1.</param>
    /// <param name="activation">The elementwise activation f (<see cref="Activation.Identity"/> for none).</param>
    /// <param name="paddingMode">Zeros (default) or circular.</param>
    /// <param name="stride">The step between output positions; at least 1 (default 1).</param>
    /// <param name="padding">Positions padded on each side, at least 0; null (default) for "same", which needs
    /// stride 1. Circular padding may not exceed L.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the padding is negative or the mode
    /// undefined.</exception>
    /// <exception cref="ArgumentException">The kernel is longer than the padded input, "same" padding with a stride
    /// above 1, or circular padding longer than the input.</exception>
    public Conv1dLayer(int inputChannels, int outputChannels, int kernelSize, int inputLength, Activation activation,
        PaddingMode paddingMode = PaddingMode.Zeros, int stride = 1, int? padding = null)
        : this(Conv1dGeometry.Create(inputChannels, outputChannels, kernelSize, inputLength, stride, padding,
            paddingMode), activation)
    {
    }

    private Conv1dLayer(Conv1dGeometry geometry, Activation activation)
        : base(geometry.InputWidth, geometry.OutputWidth)
    {
        ArgumentNullException.ThrowIfNull(activation);
        _geometry = geometry;
        Activation = activation;
        _identity = activation is IdentityActivation;
        UsesSmallPatchKernels = _smallPatch = geometry.PatchSize <= SmallPatchKernels.MaxPatch &&
            geometry.OutputLength >= SmallPatchKernels.Lanes;
        _weights = new double[geometry.OutputChannels * geometry.PatchSize];
        _biases = new double[geometry.OutputChannels];
        _parameters =
        [
            new Parameter("weights", ParameterRole.Weights, _weights, geometry.OutputChannels, geometry.InputChannels,
                geometry.KernelSize),
            new Parameter("biases", ParameterRole.Bias, _biases, geometry.OutputChannels),
        ];
    }

    /// <summary>Whether the products take <see cref="SmallPatchKernels"/> (a patch of at most
    /// <see cref="SmallPatchKernels.MaxPatch"/> values and L_out of at least a register); false forces the general
    /// matrix product (tests compare the two bit for bit).</summary>
    internal bool UsesSmallPatchKernels { get; set; }

    /// <summary>C_in.</summary>
    public int InputChannels => _geometry.InputChannels;

    /// <summary>C_out.</summary>
    public int OutputChannels => _geometry.OutputChannels;

    /// <summary>k.</summary>
    public int KernelSize => _geometry.KernelSize;

    /// <summary>L, positions per input channel.</summary>
    public int InputLength => _geometry.InputLength;

    /// <summary>L_out = floor((L + left + right - k) / stride) + 1, positions per output channel.</summary>
    public int OutputLength => _geometry.OutputLength;

    /// <summary>The step between output positions.</summary>
    public int Stride => _geometry.Stride;

    /// <summary>Padded positions on the left of each input channel.</summary>
    public int PaddingLeft => _geometry.PaddingLeft;

    /// <summary>Padded positions on the right of each input channel.</summary>
    public int PaddingRight => _geometry.PaddingRight;

    /// <summary>What the padded positions read.</summary>
    public PaddingMode PaddingMode => _geometry.Mode;

    /// <summary>The activation f applied to Z.</summary>
    public Activation Activation { get; }

    /// <summary>The weight shape (out, in, k), for initializers and
    /// <see cref="Fans.FromShape(ReadOnlySpan{int})"/>.</summary>
    public int[] WeightShape => [OutputChannels, InputChannels, KernelSize];

    /// <summary>The weights, (out, in, k) row-major: W[o, i, j] at (o in + i) k + j; writable.</summary>
    public Span<double> Weights => _weights;

    /// <summary>The biases, one per output channel; writable.</summary>
    public Span<double> Biases => _biases;

    /// <summary>The weights and the biases, in that order.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// Fills the weights with <paramref name="initializer"/> (shape (out, in, k)) and sets every bias to
    /// <paramref name="bias"/> (zero by default).
    /// </summary>
    /// <param name="initializer">The weight initializer.</param>
    /// <param name="random">The source of every random draw.</param>
    /// <param name="bias">The value of every bias; finite.</param>
    public void Initialize(IWeightInitializer initializer, RandomSource random, double bias = 0)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        Guard.Finite(bias);
        initializer.Fill(_weights, WeightShape, random);
        _biases.AsSpan().Fill(bias);
    }

    /// <summary>An independent copy of this layer (geometry, weights, biases, activation).</summary>
    /// <returns>The copy.</returns>
    public override Conv1dLayer Clone()
    {
        var copy = new Conv1dLayer(_geometry, Activation);
        _weights.CopyTo(copy._weights, 0);
        _biases.CopyTo(copy._biases, 0);
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Conv1d({InputChannels} x {InputLength} -> {OutputChannels} x {OutputLength}, k={KernelSize}, " +
        $"stride={Stride}, padding={PaddingLeft}+{PaddingRight} {PaddingMode}, {Activation.Name})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        if (_identity)
        {
            Linear(input, count, output);
            return;
        }
        var z = Buffer(ref _z, count * OutputWidth);
        Linear(input, count, z);
        if (!context.IsTraining)
        {
            Activation.Apply(z, output);
            return;
        }
        var derivative = Buffer(ref _derivative, count * OutputWidth);
        Activation.ApplyWithDerivative(z, output, derivative);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        var g = _geometry;
        int columns = count * g.OutputLength;
        if (!_identity) ConvolutionKernels.MultiplyInPlace(outputGradient, _derivative.AsSpan(0, count * OutputWidth));
        if (_smallPatch && UsesSmallPatchKernels)
        {
            BackwardSmallPatch(input, outputGradient, count, inputGradient, parameterGradients);
            return;
        }
        // dZ as an out x (samples x positions) matrix, the layout of the forward product.
        var dz = Buffer(ref _product, g.OutputChannels * columns);
        Rearrange(outputGradient, dz, count, toRows: false);
        var unfolded = _unfolded.AsSpan(0, g.PatchSize * columns);
        MatrixMultiply.MultiplyTransposed(dz, unfolded, parameterGradients[0], g.OutputChannels, columns, g.PatchSize);
        var biasGradient = parameterGradients[1].AsSpan();
        for (int o = 0; o < g.OutputChannels; o++)
            biasGradient[o] = ConvolutionKernels.Sum(dz.Slice(o * columns, columns));
        if (inputGradient.IsEmpty) return;
        // W^T dZ overwrites the unfolded input, which is not needed any more.
        MatrixMultiply.TransposeMultiply(_weights, dz, unfolded, g.PatchSize, g.OutputChannels, columns);
        Fold(unfolded, count, inputGradient);
    }

    /// <summary>
    /// The backward pass of a small patch (<see cref="SmallPatchKernels"/>), dZ read where it is, in the row layout:
    /// the same chains as the general path, so the same bits. With one input channel the weight gradient reads the
    /// padded signals in place of the unfolded input (U[j, (b, t)] = x_b padded at t stride + j).
    /// </summary>
    private unsafe void BackwardSmallPatch(ReadOnlySpan<double> input, Span<double> dz, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients)
    {
        var g = _geometry;
        int columns = count * g.OutputLength, lanes = SmallPatchKernels.Lanes;
        var unfolded = _unfolded.AsSpan(0, g.PatchSize * columns);
        var biasGradient = parameterGradients[1].AsSpan();
        if (g.PatchSize > lanes)
        {
            // The patch does not fit a register (narrow vectors): the general weight gradient.
            var matrix = Buffer(ref _product, g.OutputChannels * columns);
            Rearrange(dz, matrix, count, toRows: false);
            MatrixMultiply.MultiplyTransposed(matrix, unfolded, parameterGradients[0], g.OutputChannels, columns,
                g.PatchSize);
            for (int o = 0; o < g.OutputChannels; o++)
                biasGradient[o] = ConvolutionKernels.Sum(matrix.Slice(o * columns, columns));
        }
        else
        {
            fixed (double* pz = dz, pw = parameterGradients[0], px = input, pu = unfolded)
            {
                if (g.InputChannels == 1)
                {
                    int padded = g.InputLength + g.PaddingLeft + g.PaddingRight;
                    var signals = Buffer(ref _transposed, count * padded + lanes);
                    fixed (double* ps = signals)
                    {
                        Pad(px, ps, count, padded);
                        SmallPatchKernels.WeightGradient(pz, ps, padded, g.Stride, pw, g.PatchSize, g.OutputChannels,
                            g.OutputLength, count);
                    }
                }
                else
                {
                    var transposed = Buffer(ref _transposed, lanes * columns);
                    fixed (double* pt = transposed)
                    {
                        SmallPatchKernels.Transpose(pu, pt, g.PatchSize, columns);
                        SmallPatchKernels.WeightGradient(pz, pt, (long)g.OutputLength * lanes, lanes, pw, g.PatchSize,
                            g.OutputChannels, g.OutputLength, count);
                    }
                }
                var scratch = Buffer(ref _product, columns);
                fixed (double* pscratch = scratch)
                    for (int o = 0; o < g.OutputChannels; o++)
                        biasGradient[o] = SmallPatchKernels.ChannelSum(pz, pscratch, o, g.OutputChannels,
                            g.OutputLength, count);
            }
        }
        if (inputGradient.IsEmpty) return;
        fixed (double* pweights = _weights, pz = dz, pu = unfolded)
            SmallPatchKernels.PatchGradient(pweights, pz, pu, g.PatchSize, g.OutputChannels, g.OutputLength, count);
        Fold(unfolded, count, inputGradient);
    }

    /// <summary>The one-channel input signals with their padding (zeros or wrapped values), padded values per sample
    /// one after another.</summary>
    private unsafe void Pad(double* input, double* signals, int count, int padded)
    {
        var g = _geometry;
        int length = g.InputLength, left = g.PaddingLeft;
        bool circular = g.Mode == PaddingMode.Circular;
        for (int b = 0; b < count; b++)
        {
            double* x = input + (long)b * length, d = signals + (long)b * padded;
            for (int p = 0; p < padded; p++)
            {
                int position = p - left;
                d[p] = (uint)position < (uint)length ? x[position]
                    : !circular ? 0
                    : x[position < 0 ? position + length : position - length];
            }
        }
    }

    /// <summary>Z = W U + b for the batch, in the row layout (sample, channel, position).</summary>
    private unsafe void Linear(ReadOnlySpan<double> input, int count, Span<double> z)
    {
        var g = _geometry;
        int columns = count * g.OutputLength;
        var unfolded = Buffer(ref _unfolded, g.PatchSize * columns);
        Unfold(input, count, unfolded);
        if (_smallPatch && UsesSmallPatchKernels)
        {
            // Straight into the row layout: no product matrix, no bias pass, no rearrangement.
            fixed (double* pw = _weights, pb = _biases, pu = unfolded, pz = z)
            {
                nint weights = (nint)pw, biases = (nint)pb;
                ConvolutionKernels.For(Pieces(count), (long)count * OutputWidth, pu, pz, (piece, u, rows) =>
                    SmallPatchKernels.Forward((double*)weights, (double*)biases, (double*)u, (double*)rows,
                        g.PatchSize, g.OutputChannels,
                        g.OutputLength, columns, piece * SamplesPerPiece,
                        Math.Min(count, (piece + 1) * SamplesPerPiece)));
            }
            return;
        }
        var product = Buffer(ref _product, g.OutputChannels * columns);
        MatrixMultiply.Multiply<double>(_weights, unfolded, product, g.OutputChannels, g.PatchSize, columns);
        for (int o = 0; o < g.OutputChannels; o++)
            ConvolutionKernels.AddConstant(product.Slice(o * columns, columns), _biases[o]);
        Rearrange(z, product, count, toRows: true);
    }

    /// <summary>Samples per piece of the parallel loops (each piece works on its own samples).</summary>
    private const int SamplesPerPiece = 16;

    /// <summary>
    /// Copies between the (sample, channel, position) rows and the channel x (sample, position) matrix of the
    /// products: into the rows when <paramref name="toRows"/>, into the matrix otherwise.
    /// </summary>
    private unsafe void Rearrange(Span<double> rows, Span<double> matrix, int count, bool toRows)
    {
        int lengthOut = _geometry.OutputLength, width = OutputWidth, channels = _geometry.OutputChannels;
        fixed (double* pr = rows, pm = matrix)
            ConvolutionKernels.For(Pieces(count), (long)count * width, pr, pm, (piece, r, m) =>
            {
                int columns = count * lengthOut;
                for (int b = piece * SamplesPerPiece; b < Math.Min(count, (piece + 1) * SamplesPerPiece); b++)
                    for (int o = 0; o < channels; o++)
                    {
                        double* row = (double*)r + (long)b * width + o * lengthOut;
                        double* block = (double*)m + (long)o * columns + b * lengthOut;
                        if (toRows) ConvolutionKernels.CopyRun(block, row, lengthOut);
                        else ConvolutionKernels.CopyRun(row, block, lengthOut);
                    }
            });
    }

    /// <summary>im2col: U[(i k + j), (b L_out + t)] = x_b[i, t stride + j - left], 0 where that is padding.</summary>
    private unsafe void Unfold(ReadOnlySpan<double> input, int count, Span<double> unfolded)
    {
        fixed (double* px = input, pu = unfolded) Transfer(px, pu, count, unfolded.Length, fold: false);
    }

    /// <summary>col2im, the adjoint of <see cref="Unfold"/>:
    /// dx_b[i, t stride + j - left] += dU[(i k + j), (b L_out + t)], dx cleared first.</summary>
    private unsafe void Fold(ReadOnlySpan<double> patchGradient, int count, Span<double> inputGradient)
    {
        fixed (double* pd = patchGradient, px = inputGradient)
            Transfer(px, pd, count, patchGradient.Length, fold: true);
    }

    /// <summary><see cref="Unfold"/> (x to U) or <see cref="Fold"/> (U back onto x), in pieces of samples.</summary>
    private unsafe void Transfer(double* signals, double* patches, int count, long values, bool fold)
    {
        var g = _geometry;
        int width = InputWidth;
        ConvolutionKernels.For(Pieces(count), values, signals, patches,
            (piece, x, u) => TransferSamples(g, (double*)x, (double*)u, width, count, piece * SamplesPerPiece,
                Math.Min(count, (piece + 1) * SamplesPerPiece), fold));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void TransferSamples(Conv1dGeometry g, double* x, double* u, int width, int count,
        int firstSample, int endSample, bool fold)
    {
        int lengthIn = g.InputLength, lengthOut = g.OutputLength, columns = count * lengthOut, stride = g.Stride,
            k = g.KernelSize;
        int left = g.PaddingLeft;
        bool circular = g.Mode == PaddingMode.Circular;
        Span<(int First, int End, int Offset)> ranges = stackalloc (int, int, int)[k];
        for (int j = 0; j < k; j++)
        {
            var (first, end) = g.InsideRange(j);
            ranges[j] = (first, end, first * stride + j - left);
        }
        if (fold)
            for (int b = firstSample; b < endSample; b++) new Span<double>(x + (long)b * width, width).Clear();
        // Channel, then tap, then sample: each row of U is read or written in one run of the block's samples (rows of
        // U lie a power of two apart for many shapes, and touching many of them at once thrashes the caches).
        for (int i = 0; i < g.InputChannels; i++)
            for (int j = 0; j < k; j++)
            {
                var (first, end, offset) = ranges[j];
                for (int b = firstSample; b < endSample; b++)
                {
                    double* signal = x + (long)b * width + i * lengthIn;
                    double* patch = u + (i * k + j) * (long)columns + b * lengthOut;
                    if (fold)
                    {
                        for (int t = first, p = offset; t < end; t++, p += stride) signal[p] += patch[t];
                        if (!circular) continue;
                        for (int t = 0; t < first; t++) signal[t * stride + j - left + lengthIn] += patch[t];
                        for (int t = end; t < lengthOut; t++) signal[t * stride + j - left - lengthIn] += patch[t];
                    }
                    else
                    {
                        for (int t = first, p = offset; t < end; t++, p += stride) patch[t] = signal[p];
                        for (int t = 0; t < first; t++)
                            patch[t] = circular ? signal[t * stride + j - left + lengthIn] : 0;
                        for (int t = end; t < lengthOut; t++)
                            patch[t] = circular ? signal[t * stride + j - left - lengthIn] : 0;
                    }
                }
            }
    }

    private static int Pieces(int count) => (count + SamplesPerPiece - 1) / SamplesPerPiece;
}
