using WeightInit.Activations;

namespace WeightInit.Theory;

/// <summary>
/// Layer-sequential unit-variance initialization, LSUV (Mishkin &amp; Matas 2015, "All you need is a
/// good init"): start from orthonormal (or any) weights, then, layer by layer from the input, measure
/// the variance of the layer's output on a mini-batch and divide its weights by sqrt(Var), until
/// |Var - 1| &lt; Tol_var (0.1) or T_max (10) rescalings. It needs no formula for the activation, which
/// is its point for GELU, Swish and other activations without a derived gain.
/// </summary>
/// <remarks>
/// The weights and biases are the network's own for the seed (<see cref="DeepNetwork.FillWeights{T}"/>, in double), so
/// the simulator and the trainer built from <see cref="LsuvResult.Network"/> with the same seed run exactly the weights
/// LSUV normalized (the simulator in float: the same draws, rounded).
/// Var is the variance of all values of the layer's output on the batch (batch times units, mean
/// removed). Each layer's inputs are the outputs of the layers before it, already rescaled. With
/// <see cref="LsuvTarget.PreActivation"/> and zero biases the first rescaling is exact; nonzero
/// biases or <see cref="LsuvTarget.Activation"/> can take more. A layer whose output has zero variance
/// on the batch cannot be rescaled: that is an <see cref="ArgumentException"/>.
/// </remarks>
public static class Lsuv
{
    /// <summary>
    /// Finds the factor s_l of every layer of <paramref name="network"/>, drawn for <paramref name="seed"/>, from the
    /// input side, on the batch <paramref name="inputs"/>, and returns them with the network that carries them
    /// (<see cref="LsuvResult.Network"/>: the input network with the factors multiplied into its weight scales).
    /// </summary>
    /// <param name="network">The network, e.g. with <c>Init.Orthogonal()</c> weights as in the paper.</param>
    /// <param name="seed">The seed of its weights and biases (the seed the simulator or the trainer will use).</param>
    /// <param name="inputs">count x n_0 values, row-major, finite (e.g.
    /// <see cref="Simulation.SimulationOptions.InputBatch"/>, or a mini-batch of training data).</param>
    /// <param name="count">Samples in the batch; at least 2 (a variance needs two).</param>
    /// <param name="options">Tolerance, budget and target; null for the paper's defaults.</param>
    /// <returns>The factors, iteration counts and variances, and the new description.</returns>
    /// <exception cref="ArgumentException">Bad input (the message names it), or a layer's output has zero
    /// variance.</exception>
    public static LsuvResult Initialize(DeepNetwork network, ulong seed, ReadOnlySpan<double> inputs, int count,
        LsuvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new LsuvOptions();
        options.Validate();
        if (count < 2)
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"{nameof(count)} must be at least 2 samples to estimate a variance, but it is {count}.");
        var widths = network.Widths;
        Guard.Length(inputs.Length, count * widths[0], nameof(inputs), $"{count} samples x {widths[0]} inputs");
        for (int i = 0; i < inputs.Length; i++)
            if (!double.IsFinite(inputs[i]))
                throw new ArgumentException(
                    $"{nameof(inputs)} must be finite, but {nameof(inputs)}[{i}] is {inputs[i]}.", nameof(inputs));
        var run = new Run(options, network.Depth, count, inputs.ToArray(), nameof(network));
        for (int l = 1; l <= network.Depth; l++)
        {
            int nOut = widths[l], nIn = widths[l - 1];
            var w = new double[nOut * nIn];
            network.FillWeights<double>(l, w, seed);
            var b = new double[nOut];
            network.FillBiases<double>(l, b, seed);
            run.Layer(l - 1, w, b, network.ActivationOf(l), nIn, nOut);
        }
        return run.Result(network);
    }

    /// <summary>The layer-by-layer state of one LSUV run: the current layer's inputs and what each layer did.</summary>
    private sealed class Run(LsuvOptions options, int layerCount, int batch, double[] input, string networkParameter)
    {
        private readonly double[] _scales = new double[layerCount], _before = new double[layerCount], _after =
            new double[layerCount];
        private readonly int[] _iterations = new int[layerCount];
        private double[] _x = input;

        /// <summary>Normalizes layer <paramref name="l"/> (0-based) and moves the batch through it.</summary>
        public void Layer(int l, double[] weights, double[] biases, Activation activation, int nIn, int nOut)
        {
            // z(s) = s (x W^T) + b: one product, then every rescaling is elementwise.
            var u = new double[batch * nOut];
            WeightInit.LinearAlgebra.MatrixMultiply.MultiplyTransposed(_x, weights, u, batch, nIn, nOut);
            var z = new double[u.Length];
            var a = new double[u.Length];
            double scale = 1;
            double Measure()
            {
                for (int r = 0; r < batch; r++)
                    for (int j = 0; j < nOut; j++) z[r * nOut + j] = scale * u[r * nOut + j] + biases[j];
                activation.Apply(z, a);
                return Variance(options.Target == LsuvTarget.PreActivation ? z : a);
            }
            double variance = Measure();
            _before[l] = variance;
            int iterations = 0;
            while (Math.Abs(variance - 1) >= options.Tolerance && iterations < options.MaxIterations)
            {
                if (!(variance > 0) || !double.IsFinite(variance))
                    throw new ArgumentException($"Layer {l + 1}'s output has variance {variance} on the batch, so " +
                        $"LSUV cannot rescale it.", networkParameter);
                scale /= Math.Sqrt(variance);
                iterations++;
                variance = Measure();
            }
            _scales[l] = scale;
            _iterations[l] = iterations;
            _after[l] = variance;
            _x = a;
        }

        /// <summary>The result, with <paramref name="network"/>'s scales multiplied by the ones found.</summary>
        public LsuvResult Result(DeepNetwork network)
        {
            var combined = new double[_scales.Length];
            for (int l = 0; l < combined.Length; l++) combined[l] = (network.WeightScales?[l] ?? 1) * _scales[l];
            return new(options, network.WithWeightScales(combined), _scales, _iterations, _before, _after);
        }

        private static double Variance(ReadOnlySpan<double> values)
        {
            double mean = 0;
            foreach (double v in values) mean += v;
            mean /= values.Length;
            double ss = 0;
            foreach (double v in values) ss += (v - mean) * (v - mean);
            return ss / values.Length;
        }
    }
}
