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
/// positions each column read (col2im). The same inputs give the same bits on every run and thread count.</para>
/// </remarks>
public sealed class Conv1dLayer : Layer
{
    private readonly Conv1dGeometry _geometry;
    private readonly double[] _weights;
    private readonly double[] _biases;
    private readonly Parameter[] _parameters;
    private readonly bool _identity;
    private double[] _unfolded = [], _product = [], _z = [], _derivative = [];

    /// <summary>Creates a layer whose weights and biases are all zero.</summary>
    /// <param name="inputChannels">Channels of the input, C_in; at least 1.</param>
    /// <param name="outputChannels">Channels of the output (filters), C_out; at least 1.</param>
    /// <param name="kernelSize">Taps of each filter, k; at least 1, at most the padded input length.</param>
    /// <param name="inputLength">Positions of each input channel, L; at least 1.</param>
    /// <param name="activation">The elementwise activation f (<see cref="Activation.Identity"/> for none).</param>
    /// <param name="paddingMode">Zeros (default) or circular.</param>
    /// <param name="stride">The step between output positions; at least 1 (default 1).</param>
    /// <param name="padding">Positions padded on each side, at least 0; null (default) for "same", which needs stride 1.
    /// Circular padding may not exceed L.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the padding is negative or the mode undefined.</exception>
    /// <exception cref="ArgumentException">The kernel is longer than the padded input, "same" padding with a stride
    /// above 1, or circular padding longer than the input.</exception>
    public Conv1dLayer(int inputChannels, int outputChannels, int kernelSize, int inputLength, Activation activation,
        PaddingMode paddingMode = PaddingMode.Zeros, int stride = 1, int? padding = null)
        : this(Conv1dGeometry.Create(inputChannels, outputChannels, kernelSize, inputLength, stride, padding, paddingMode), activation)
    {
    }

    private Conv1dLayer(Conv1dGeometry geometry, Activation activation) : base(geometry.InputWidth, geometry.OutputWidth)
    {
        ArgumentNullException.ThrowIfNull(activation);
        _geometry = geometry;
        Activation = activation;
        _identity = activation is IdentityActivation;
        _weights = new double[geometry.OutputChannels * geometry.PatchSize];
        _biases = new double[geometry.OutputChannels];
        _parameters =
        [
            new Parameter("weights", ParameterRole.Weights, _weights, geometry.OutputChannels, geometry.InputChannels, geometry.KernelSize),
            new Parameter("biases", ParameterRole.Bias, _biases, geometry.OutputChannels),
        ];
    }

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

    /// <summary>The weight shape (out, in, k), for initializers and <see cref="Fans.FromShape(ReadOnlySpan{int})"/>.</summary>
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
        $"Conv1d({InputChannels} x {InputLength} -> {OutputChannels} x {OutputLength}, k={KernelSize}, stride={Stride}, " +
        $"padding={PaddingLeft}+{PaddingRight} {PaddingMode}, {Activation.Name})";

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
        if (!_identity)
        {
            var derivative = _derivative.AsSpan(0, count * OutputWidth);
            for (int i = 0; i < derivative.Length; i++) outputGradient[i] *= derivative[i];
        }
        // dZ as an out x (samples x positions) matrix, the layout of the forward product.
        var dz = Buffer(ref _product, g.OutputChannels * columns);
        Gather(outputGradient, count, dz);
        var unfolded = _unfolded.AsSpan(0, g.PatchSize * columns);
        MatrixMultiply.MultiplyTransposed(dz, unfolded, parameterGradients[0], g.OutputChannels, columns, g.PatchSize);
        var biasGradient = parameterGradients[1].AsSpan();
        for (int o = 0; o < g.OutputChannels; o++)
        {
            double sum = 0;
            foreach (double v in dz.Slice(o * columns, columns)) sum += v;
            biasGradient[o] = sum;
        }
        if (inputGradient.IsEmpty) return;
        // W^T dZ overwrites the unfolded input, which is not needed any more.
        var patchGradient = Buffer(ref _unfolded, g.PatchSize * columns);
        MatrixMultiply.TransposeMultiply(_weights, dz, patchGradient, g.PatchSize, g.OutputChannels, columns);
        Fold(patchGradient, count, inputGradient);
    }

    /// <summary>Z = W U + b for the batch, in the row layout (sample, channel, position).</summary>
    private void Linear(ReadOnlySpan<double> input, int count, Span<double> z)
    {
        var g = _geometry;
        int columns = count * g.OutputLength;
        var unfolded = Buffer(ref _unfolded, g.PatchSize * columns);
        Unfold(input, count, unfolded);
        var product = Buffer(ref _product, g.OutputChannels * columns);
        MatrixMultiply.Multiply<double>(_weights, unfolded, product, g.OutputChannels, g.PatchSize, columns);
        int lengthOut = g.OutputLength;
        for (int o = 0; o < g.OutputChannels; o++)
        {
            double bias = _biases[o];
            for (int b = 0; b < count; b++)
            {
                var source = product.Slice(o * columns + b * lengthOut, lengthOut);
                var target = z.Slice(b * OutputWidth + o * lengthOut, lengthOut);
                for (int t = 0; t < lengthOut; t++) target[t] = source[t] + bias;
            }
        }
    }

    /// <summary>The (sample, channel, position) rows of <paramref name="rows"/> as a channel x (sample, position) matrix.</summary>
    private void Gather(ReadOnlySpan<double> rows, int count, Span<double> matrix)
    {
        int lengthOut = _geometry.OutputLength, columns = count * lengthOut;
        for (int o = 0; o < _geometry.OutputChannels; o++)
            for (int b = 0; b < count; b++)
                rows.Slice(b * OutputWidth + o * lengthOut, lengthOut).CopyTo(matrix.Slice(o * columns + b * lengthOut, lengthOut));
    }

    /// <summary>im2col: U[(i k + j), (b L_out + t)] = x_b[i, source(t, j)], 0 where that is padding.</summary>
    private void Unfold(ReadOnlySpan<double> input, int count, Span<double> unfolded)
    {
        var g = _geometry;
        int lengthIn = g.InputLength, lengthOut = g.OutputLength, columns = count * lengthOut;
        for (int i = 0; i < g.InputChannels; i++)
            for (int j = 0; j < g.KernelSize; j++)
            {
                var row = unfolded.Slice((i * g.KernelSize + j) * columns, columns);
                var (first, end) = g.InsideRange(j);
                for (int b = 0; b < count; b++)
                {
                    var signal = input.Slice(InputWidth * b + lengthIn * i, lengthIn);
                    var target = row.Slice(b * lengthOut, lengthOut);
                    if (g.Stride == 1)
                    {
                        if (end > first) signal.Slice(first + j - g.PaddingLeft, end - first).CopyTo(target.Slice(first, end - first));
                        for (int t = 0; t < first; t++) target[t] = Padded(signal, t, j);
                        for (int t = end; t < lengthOut; t++) target[t] = Padded(signal, t, j);
                    }
                    else
                    {
                        for (int t = 0; t < lengthOut; t++)
                        {
                            int p = g.Source(t, j);
                            target[t] = p < 0 ? 0 : signal[p];
                        }
                    }
                }
            }
    }

    private double Padded(ReadOnlySpan<double> signal, int t, int j)
    {
        int p = _geometry.Source(t, j);
        return p < 0 ? 0 : signal[p];
    }

    /// <summary>col2im, the adjoint of <see cref="Unfold"/>: dx_b[i, source(t, j)] += dU[(i k + j), (b L_out + t)].</summary>
    private void Fold(ReadOnlySpan<double> patchGradient, int count, Span<double> inputGradient)
    {
        var g = _geometry;
        int lengthIn = g.InputLength, lengthOut = g.OutputLength, columns = count * lengthOut;
        inputGradient.Clear();
        for (int i = 0; i < g.InputChannels; i++)
            for (int j = 0; j < g.KernelSize; j++)
            {
                var row = patchGradient.Slice((i * g.KernelSize + j) * columns, columns);
                var (first, end) = g.InsideRange(j);
                for (int b = 0; b < count; b++)
                {
                    var signal = inputGradient.Slice(InputWidth * b + lengthIn * i, lengthIn);
                    var source = row.Slice(b * lengthOut, lengthOut);
                    if (g.Stride == 1)
                    {
                        for (int t = first, p = first + j - g.PaddingLeft; t < end; t++, p++) signal[p] += source[t];
                        if (g.Mode == PaddingMode.Circular)
                        {
                            for (int t = 0; t < first; t++) signal[g.Source(t, j)] += source[t];
                            for (int t = end; t < lengthOut; t++) signal[g.Source(t, j)] += source[t];
                        }
                    }
                    else
                    {
                        for (int t = 0; t < lengthOut; t++)
                        {
                            int p = g.Source(t, j);
                            if (p >= 0) signal[p] += source[t];
                        }
                    }
                }
            }
    }
}
