using WeightInit.Convolution;
using WeightInit.Training;

namespace WeightInit.Theory;

/// <summary>
/// The input-output Jacobian J = D_L K_L ... D_1 K_1 of a deep vanilla 1-D CNN (<see cref="DeepConvNetwork"/>) at
/// one input, D_l = diag(phi'(h_l)) and K_l the convolution as an N x N matrix (N = C n): its mean squared singular
/// value after every layer and all its singular values at chosen depths (<see cref="JacobianSpectra"/>), the
/// convolutional counterpart of <see cref="InputOutputJacobian"/>. Xiao et al. (2018) show that delta-orthogonal
/// kernels with tanh at criticality keep every singular value near 1 at any depth (dynamical isometry), where
/// Gaussian kernels of the same variance spread them out.
/// </summary>
/// <remarks>
/// <para>J is built layer by layer as its transpose: row s of the N x N matrix M is J e_s, the response of the
/// current layer to a unit change of input value s, a signal of C x n values. Each layer convolves all N rows at
/// once as one batch of the library's <see cref="Conv1dLayer"/> (the biases move h_l but not J) and multiplies them
/// by phi'(h_l) of the forward signal: N^2 C k multiply-adds per layer, against N^3 for a dense layer of the same
/// size.</para>
/// <para>Random streams of <see cref="JacobianOptions.Seed"/>: the input from stream 0, as
/// <see cref="InputOutputJacobian"/>'s (the mean-field model is that of sigma_w^2 and sigma_b^2 the network
/// states, <see cref="DeepConvNetwork.WeightVariance"/>); K_l and b_l from the network's own streams
/// (<see cref="DeepConvNetwork.FillKernel"/>, <see cref="DeepConvNetwork.FillBiases"/>).</para>
/// </remarks>
public sealed class ConvolutionalJacobian : JacobianSpectra
{
    private ConvolutionalJacobian(DeepConvNetwork network, JacobianOptions options, MeanFieldModel model)
        : base(options, model, network.Depth) => Network = network;

    /// <summary>The network.</summary>
    public DeepConvNetwork Network { get; }

    /// <summary>
    /// Builds J of <paramref name="network"/> layer by layer, its kernels and biases drawn for the options' seed, and
    /// computes the requested spectra.
    /// </summary>
    /// <param name="network">The network: sigma_w^2 and sigma_b^2 stated by its initializers
    /// (<see cref="DeepConvNetwork.WeightVariance"/>), N^2 within one array.</param>
    /// <param name="options">The input length, spectrum depths and seed; null for the defaults. Validated
    /// first.</param>
    /// <returns>The Jacobian's statistics.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule, or the network is too large or states no
    /// variance.</exception>
    /// <exception cref="InvalidOperationException">Every derivative of a layer is 0, or a value is not
    /// finite.</exception>
    public static ConvolutionalJacobian Compute(DeepConvNetwork network, JacobianOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new JacobianOptions();
        int c = network.Channels, n = network.Size, depth = network.Depth;
        if ((long)n * n > Array.MaxLength)
            throw new ArgumentException($"network's N = C n = {n} squared must fit in one array.", nameof(network));
        var model = MeanFieldModelOf(network);
        var result = new ConvolutionalJacobian(network, options, model);
        var x = new double[n];
        result.DrawInput(x, model);
        var layer = network.CreateLinearLayer();
        var h = new double[n];
        var derivative = new double[n];
        var bias = new double[c];
        var m = new double[(long)n * n];
        var next = new double[(long)n * n];
        for (int s = 0; s < n; s++) m[(long)s * n + s] = 1; // J_0 = I
        for (int l = 1; l <= depth; l++)
        {
            network.FillKernel(l, layer.Weights, options.Seed);
            layer.ForwardCore(x, 1, h, PassContext.Inference);
            if (!network.HasZeroBiases)
            {
                network.FillBiases(l, bias, options.Seed);
                for (int i = 0; i < n; i++) h[i] += bias[i / network.Length];
            }
            network.Activation.Derivative(h, derivative);
            network.Activation.Apply(h, x);
            layer.ForwardCore(m, n, next, PassContext.Inference); // row s: K_l (J_{l-1} e_s)
            for (int s = 0; s < n; s++)
            {
                var row = next.AsSpan(s * n, n);
                for (int i = 0; i < n; i++) row[i] *= derivative[i];
            }
            (m, next) = (next, m);
            result.Record(l, h, m, n);
        }
        return result;
    }

    /// <summary>The mean-field model of sigma_w^2 and sigma_b^2 the network's initializers state.</summary>
    private static MeanFieldModel MeanFieldModelOf(DeepConvNetwork network)
    {
        double weightVariance = network.WeightVariance ?? throw new ArgumentException(
            $"network's kernel initializer {network.WeightInitializer.Name} states no variance, so the input " +
            "cannot be scaled to a pre-activation length.", nameof(network));
        double biasVariance = network.BiasVariance ?? throw new ArgumentException(
            $"network's bias initializer {network.BiasInitializer.Name} states no variance.", nameof(network));
        if (!(weightVariance > 0))
            throw new ArgumentException($"network has sigma_w^2 = {weightVariance}: J would be 0.", nameof(network));
        return new MeanFieldModel(network.Activation, weightVariance, biasVariance);
    }
}
