using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Convolution;

/// <summary>
/// The reference networks of MNIST-1D (Greydanus &amp; Kobak 2024; repository greydanus/mnist1d, notebooks/models.py),
/// built from the library's layers for <see cref="Mnist1dDataset"/>'s 40-value signals and 10 classes.
/// </summary>
/// <remarks>
/// <para>The authors train both with Adam, learning rate 0.01, batches of 100, 6,000 steps (notebooks/train.py) and
/// report 68% (MLP) and 94% (CNN) test accuracy; their classification notebook prints 65.1% and 92.3%.</para>
/// <para>Weights come from the given initializer, input side first, from <c>random</c>; every bias then from PyTorch's
/// default U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (<see cref="PyTorchLinearDefaultInitializer.BiasBound"/>), layer by
/// layer. With <see cref="Init.PyTorchLinearDefault"/> this is PyTorch's own start for nn.Linear and nn.Conv1d.</para>
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
    /// flattened 25 x 5 = 125 values into a linear layer of 10 logits.
    /// </summary>
    /// <param name="initializer">The initializer of every weight tensor (shape (out, in, k) or (out, in)).</param>
    /// <param name="random">The source of every weight and bias.</param>
    /// <param name="activation">The activation of the three convolutions; ReLU in the reference.</param>
    /// <returns>The network, 40 inputs and 10 outputs.</returns>
    public static Network Cnn(IWeightInitializer initializer, RandomSource random, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        var f = activation ?? Activation.ReLU;
        var conv1 = new Conv1dLayer(1, CnnChannels, 5, Mnist1dDataset.FeatureCount, f, stride: 2, padding: 1);
        var conv2 = new Conv1dLayer(CnnChannels, CnnChannels, 3, conv1.OutputLength, f, stride: 2, padding: 1);
        var conv3 = new Conv1dLayer(CnnChannels, CnnChannels, 3, conv2.OutputLength, f, stride: 2, padding: 1);
        var head = new DenseLayer(conv3.OutputWidth, Mnist1dDataset.ClassCount, Activation.Identity);
        foreach (var conv in new[] { conv1, conv2, conv3 }) conv.Initialize(initializer, random);
        head.Initialize(initializer, random);
        foreach (var conv in new[] { conv1, conv2, conv3 }) FillBiases(conv.Biases, conv.InputChannels * conv.KernelSize, random);
        FillBiases(head.Biases, head.InputWidth, random);
        return new Network([conv1, conv2, conv3, head]);
    }

    /// <summary>
    /// The reference MLP (MLPBase, 15,210 parameters): h = relu(W1 x + b1) with 100 units, h = h + relu(W2 h + b2)
    /// (a residual block), then W3 h + b3, 10 logits.
    /// </summary>
    /// <param name="initializer">The initializer of every weight matrix.</param>
    /// <param name="random">The source of every weight and bias.</param>
    /// <param name="activation">The hidden activation; ReLU in the reference.</param>
    /// <returns>The network, 40 inputs and 10 outputs.</returns>
    public static Network Mlp(IWeightInitializer initializer, RandomSource random, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        var f = activation ?? Activation.ReLU;
        DenseLayer[] dense =
        [
            new DenseLayer(Mnist1dDataset.FeatureCount, MlpHidden, f),
            new DenseLayer(MlpHidden, MlpHidden, f),
            new DenseLayer(MlpHidden, Mnist1dDataset.ClassCount, Activation.Identity),
        ];
        foreach (var layer in dense) layer.Initialize(initializer, random);
        foreach (var layer in dense) FillBiases(layer.Biases, layer.InputWidth, random);
        return new Network([dense[0], new ResidualBlock([dense[1]]), dense[2]]);
    }

    /// <summary>
    /// A vanilla deep CNN for MNIST-1D, the network of Xiao et al. (2018) at small scale: <paramref name="depth"/>
    /// convolutions with k = 3 taps, stride 1 and "same" padding (the first from 1 to C channels, the others C to C),
    /// each followed by <paramref name="activation"/>, no normalization and no skip connection; then a global average
    /// pool over the 40 positions and a linear layer of 10 logits. Every weight tensor from
    /// <paramref name="initializer"/> (input side first), except that the linear layer, which has no kernel, takes
    /// <c>Init.Orthogonal(gain)</c> when the initializer is <c>Init.DeltaOrthogonal(gain)</c>; every bias 0 (Xiao et
    /// al.'s critical tanh networks have sigma_b^2 = 0 or near it).
    /// </summary>
    /// <param name="depth">Convolutions; at least 1.</param>
    /// <param name="channels">C; at least 1.</param>
    /// <param name="initializer">The initializer of every weight tensor, e.g. <c>Init.DeltaOrthogonal(1)</c>.</param>
    /// <param name="activation">The activation of every convolution, e.g. tanh.</param>
    /// <param name="random">The source of every weight.</param>
    /// <param name="padding">Circular (default, the theory's periodic boundary) or zeros.</param>
    /// <returns>The network, 40 inputs and 10 outputs.</returns>
    public static Network VanillaCnn(int depth, int channels, IWeightInitializer initializer, Activation activation,
        RandomSource random, PaddingMode padding = PaddingMode.Circular)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(random);
        const int length = Mnist1dDataset.FeatureCount;
        var layers = new List<Layer>(depth + 2);
        for (int l = 0; l < depth; l++)
        {
            var conv = new Conv1dLayer(l == 0 ? 1 : channels, channels, 3, length, activation, padding);
            conv.Initialize(initializer, random);
            layers.Add(conv);
        }
        layers.Add(new GlobalAveragePoolLayer(channels, length));
        var head = new DenseLayer(channels, Mnist1dDataset.ClassCount, Activation.Identity);
        head.Initialize(initializer is DeltaOrthogonalInitializer delta ? Init.Orthogonal(delta.Gain) : initializer, random);
        layers.Add(head);
        return new Network(layers);
    }

    private static void FillBiases(Span<double> biases, int fanIn, RandomSource random)
    {
        double bound = PyTorchLinearDefaultInitializer.BiasBound(fanIn);
        random.FillUniform(biases, -bound, bound);
    }
}
