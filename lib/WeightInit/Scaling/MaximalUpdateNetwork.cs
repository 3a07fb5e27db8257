using WeightInit.Training;

namespace WeightInit.Scaling;

/// <summary>
/// Maximal update parametrization (muP) for Adam of a plain network (a <see cref="DeepNetwork"/>: input, hidden and
/// output layers) relative to a base width n0: the trainable <see cref="Training.Network"/> whose initial weights and
/// per-layer learning rates follow Tensor Programs V's table (Yang et al. 2022, arXiv 2203.03466, Table 3, Adam column;
/// <see cref="MaximalUpdate"/>), so that hyperparameters tuned at the base width carry over to any width.
/// </summary>
/// <remarks>
/// <para>The description is the network in the standard parametrization at its own widths; its base network is the
/// same description with every hidden width n_l (0 &lt; l &lt; L) set to n0 (the model the hyperparameters are tuned
/// on). For layer l with fan-in multiplier m_l = n_(l-1) / n0 (1 for the input layer) and role r (input, hidden,
/// output), muP draws W_l from the description's initializer and multiplies it by the factor that gives its entries
/// the standard deviation</para>
/// <para>std_l = std_base,l InitStdFactor(r, m_l) c_l, with c_l = OutputMultiplier(m_L) = 1/m_L for the output layer
/// and 1 otherwise,</para>
/// <para>and sets Adam's learning rate of W_l to eta AdamLearningRateFactor(r, m_l) c_l: input 1, hidden 1/m_l, output
/// 1/m_L; biases keep the description's draw and eta. std_base,l is the entry std of the base network's layer l. With
/// a fan-in initializer (He, LeCun, VarianceScaling with fan_in) the input and hidden layers are drawn exactly as the
/// description draws them, and only the readout changes: std 1/m_L of the base's (variance 1/fan_in^2), learning rate
/// 1/m_L.</para>
/// <para>The output row is Table 3's own form. <see cref="MaximalUpdate"/>'s table (and the GPT, as the <c>mup</c>
/// package's <c>MuReadout</c>) writes it as a multiplier 1/m on the logits with the base's std and learning rate; under
/// Adam a multiplier c on a layer's output is the same as multiplying its initial weights and its learning rate by c
/// (Adam's step does not depend on the scale of the gradient, up to its epsilon, which becomes epsilon c), so the
/// plain network folds c into the readout and needs no extra layer.</para>
/// <para>The readout starts at zero by default (the <c>mup</c> package's MLP example and <c>readout_zero_init</c>);
/// then the first step moves only the readout. At the base width, without a zero readout, the network is the
/// description's: <see cref="Create"/> gives the weights <see cref="Training.Network.Create"/> gives, bit for bit, and
/// every learning-rate multiplier is 1.</para>
/// <para>The learning-rate multipliers are Adam's; SGD's muP column differs (input fan_out, output 1/fan_in).</para>
/// </remarks>
/// <example>
/// <code>
/// var net = DeepNetwork.Classifier([64, 1024, 1024, 10], Activation.ReLU, Init.HeNormal());
/// var mup = MaximalUpdateNetwork.For(net, baseWidth: 64);   // mup.Layers: the table at width 1024
/// Network network = mup.Create(seed: 1);                      // train it with OptimizerKind.Adam
/// Network standard = Network.Create(net, seed: 1);            // the standard parametrization, for comparison
/// </code>
/// </example>
public sealed class MaximalUpdateNetwork
{
    /// <summary>A factor this close to 1 (relative) is 1: the description already has muP's variance there.</summary>
    private const double UnitTolerance = 1e-12;

    private readonly DeepNetwork _initialization;

    private MaximalUpdateNetwork(DeepNetwork network, int baseWidth, bool zeroReadout, MaximalUpdateLayer[] layers,
        DeepNetwork initialization)
    {
        Network = network;
        BaseWidth = baseWidth;
        ZeroReadout = zeroReadout;
        Layers = Array.AsReadOnly(layers);
        _initialization = initialization;
    }

    /// <summary>
    /// muP of <paramref name="network"/> relative to <paramref name="baseWidth"/>: the table of its layers.
    /// </summary>
    /// <param name="network">The network in the standard parametrization: at least two layers (an input layer, any
    /// hidden layers, an output layer); its weight initializer must state a positive entry variance
    /// (<see cref="Initializers.IWeightInitializer.EntryVariance"/>) for the network's shapes and the base network's.
    /// Its <see cref="DeepNetwork.WeightScales"/>, if any, are kept (muP's factors multiply them).</param>
    /// <param name="baseWidth">n0, the hidden width the hyperparameters are tuned at; at least 1.</param>
    /// <param name="zeroReadout">Whether the output layer's weights start at zero (default true).</param>
    /// <returns>The parametrization.</returns>
    /// <exception cref="ArgumentException">The network has fewer than two layers, or its initializer states no
    /// positive variance; <paramref name="baseWidth"/> is below 1 (an
    /// <see cref="ArgumentOutOfRangeException"/>).</exception>
    public static MaximalUpdateNetwork For(DeepNetwork network, int baseWidth, bool zeroReadout = true)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseWidth);
        if (network.Depth < 2)
            throw new ArgumentException(
                $"muP needs an input, a hidden and an output layer (Depth at least 2), but {nameof(network)} has " +
                $"Depth {network.Depth}.", nameof(network));
        int depth = network.Depth;
        var widths = network.Widths;
        double readoutMultiplier = MaximalUpdate.OutputMultiplier(
            MaximalUpdate.WidthMultiplier(widths[depth - 1], baseWidth));
        var layers = new MaximalUpdateLayer[depth];
        var scales = new double[depth];
        for (int l = 1; l <= depth; l++)
        {
            var role = l == 1 ? MaximalUpdateRole.Input
                : l == depth ? MaximalUpdateRole.Output
                : MaximalUpdateRole.Hidden;
            double m = l == 1 ? 1 : MaximalUpdate.WidthMultiplier(widths[l - 1], baseWidth);
            double folded = role == MaximalUpdateRole.Output ? readoutMultiplier : 1;
            double entryStd = EntryStd(network, [widths[l], widths[l - 1]]);
            double baseStd = EntryStd(network, [l == depth ? widths[l] : baseWidth, l == 1 ? widths[0] : baseWidth]);
            double factor = baseStd * MaximalUpdate.InitStdFactor(role, m) * folded / entryStd;
            if (Math.Abs(factor - 1) <= UnitTolerance) factor = 1;
            double described = network.WeightScales?[l - 1] ?? 1;
            bool zero = zeroReadout && role == MaximalUpdateRole.Output;
            scales[l - 1] = described * factor;
            layers[l - 1] = new MaximalUpdateLayer(l, role, m, zero ? 0 : factor,
                zero ? 0 : entryStd * described * factor,
                MaximalUpdate.AdamLearningRateFactor(role, m) * folded);
        }
        bool unchanged = network.WeightScales is null && scales.All(s => s == 1);
        return new MaximalUpdateNetwork(network, baseWidth, zeroReadout, layers,
            unchanged ? network : network.WithWeightScales(scales));
    }

    /// <summary>The description, in the standard parametrization.</summary>
    public DeepNetwork Network { get; }

    /// <summary>n0, the hidden width the hyperparameters are tuned at.</summary>
    public int BaseWidth { get; }

    /// <summary>Whether the output layer's weights start at zero.</summary>
    public bool ZeroReadout { get; }

    /// <summary>The table: one row per layer, l = 1..L.</summary>
    public IReadOnlyList<MaximalUpdateLayer> Layers { get; }

    /// <summary>
    /// The trainable network: <see cref="Training.Network.Create"/> of the description with muP's factors on the
    /// weights (the same random streams of <paramref name="seed"/>), the readout zeroed if
    /// <see cref="ZeroReadout"/>, and each W_l's <see cref="Parameter.LearningRateMultiplier"/> set from
    /// <see cref="Layers"/>. Train it with <see cref="OptimizerKind.Adam"/>.
    /// </summary>
    /// <param name="seed">The seed of the weights and biases.</param>
    /// <param name="normalization">The normalization after each hidden layer (default none); its scales and shifts
    /// keep learning rate eta.</param>
    /// <returns>A new network.</returns>
    public Network Create(ulong seed, Normalization normalization = Normalization.None)
    {
        var network = Training.Network.Create(_initialization, seed, normalization);
        for (int l = 0; l < Layers.Count; l++)
            network.DenseLayers[l].Parameters[0].LearningRateMultiplier = Layers[l].LearningRateMultiplier;
        if (ZeroReadout) network.DenseLayers[^1].Weights.Clear();
        return network;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"muP (base width {BaseWidth}{(ZeroReadout ? ", zero readout" : "")}) of {Network}";

    private static double EntryStd(DeepNetwork network, int[] shape)
    {
        double? variance = network.WeightInitializer.EntryVariance(shape);
        if (!(variance > 0) || !double.IsFinite(variance.Value))
            throw new ArgumentException(
                $"muP sets each layer's variance from the description's, but its weight initializer " +
                $"({network.WeightInitializer.Name}) states {(variance is null ? "none" : $"{variance}")} for shape " +
                $"({shape[0]}, {shape[1]}): it needs zero-mean entries of positive variance.", nameof(network));
        return Math.Sqrt(variance.Value);
    }
}
