using System.Globalization;
using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Convolution;

/// <summary>
/// A deep vanilla 1-D convolutional network, described once: h_l = K_l * x_{l-1} + b_l and x_l = f(h_l) for
/// l = 1..L, every layer a convolution of C channels in and out with a k-tap kernel K_l of PyTorch's shape (C, C, k),
/// stride 1 and "same" padding on signals of n positions, so every layer's input and output hold N = C n values;
/// b_l holds one bias per channel. No normalization and no skip connection: the network of Xiao et al. (2018),
/// "Dynamical Isometry and a Mean Field Theory of CNNs: How to Train 10,000-Layer Vanilla Convolutional Neural
/// Networks", the convolutional counterpart of <see cref="DeepNetwork.Stack(int, int, Activation, IWeightInitializer,
/// IWeightInitializer?)"/>.
/// </summary>
/// <remarks>
/// <para>Immutable and validated when made. It holds what the network is; how an experiment runs it (the seed, the
/// input) is the experiment's options, e.g. <see cref="Theory.JacobianOptions"/> for
/// <see cref="Theory.ConvolutionalJacobian.Compute"/>.</para>
/// <para>Random streams, as <see cref="DeepNetwork"/>'s: K_l from stream l of the seed
/// (<c>new RandomSource(seed).Fork(l)</c>), b_l from stream 2^32 + l (<see cref="FillKernel"/>,
/// <see cref="FillBiases"/>).</para>
/// <para>Mean-field theory (Xiao et al. 2018, section 2) gives such a network the length and correlation maps of a
/// dense network with sigma_w^2 = Var(K_l entries) C k and sigma_b^2 (<see cref="WeightVariance"/>,
/// <see cref="BiasVariance"/>): Gaussian kernels of variance sigma_w^2 / (C k) are
/// <c>Init.VarianceScaling(sigma_w^2, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal)</c>;
/// <c>Init.DeltaOrthogonal(sqrt(sigma_w^2))</c> makes every K_l sqrt(sigma_w^2) times an orthogonal map (with
/// circular padding).</para>
/// </remarks>
/// <example>
/// <code>
/// var net = DeepConvNetwork.Stack(depth: 256, channels: 16, length: 32, Activation.Tanh, Init.DeltaOrthogonal());
/// var jacobian = ConvolutionalJacobian.Compute(net, new JacobianOptions { Seed = 1 });
/// </code>
/// </example>
public sealed class DeepConvNetwork
{
    private DeepConvNetwork(int depth, int channels, int length, int kernelSize, PaddingMode padding,
        Activation activation, IWeightInitializer weights, IWeightInitializer biases)
    {
        (Depth, Channels, Length, KernelSize, Padding, Activation, WeightInitializer, BiasInitializer) =
            (depth, channels, length, kernelSize, padding, activation, weights, biases);
    }

    /// <summary>
    /// The stack: <paramref name="depth"/> convolutions of <paramref name="channels"/> channels on signals of
    /// <paramref name="length"/> positions, <paramref name="activation"/> after every one.
    /// </summary>
    /// <param name="depth">L; at least 1.</param>
    /// <param name="channels">C, the channels of the input and of every layer; at least 1.</param>
    /// <param name="length">n, the positions of every signal; at least 1.</param>
    /// <param name="activation">f, after every layer.</param>
    /// <param name="weights">Draws each K_l, shape (C, C, k); it must accept that shape (delta-orthogonal needs an
    /// odd k).</param>
    /// <param name="biases">Draws each b_l, shape (C); null for zero biases.</param>
    /// <param name="kernelSize">k, the taps of every kernel; at least 1 (default 3). With circular padding at most
    /// 2 n + 1 (the padding wraps around the signal at most once).</param>
    /// <param name="padding">What "same" padding reads beyond the ends: circular (default, the theory's periodic
    /// boundary) or zeros.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the exception names the parameter.</exception>
    public static DeepConvNetwork Stack(int depth, int channels, int length, Activation activation,
        IWeightInitializer weights, IWeightInitializer? biases = null, int kernelSize = 3,
        PaddingMode padding = PaddingMode.Circular)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        Guard.Defined(padding);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(weights);
        if ((long)channels * length > int.MaxValue || (long)channels * channels * kernelSize > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(channels), channels,
                $"A layer's {channels} x {length} values and its ({channels}, {channels}, {kernelSize}) kernel must " +
                "each fit in one array.");
        if (padding == PaddingMode.Circular && kernelSize > 2L * length + 1)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize,
                $"Circular 'same' padding wraps at most once: {nameof(kernelSize)} must be at most 2 {nameof(length)}" +
                $" + 1 ({2L * length + 1}), but it is {kernelSize}.");
        biases ??= Init.Zeros();
        DeepNetwork.Probe(weights, [channels, channels, kernelSize], nameof(weights),
            $"a ({channels}, {channels}, {kernelSize}) kernel");
        DeepNetwork.Probe(biases, [channels], nameof(biases), $"a convolution's {channels} biases");
        return new DeepConvNetwork(depth, channels, length, kernelSize, padding, activation, weights, biases);
    }

    /// <summary>L, the number of convolutions.</summary>
    public int Depth { get; }

    /// <summary>C, the channels of the input and of every layer.</summary>
    public int Channels { get; }

    /// <summary>n, the positions of every signal.</summary>
    public int Length { get; }

    /// <summary>k, the taps of every kernel.</summary>
    public int KernelSize { get; }

    /// <summary>What "same" padding reads beyond the ends.</summary>
    public PaddingMode Padding { get; }

    /// <summary>f, after every layer.</summary>
    public Activation Activation { get; }

    /// <summary>Draws each K_l, shape (C, C, k).</summary>
    public IWeightInitializer WeightInitializer { get; }

    /// <summary>Draws each b_l, shape (C); <see cref="Init.Zeros"/> unless given.</summary>
    public IWeightInitializer BiasInitializer { get; }

    /// <summary>N = C n, the values of every layer's input and output.</summary>
    public int Size => Channels * Length;

    /// <summary>The shape of every kernel, (C, C, k).</summary>
    public IReadOnlyList<int> KernelShape => [Channels, Channels, KernelSize];

    /// <summary>
    /// sigma_w^2 = Var(K_l entries) C k, with the variance from <see cref="IWeightInitializer.EntryVariance"/> of the
    /// kernel shape (He normal: 2; <c>Init.DeltaOrthogonal(gain)</c>: gain^2); null when the initializer states none.
    /// </summary>
    public double? WeightVariance => WeightInitializer.EntryVariance([Channels, Channels, KernelSize]) *
        Channels * KernelSize;

    /// <summary>sigma_b^2, the variance of b_l's entries; 0 for zero biases, null when the initializer states
    /// none.</summary>
    public double? BiasVariance => BiasInitializer.EntryVariance([Channels]);

    /// <summary>Whether every b_l is zero (the bias initializer states variance 0), so adding it can be
    /// skipped.</summary>
    internal bool HasZeroBiases => BiasVariance == 0;

    /// <summary>Draws K_l for a seed: <see cref="WeightInitializer"/> fills (C, C, k) from stream l of
    /// <paramref name="seed"/>.</summary>
    /// <param name="layer">l, in 1..L.</param>
    /// <param name="kernel">C C k values, row-major (out, in, tap), to overwrite.</param>
    /// <param name="seed">The seed of the network's draw.</param>
    /// <exception cref="ArgumentException">The layer is not in 1..L, or the span's length is not C C k.</exception>
    public void FillKernel(int layer, Span<double> kernel, ulong seed)
    {
        CheckLayer(layer);
        Guard.Length(kernel.Length, Channels * Channels * KernelSize, nameof(kernel),
            $"({Channels}, {Channels}, {KernelSize}) kernel values");
        WeightInitializer.Fill(kernel, [Channels, Channels, KernelSize], new RandomSource(seed).Fork((ulong)layer));
    }

    /// <summary>Draws b_l for a seed: <see cref="BiasInitializer"/> fills (C) from stream 2^32 + l of
    /// <paramref name="seed"/>.</summary>
    /// <param name="layer">l, in 1..L.</param>
    /// <param name="biases">C values to overwrite.</param>
    /// <param name="seed">The seed of the network's draw.</param>
    /// <exception cref="ArgumentException">The layer is not in 1..L, or the span's length is not C.</exception>
    public void FillBiases(int layer, Span<double> biases, ulong seed)
    {
        CheckLayer(layer);
        Guard.Length(biases.Length, Channels, nameof(biases), $"C = {Channels} biases");
        BiasInitializer.Fill(biases, [Channels],
            new RandomSource(seed).Fork(DeepNetwork.BiasStreamBase + (ulong)layer));
    }

    /// <summary>A convolution layer of this network's geometry with the identity activation and zero parameters (the
    /// linear map K_l once its kernel is filled).</summary>
    internal Conv1dLayer CreateLinearLayer() =>
        new(Channels, Channels, KernelSize, Length, Activation.Identity, Padding);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Depth} convolutions of {Channels} channels x {Length}, k={KernelSize}, {Padding} padding, " +
        $"{Activation.Name}, kernels {WeightInitializer.Name}, biases {BiasInitializer.Name}");

    private void CheckLayer(int layer)
    {
        if (layer < 1 || layer > Depth)
            throw new ArgumentOutOfRangeException(nameof(layer), layer,
                $"{nameof(layer)} must be in 1..{Depth}, but it is {layer}.");
    }
}
