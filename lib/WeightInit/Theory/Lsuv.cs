using WeightInit.Activations;
using WeightInit.Random;
using WeightInit.Simulation;
using WeightInit.Training;

namespace WeightInit.Theory;

/// <summary>
/// Layer-sequential unit-variance initialization, LSUV (Mishkin &amp; Matas 2015, "All you need is a
/// good init"): start from orthonormal (or any) weights, then, layer by layer from the input, measure
/// the variance of the layer's output on a mini-batch and divide its weights by sqrt(Var), until
/// |Var - 1| &lt; Tol_var (0.1) or T_max (10) rescalings. It needs no formula for the activation, which
/// is its point for GELU, Swish and other activations without a derived gain.
/// </summary>
/// <remarks>
/// Var is the variance of all values of the layer's output on the batch (batch times units, mean
/// removed). Each layer's inputs are the outputs of the layers before it, already rescaled. With
/// <see cref="LsuvTarget.PreActivation"/> and zero biases the first rescaling is exact; nonzero
/// biases or <see cref="LsuvTarget.Activation"/> can take more. A layer whose output has zero variance
/// on the batch cannot be rescaled: that is an <see cref="ArgumentException"/>.
/// </remarks>
public static class Lsuv
{
    /// <summary>
    /// Rescales the weights of every layer of <paramref name="network"/> in place (biases untouched),
    /// from the input side, on the batch <paramref name="inputs"/>.
    /// </summary>
    /// <param name="network">The network, initialized (e.g. with <c>Init.Orthogonal()</c>).</param>
    /// <param name="inputs">count x network.InputWidth values, row-major, finite.</param>
    /// <param name="count">Samples in the batch; at least 2 (a variance needs two).</param>
    /// <param name="options">Tolerance, budget and target; null for the paper's defaults.</param>
    /// <returns>The scales, iteration counts and variances.</returns>
    /// <exception cref="ArgumentException">Bad input (the message names it), or a layer's output has zero variance.</exception>
    public static LsuvResult Initialize(MultilayerPerceptron network, ReadOnlySpan<double> inputs, int count, LsuvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new LsuvOptions();
        options.Validate();
        CheckBatch(count);
        Guard.Length(inputs.Length, count * network.InputWidth, nameof(inputs), $"{count} samples x {network.InputWidth} inputs");
        CheckFinite(inputs, nameof(inputs));
        var layers = network.Layers;
        var run = new Run(options, layers.Count, count, inputs.ToArray(), nameof(network));
        for (int l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            double scale = run.Layer(l, layer.Weights.ToArray(), layer.Biases.ToArray(), layer.Activation, layer.InputWidth, layer.OutputWidth);
            foreach (ref double w in layer.Weights) w *= scale;
        }
        return run.Result();
    }

    /// <summary>
    /// The LSUV scales of the network <see cref="DeepNetworkSimulator"/> would simulate with
    /// <paramref name="options"/>, on its own input batch: the same weights, biases and input (drawn
    /// from the same streams, in the run's precision), normalized layer by layer in double. Run the
    /// LSUV network with <c>options with { WeightScales = result.Scales }</c>.
    /// </summary>
    /// <param name="options">The simulation; valid, with <see cref="SimulationOptions.WeightScales"/> null and a batch of at least 2.</param>
    /// <param name="lsuvOptions">Tolerance, budget and target; null for the paper's defaults.</param>
    /// <returns>The scales, iteration counts and variances.</returns>
    /// <exception cref="ArgumentException">Bad input (the message names it), or a layer's output has zero variance.</exception>
    public static LsuvResult ForSimulation(SimulationOptions options, LsuvOptions? lsuvOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.WeightScales is not null)
            throw new ArgumentException($"options.{nameof(SimulationOptions.WeightScales)} must be null: LSUV finds the scales.", nameof(options));
        lsuvOptions ??= new LsuvOptions();
        lsuvOptions.Validate();
        CheckBatch(options.BatchSize, "options.BatchSize");
        int[] widths = options.ResolveWidths();
        int batch = options.BatchSize;
        bool single = options.Precision == FloatPrecision.Single;
        var root = new RandomSource(options.Seed);
        var input = new double[batch * widths[0]];
        if (options.Input is { } given) for (int i = 0; i < input.Length; i++) input[i] = single ? (float)given[i] : given[i];
        else Draw(input, single, (d, f) => { if (f is null) root.Fork(0).FillNormal(d, 0, 1); else root.Fork(0).FillNormal(f, 0f, 1f); });
        var run = new Run(lsuvOptions, options.Depth, batch, input, nameof(options));
        for (int l = 1; l <= options.Depth; l++)
        {
            int nOut = widths[l], nIn = widths[l - 1];
            var w = new double[nOut * nIn];
            var stream = root.Fork((ulong)l);
            Draw(w, single, (d, f) => { if (f is null) options.WeightInitializer!.Fill(d, [nOut, nIn], stream); else options.WeightInitializer!.Fill(f, [nOut, nIn], stream); });
            var b = new double[nOut];
            if (options.BiasInitializer is { } bi)
            {
                var biasStream = root.Fork(SimulationEngine<double>.BiasStreamBase + (ulong)l);
                Draw(b, single, (d, f) => { if (f is null) bi.Fill(d, [nOut], biasStream); else bi.Fill(f, [nOut], biasStream); });
            }
            else Array.Fill(b, single ? (float)options.BiasValue : options.BiasValue);
            run.Layer(l - 1, w, b, options.Activation, nIn, nOut);
        }
        return run.Result();
    }

    /// <summary>Fills <paramref name="destination"/> through <paramref name="fill"/> in double, or in float and widened.</summary>
    private static void Draw(double[] destination, bool single, Action<double[], float[]?> fill)
    {
        if (!single) { fill(destination, null); return; }
        var f = new float[destination.Length];
        fill(destination, f);
        for (int i = 0; i < f.Length; i++) destination[i] = f[i];
    }

    private static void CheckBatch(int count, string paramName = "count")
    {
        if (count < 2)
            throw new ArgumentOutOfRangeException(paramName, count, $"{paramName} must be at least 2 samples to estimate a variance, but it is {count}.");
    }

    private static void CheckFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{paramName} must be finite, but {paramName}[{i}] is {values[i]}.", paramName);
    }

    /// <summary>The layer-by-layer state of one LSUV run: the current layer's inputs and what each layer did.</summary>
    private sealed class Run(LsuvOptions options, int layerCount, int batch, double[] input, string networkParameter)
    {
        private readonly double[] _scales = new double[layerCount], _before = new double[layerCount], _after = new double[layerCount];
        private readonly int[] _iterations = new int[layerCount];
        private double[] _x = input;

        /// <summary>Normalizes layer <paramref name="l"/> (0-based) and moves the batch through it; returns its scale.</summary>
        public double Layer(int l, double[] weights, double[] biases, Activation activation, int nIn, int nOut)
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
                    throw new ArgumentException($"Layer {l + 1}'s output has variance {variance} on the batch, so LSUV cannot rescale it.", networkParameter);
                scale /= Math.Sqrt(variance);
                iterations++;
                variance = Measure();
            }
            _scales[l] = scale;
            _iterations[l] = iterations;
            _after[l] = variance;
            _x = a;
            return scale;
        }

        public LsuvResult Result() => new(options, _scales, _iterations, _before, _after);

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
