using System.Globalization;
using System.Numerics;
using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit;

/// <summary>
/// A deep fully connected network, described once: x_l = f_l(s_l W_l x_{l-1} + b_l) for l = 1..L, with widths n_0 (the
/// input) .. n_L, W_l of PyTorch's dense shape (n_l, n_{l-1}) drawn by <see cref="WeightInitializer"/>, b_l (n_l
/// values) drawn by <see cref="BiasInitializer"/>, optional factors s_l (<see cref="WeightScales"/>), f_l =
/// <see cref="Activation"/> for l &lt; L and <see cref="OutputActivation"/> for l = L: the network of Glorot &amp;
/// Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks", and of the mean-field
/// papers (Poole et al. 2016; Schoenholz et al. 2017).
/// </summary>
/// <remarks>
/// <para>
/// Immutable and validated when made:
/// <see cref="Stack(int, int, Activation, IWeightInitializer, IWeightInitializer?)"/>
/// for the article's deep stack (f after every layer, the last included: what the simulator, the mean-field model, the
/// Jacobian and LSUV study), <see cref="Classifier"/> for a network whose last layer is linear (logits: what the
/// trainer trains). It holds what the network is, not how an experiment runs it (batch, precision, seed, threads: each
/// experiment's options), as a distribution of MathNet.Numerics holds its parameters apart from its random source.
/// </para>
/// <para>
/// The one place where the description and a seed become numbers is <see cref="FillWeights{T}"/> and
/// <see cref="FillBiases{T}"/>: W_l from stream l of the seed (<c>new RandomSource(seed).Fork(l)</c>), multiplied by
/// s_l after the draw, and b_l from stream 2^32 + l. The simulator, LSUV and the trainer's factory all call them, so
/// the same description and seed give the same weights everywhere.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var net = DeepNetwork.Stack(depth: 50, width: 256, Activation.Tanh, Init.XavierNormal());
/// var simulated = DeepNetworkSimulator.Run(net, new SimulationOptions { Seed = 1 });
/// var theory = MeanFieldModel.For(net).Analyze();
/// </code>
/// </example>
public sealed class DeepNetwork
{
    /// <summary>The random stream of the biases of layer l: BiasStreamBase + l (W_l is stream l).</summary>
    internal const ulong BiasStreamBase = 1UL << 32;

    private readonly int[] _widths;
    private readonly double[]? _scales;

    private DeepNetwork(int[] widths, Activation activation, Activation outputActivation, IWeightInitializer weights,
        IWeightInitializer biases, double[]? scales)
    {
        _widths = widths;
        _scales = scales;
        Widths = Array.AsReadOnly(widths);
        WeightScales = scales is null ? null : Array.AsReadOnly(scales);
        Activation = activation;
        OutputActivation = outputActivation;
        WeightInitializer = weights;
        BiasInitializer = biases;
    }

    /// <summary>
    /// The article's deep stack: <paramref name="depth"/> layers, every one (and the input) <paramref name="width"/>
    /// wide, <paramref name="activation"/> after every layer, the last included.
    /// </summary>
    /// <param name="depth">L, the number of layers; at least 1.</param>
    /// <param name="width">n, the width of the input and of every layer; at least 1.</param>
    /// <param name="activation">f, after every layer.</param>
    /// <param name="weights">Draws each W_l (shape (n, n)).</param>
    /// <param name="biases">Draws each b_l (shape (n)); null for zero biases (<see cref="Init.Zeros"/>).</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the exception names the parameter.</exception>
    public static DeepNetwork Stack(int depth, int width, Activation activation, IWeightInitializer weights,
        IWeightInitializer? biases = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (depth >= Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(depth), depth,
                $"{nameof(depth)} must be below {Array.MaxLength}.");
        var widths = new int[depth + 1];
        Array.Fill(widths, width);
        return Create(widths, activation, activation, weights, biases, nameof(width));
    }

    /// <summary>The article's deep stack with widths that may change from layer to layer: f after every layer, the last
    /// included.</summary>
    /// <param name="widths">n_0 (the input), n_1, ..., n_L: at least two widths, each at least 1 (copied).</param>
    /// <param name="activation">f, after every layer.</param>
    /// <param name="weights">Draws each W_l (shape (n_l, n_{l-1})).</param>
    /// <param name="biases">Draws each b_l (shape (n_l)); null for zero biases (<see cref="Init.Zeros"/>).</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the exception names the parameter.</exception>
    public static DeepNetwork Stack(IReadOnlyList<int> widths, Activation activation, IWeightInitializer weights,
        IWeightInitializer? biases = null) =>
        Create(CheckWidths(widths), activation, activation, weights, biases, nameof(widths));

    /// <summary>
    /// A classifier: <paramref name="activation"/> after every hidden layer and a linear last layer, whose n_L outputs
    /// are the logits a loss turns into class probabilities (what <see cref="Training.Network.Create"/> trains).
    /// </summary>
    /// <param name="widths">n_0 (the inputs), the hidden widths, n_L (the classes): at least two widths, each at least
    /// 1 (copied).</param>
    /// <param name="activation">f, after every hidden layer.</param>
    /// <param name="weights">Draws each W_l (shape (n_l, n_{l-1})).</param>
    /// <param name="biases">Draws each b_l (shape (n_l)); null for zero biases (<see cref="Init.Zeros"/>).</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the exception names the parameter.</exception>
    public static DeepNetwork Classifier(IReadOnlyList<int> widths, Activation activation, IWeightInitializer weights,
        IWeightInitializer? biases = null) =>
        Create(CheckWidths(widths), activation, Activation.Identity, weights, biases, nameof(widths));

    /// <summary>n_0 (the input), n_1, ..., n_L.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>L, the number of layers (weight matrices).</summary>
    public int Depth => _widths.Length - 1;

    /// <summary>f_l of every layer but the last.</summary>
    public Activation Activation { get; }

    /// <summary>f_L, the last layer's activation: <see cref="Activation"/> in a stack, the identity in a
    /// classifier.</summary>
    public Activation OutputActivation { get; }

    /// <summary>Draws each W_l, shape (n_l, n_{l-1}).</summary>
    public IWeightInitializer WeightInitializer { get; }

    /// <summary>Draws each b_l, shape (n_l); <see cref="Init.Zeros"/> unless given.</summary>
    public IWeightInitializer BiasInitializer { get; }

    /// <summary>s_1 .. s_L, the factors that multiply each drawn W_l (e.g. what LSUV finds, or a scaled-down output
    /// layer); null for none.</summary>
    public IReadOnlyList<double>? WeightScales { get; }

    /// <summary>The same network with W_l multiplied by s_l after it is drawn.</summary>
    /// <param name="scales">L finite, positive factors s_1 .. s_L (copied); null for none.</param>
    /// <returns>The new description; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The count is not L, or a factor is not finite and positive.</exception>
    public DeepNetwork WithWeightScales(IReadOnlyList<double>? scales)
    {
        double[]? copy = null;
        if (scales is not null)
        {
            if (scales.Count != Depth)
                throw new ArgumentException(
                    $"{nameof(scales)} must hold one factor per layer (Depth = {Depth}), but it holds {scales.Count}.",
                    nameof(scales));
            copy = [.. scales];
            for (int i = 0; i < copy.Length; i++)
                if (!(double.IsFinite(copy[i]) && copy[i] > 0))
                    throw new ArgumentOutOfRangeException(nameof(scales), copy[i],
                        $"{nameof(scales)}[{i}] must be finite and positive, but it is {copy[i]}.");
        }
        return new DeepNetwork(_widths, Activation, OutputActivation, WeightInitializer, BiasInitializer, copy);
    }

    /// <summary>The same network with another weight initializer (unchecked: for wrappers that draw the same
    /// weights).</summary>
    internal DeepNetwork WithWeightInitializer(IWeightInitializer weights) =>
        new(_widths, Activation, OutputActivation, weights, BiasInitializer, _scales);

    /// <summary>f_l: <see cref="OutputActivation"/> for l = L, <see cref="Activation"/> otherwise.</summary>
    internal Activation ActivationOf(int layer) => layer == Depth ? OutputActivation : Activation;

    /// <summary>
    /// Whether every b_l is zero, so that adding it can be skipped: the bias initializer states mean 0 and variance 0
    /// (zeros, a constant 0, N(0, 0)).
    /// </summary>
    internal bool HasZeroBiases => BiasInitializer.EntryVariance([1]) == 0;

    /// <summary>
    /// sigma_w^2 of layer l, the variance of s_l W_l's entries times the fan-in: Var(W_l,ij) n_{l-1} s_l^2, with
    /// Var(W_l,ij) from <see cref="IWeightInitializer.EntryVariance"/> (e.g. 2 for He normal, gain^2 for a square
    /// orthogonal layer).
    /// </summary>
    /// <param name="layer">l, in 1..L.</param>
    /// <returns>sigma_w^2, or null when the initializer states no variance (its entries do not have mean
    /// zero).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The layer is not in 1..L.</exception>
    public double? WeightVariance(int layer)
    {
        CheckLayer(layer);
        double scale = _scales is null ? 1 : _scales[layer - 1];
        return WeightInitializer.EntryVariance([_widths[layer],
            _widths[layer - 1]]) * _widths[layer - 1] * scale * scale;
    }

    /// <summary>sigma_b^2 of layer l: the variance of b_l's entries (<see cref="IWeightInitializer.EntryVariance"/>; 0
    /// for zero biases).</summary>
    /// <param name="layer">l, in 1..L.</param>
    /// <returns>sigma_b^2, or null when the bias initializer states no variance (e.g. a nonzero constant).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The layer is not in 1..L.</exception>
    public double? BiasVariance(int layer)
    {
        CheckLayer(layer);
        return BiasInitializer.EntryVariance([_widths[layer]]);
    }

    /// <summary>
    /// Draws s_l W_l for a seed: <see cref="WeightInitializer"/> fills (n_l, n_{l-1}) from stream l of
    /// <paramref name="seed"/> (<c>new RandomSource(seed).Fork(l)</c>), then every weight is multiplied by s_l (rounded
    /// to T). The one place weights are made: the simulator, LSUV and the trainer's factory draw through it.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/> (a float draw is the double draw rounded
    /// once).</typeparam>
    /// <param name="layer">l, in 1..L.</param>
    /// <param name="weights">n_l x n_{l-1} values, row-major (row j: the incoming weights of unit j), to
    /// overwrite.</param>
    /// <param name="seed">The seed of the network's draw.</param>
    /// <exception cref="ArgumentException">The layer is not in 1..L, or the span's length is not n_l
    /// n_{l-1}.</exception>
    public void FillWeights<T>(int layer, Span<T> weights, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLayer(layer);
        int nOut = _widths[layer], nIn = _widths[layer - 1];
        Guard.Length(weights.Length, nOut * nIn, nameof(weights),
            $"n_{layer} x n_{layer - 1} = {nOut} x {nIn} weights");
        WeightInitializer.Fill(weights, [nOut, nIn], new RandomSource(seed).Fork((ulong)layer));
        if (_scales is null) return;
        var factor = T.CreateChecked(_scales[layer - 1]);
        for (int j = 0; j < weights.Length; j++) weights[j] *= factor;
    }

    /// <summary>Draws b_l for a seed: <see cref="BiasInitializer"/> fills (n_l) from stream 2^32 + l of
    /// <paramref name="seed"/>.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="layer">l, in 1..L.</param>
    /// <param name="biases">n_l values to overwrite.</param>
    /// <param name="seed">The seed of the network's draw.</param>
    /// <exception cref="ArgumentException">The layer is not in 1..L, or the span's length is not n_l.</exception>
    public void FillBiases<T>(int layer, Span<T> biases, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLayer(layer);
        Guard.Length(biases.Length, _widths[layer], nameof(biases), $"n_{layer} = {_widths[layer]} biases");
        BiasInitializer.Fill(biases, [_widths[layer]], new RandomSource(seed).Fork(BiasStreamBase + (ulong)layer));
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string widths = _widths.Distinct().Count() == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Depth} layers of {_widths[0]}")
            : string.Join("-", _widths.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        string output = ReferenceEquals(OutputActivation, Activation) ? "" : $", {OutputActivation.Name} output";
        string scales = _scales is null ? "" : ", scaled per layer";
        return $"{widths}, {Activation.Name}{output}, weights {WeightInitializer.Name}, " +
            $"biases {BiasInitializer.Name}{scales}";
    }

    private void CheckLayer(int layer)
    {
        if (layer < 1 || layer > Depth)
            throw new ArgumentOutOfRangeException(nameof(layer), layer,
                $"{nameof(layer)} must be in 1..{Depth}, but it is {layer}.");
    }

    private static int[] CheckWidths(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2)
            throw new ArgumentException(
                $"{nameof(widths)} needs at least two entries (the input and one layer), but it has {widths.Count}.",
                nameof(widths));
        int[] copy = [.. widths];
        for (int i = 0; i < copy.Length; i++)
            if (copy[i] <= 0)
                throw new ArgumentOutOfRangeException(nameof(widths), copy[i],
                    $"{nameof(widths)}[{i}] must be at least 1, but it is {copy[i]}.");
        return copy;
    }

    private static DeepNetwork Create(int[] widths, Activation activation, Activation outputActivation,
        IWeightInitializer weights,
        IWeightInitializer? biases, string widthsName)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(weights);
        for (int l = 1; l < widths.Length; l++)
            if ((long)widths[l] * widths[l - 1] > Array.MaxLength)
                throw new ArgumentOutOfRangeException(widthsName, widths[l],
                    $"The weight of layer {l} ({widths[l]} x {widths[l - 1]}) must fit in one array " +
                    $"(at most {Array.MaxLength} values).");
        biases ??= Init.Zeros();
        Probe(weights, [1, 1], nameof(weights), "a dense layer's 2-D weight (out, in)");
        Probe(biases, [1], nameof(biases), "a layer's bias vector (out)");
        return new DeepNetwork(widths, activation, outputActivation, weights, biases, null);
    }

    /// <summary>Draws one tensor of a shape the network needs (here the smallest of the rank), so that an initializer
    /// that cannot fill it is rejected now, by name.</summary>
    internal static void Probe(IWeightInitializer initializer, int[] shape, string paramName, string what)
    {
        try
        {
            initializer.Fill(new double[WeightShape.Count(shape)], shape, new RandomSource(0));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{paramName} ({initializer.Name}) cannot draw {what}: {e.Message}", paramName,
                e);
        }
    }
}
