using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Convolution;

/// <summary>
/// The reference networks of MNIST-1D (Greydanus &amp; Kobak 2024; repository greydanus/mnist1d,
/// notebooks/models.py), built from the library's layers for <see cref="Mnist1dDataset"/>'s 40-value signals and 10
/// classes, and a vanilla deep CNN of the same size.
/// </summary>
/// <remarks>
/// <para>The authors train both reference networks with Adam, learning rate 0.01, batches of 100 (notebooks/train.py;
/// 6,000 steps in their classification notebook, train.py's default being 8,000) and report 68% (MLP) and 94% (CNN)
/// test accuracy; their classification notebook prints 65.1% and 92.3%.</para>
/// <para>Every builder takes the seed of its draw, as <see cref="Network.Create"/> does, with the same streams: the
/// weight tensor of layer l (l = 1, 2, ... from the input side, counting every layer with weights) from stream l of
/// the seed (<c>new RandomSource(seed).Fork(l)</c>), its biases from stream 2^32 + l. So the same arguments and seed
/// give the same network, and a <see cref="NetworkCandidate"/> of a learning-rate sweep is one line:
/// <c>new("He", seed =&gt; Mnist1dNetworks.Cnn(Init.HeNormal(), seed))</c>.</para>
/// </remarks>
public static class Mnist1dNetworks
{
    /// <summary>Channels of every convolution of the reference CNN.</summary>
    public const int CnnChannels = 25;

    /// <summary>Units of the reference MLP's hidden layers.</summary>
    public const int MlpHidden = 100;

    /// <summary>
    /// The reference CNN (ConvBase, 5,210 parameters): Conv1d(1 -> 25, k 5, stride 2, padding 1) + ReLU (40 -> 19
    /// positions), Conv1d(25 -> 25, k 3, stride 2, padding 1) + ReLU (19 -> 10), the same again (10 -> 5), then the
    /// flattened 25 x 5 = 125 values into a linear layer of 10 logits. Every weight tensor from
    /// <paramref name="weights"/>; every bias from PyTorch's default U(-1/sqrt(fan_in), 1/sqrt(fan_in)), so that
    /// <see cref="Init.PyTorchLinearDefault"/> gives PyTorch's own start for nn.Conv1d and nn.Linear.
    /// </summary>
    /// <param name="weights">The initializer of every weight tensor (shape (out, in, k) or (out, in)).</param>
    /// <param name="seed">The seed of every weight and bias.</param>
    /// <param name="activation">The activation of the three convolutions; ReLU in the reference.</param>
    /// <returns>The network, 40 inputs and 10 outputs.</returns>
    public static Network Cnn(IWeightInitializer weights, ulong seed, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var f = activation ?? Activation.ReLU;
        var conv1 = new Conv1dLayer(1, CnnChannels, 5, Mnist1dDataset.FeatureCount, f, stride: 2, padding: 1);
        var conv2 = new Conv1dLayer(CnnChannels, CnnChannels, 3, conv1.OutputLength, f, stride: 2, padding: 1);
        var conv3 = new Conv1dLayer(CnnChannels, CnnChannels, 3, conv2.OutputLength, f, stride: 2, padding: 1);
        var head = new DenseLayer(conv3.OutputWidth, Mnist1dDataset.ClassCount, Activation.Identity);
        Layer[] layers = [conv1, conv2, conv3, head];
        Draw(layers, weights, seed, pyTorchBiases: true);
        return new Network(layers);
    }

    /// <summary>
    /// The reference MLP (MLPBase, 15,210 parameters): h = relu(W1 x + b1) with 100 units, h = h + relu(W2 h + b2)
    /// (a residual block), then W3 h + b3, 10 logits. Every weight matrix from <paramref name="weights"/>, every bias
    /// from PyTorch's default, as for <see cref="Cnn"/>.
    /// </summary>
    /// <param name="weights">The initializer of every weight matrix.</param>
    /// <param name="seed">The seed of every weight and bias.</param>
    /// <param name="activation">The hidden activation; ReLU in the reference.</param>
    /// <returns>The network, 40 inputs and 10 outputs.</returns>
    public static Network Mlp(IWeightInitializer weights, ulong seed, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var f = activation ?? Activation.ReLU;
        DenseLayer[] dense =
        [
            new DenseLayer(Mnist1dDataset.FeatureCount, MlpHidden, f),
            new DenseLayer(MlpHidden, MlpHidden, f),
            new DenseLayer(MlpHidden, Mnist1dDataset.ClassCount, Activation.Identity),
        ];
        Draw(dense, weights, seed, pyTorchBiases: true);
        return new Network([dense[0], new ResidualBlock([dense[1]]), dense[2]]);
    }

    /// <summary>
    /// A vanilla deep CNN for MNIST-1D, the network of Xiao et al. (2018) at small scale: <paramref name="depth"/>
    /// convolutions with k = 3 taps, stride 1 and "same" padding (the first from 1 to C channels, the others C to C,
    /// as in <see cref="DeepConvNetwork"/>), each followed by <paramref name="activation"/>, no normalization and no
    /// skip connection; then a global average pool over the 40 positions and a linear layer of 10 logits. Every
    /// kernel from <paramref name="weights"/>; the linear layer, which has no kernel, takes
    /// <c>Init.Orthogonal(gain)</c>
    /// when the kernels are <c>Init.DeltaOrthogonal(gain)</c> and <paramref name="weights"/> otherwise. Every bias
    /// (the convolutions' and the head's) is 0 by default (Xiao et al.'s critical tanh networks have sigma_b^2 = 0
    /// or near it), or drawn from <paramref name="biases"/>, e.g. <c>Init.Normal(0, sigma_b)</c> for the point
    /// (sigma_w^2, sigma_b^2) of the critical line: layer l's biases from stream 2^32 + l of the seed.
    /// </summary>
    /// <param name="depth">Convolutions; at least 1.</param>
    /// <param name="channels">C; at least 1.</param>
    /// <param name="weights">The initializer of every kernel, e.g. <c>Init.DeltaOrthogonal()</c>.</param>
    /// <param name="activation">The activation of every convolution, e.g. tanh.</param>
    /// <param name="seed">The seed of every weight.</param>
    /// <param name="padding">Circular (default, the theory's periodic boundary) or zeros.</param>
    /// <param name="biases">The initializer of every bias vector, or null (default) for zeros.</param>
    /// <returns>The network, 40 inputs and 10 outputs.</returns>
    public static Network VanillaCnn(int depth, int channels, IWeightInitializer weights, Activation activation,
        ulong seed, PaddingMode padding = PaddingMode.Circular, IWeightInitializer? biases = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(activation);
        const int length = Mnist1dDataset.FeatureCount;
        var layers = new List<Layer>(depth + 2);
        for (int l = 0; l < depth; l++)
            layers.Add(new Conv1dLayer(l == 0 ? 1 : channels, channels, 3, length, activation, padding));
        var head = new DenseLayer(channels, Mnist1dDataset.ClassCount, Activation.Identity);
        var headWeights = weights is DeltaOrthogonalInitializer delta ? Init.Orthogonal(delta.Gain) : weights;
        Draw([.. layers, head], weights, seed, pyTorchBiases: false, headWeights, biases);
        layers.Add(new GlobalAveragePoolLayer(channels, length));
        layers.Add(head);
        return new Network(layers);
    }

    /// <summary>
    /// Draws the weights of the layers (each a convolution or a dense layer: parameter 0 its weights, 1 its biases)
    /// from
    /// streams 1, 2, ... of the seed, the last layer's from <paramref name="head"/> when given, and, when
    /// <paramref name="pyTorchBiases"/>, their biases from streams 2^32 + 1, 2^32 + 2, ... as PyTorch's default
    /// U(-1/sqrt(fan_in), 1/sqrt(fan_in)), or from <paramref name="biases"/> when given (otherwise they stay 0).
    /// </summary>
    private static void Draw(IReadOnlyList<Layer> layers, IWeightInitializer weights, ulong seed, bool pyTorchBiases,
        IWeightInitializer? head = null, IWeightInitializer? biases = null)
    {
        var root = new RandomSource(seed);
        for (int l = 1; l <= layers.Count; l++)
        {
            var (kernel, bias) = (layers[l - 1].Parameters[0], layers[l - 1].Parameters[1]);
            int[] shape = [.. kernel.Shape];
            (l == layers.Count ? head ?? weights : weights).Fill(kernel.Values, shape, root.Fork((ulong)l));
            var biasStream = root.Fork(DeepNetwork.BiasStreamBase + (ulong)l);
            if (biases is not null) biases.Fill(bias.Values, [bias.Values.Length], biasStream);
            if (!pyTorchBiases) continue;
            double bound = PyTorchLinearDefaultInitializer.BiasBound(Fans.FromShape(shape).FanIn);
            biasStream.FillUniform(bias.Values, -bound, bound);
        }
    }
}
