using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// A multilayer perceptron: a stack of <see cref="DenseLayer"/>s evaluated on whole batches with the
/// library's matrix products, and trained by backpropagation (Rumelhart, Hinton &amp; Williams, 1986,
/// "Learning representations by back-propagating errors").
/// </summary>
/// <remarks>
/// <para>Forward, for a batch X = A_0 (B x n_0): Z_l = A_{l-1} W_l^T + b_l and A_l = f_l(Z_l).
/// The last layer's output A_L is the logits the <see cref="Loss"/> turns into probabilities.</para>
/// <para>Backward, from G_L = dLoss/dA_L: dZ_l = G_l * f_l'(Z_l) (elementwise), dW_l = dZ_l^T A_{l-1},
/// db_l = the column sums of dZ_l, and G_{l-1} = dZ_l W_l.</para>
/// <para>The forward pass of training computes f_l and f_l' together (Activation.ApplyWithDerivative)
/// and keeps f_l'(Z_l) for the backward pass; layers with the identity activation skip both.</para>
/// <para>An instance keeps its work buffers between calls, so it is not thread-safe.</para>
/// </remarks>
public sealed class MultilayerPerceptron
{
    /// <summary>Rows per forward pass when predicting or evaluating large sets.</summary>
    private const int ChunkRows = 256;

    private readonly DenseLayer[] _layers;
    private double[][] _a = [], _derivative = [];
    private double[] _z = [], _gradient = [], _gradientPrevious = [];
    private int _capacity;

    /// <summary>Creates a network from its layers, input side first.</summary>
    /// <param name="layers">At least one layer; each layer's input width must equal the previous layer's output width.</param>
    public MultilayerPerceptron(IEnumerable<DenseLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = [.. layers];
        if (_layers.Length == 0)
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        for (int l = 0; l < _layers.Length; l++)
        {
            if (_layers[l] is null)
                throw new ArgumentException($"Layer {l} is null.", nameof(layers));
            if (l > 0 && _layers[l].InputWidth != _layers[l - 1].OutputWidth)
                throw new ArgumentException(
                    $"Layer {l} takes {_layers[l].InputWidth} inputs, but layer {l - 1} gives {_layers[l - 1].OutputWidth} outputs.", nameof(layers));
        }
        for (int l = 0; l < _layers.Length; l++)
            for (int m = 0; m < l; m++)
                if (ReferenceEquals(_layers[l], _layers[m]))
                    throw new ArgumentException($"Layers {m} and {l} are the same object; every layer needs its own parameters.", nameof(layers));
    }

    /// <summary>
    /// Creates a network of dense layers with the given widths: widths[0] inputs, hidden layers of
    /// widths[1 .. ^2] units with activation <paramref name="hiddenActivation"/>, and a linear output
    /// layer of widths[^1] logits. Every weight matrix is filled by <paramref name="initializer"/>,
    /// layer by layer from the input side, drawing from <paramref name="random"/>; biases are zero.
    /// </summary>
    /// <param name="widths">At least two widths, each at least 1, e.g. [64, 256, 256, 10].</param>
    /// <param name="hiddenActivation">The activation of every hidden layer.</param>
    /// <param name="initializer">The initializer of every weight matrix.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <returns>The network.</returns>
    public static MultilayerPerceptron Create(IReadOnlyList<int> widths, Activation hiddenActivation,
        IWeightInitializer initializer, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(hiddenActivation);
        ArgumentNullException.ThrowIfNull(initializer);
        int layerCount = widths.Count - 1;
        var activations = new Activation[Math.Max(layerCount, 0)];
        var initializers = new IWeightInitializer[Math.Max(layerCount, 0)];
        for (int l = 0; l < layerCount; l++)
        {
            activations[l] = l == layerCount - 1 ? Activation.Identity : hiddenActivation;
            initializers[l] = initializer;
        }
        return Create(widths, activations, initializers, random);
    }

    /// <summary>
    /// Creates a network with a chosen activation and initializer per layer (input side first).
    /// Layer l maps widths[l] inputs to widths[l + 1] outputs; biases are zero.
    /// </summary>
    /// <param name="widths">At least two widths, each at least 1.</param>
    /// <param name="activations">widths.Count - 1 activations; use <see cref="Activation.Identity"/> for logits.</param>
    /// <param name="initializers">widths.Count - 1 initializers.</param>
    /// <param name="random">The source of the initial weights, drawn layer by layer from the input side.</param>
    /// <returns>The network.</returns>
    public static MultilayerPerceptron Create(IReadOnlyList<int> widths, IReadOnlyList<Activation> activations,
        IReadOnlyList<IWeightInitializer> initializers, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(initializers);
        ArgumentNullException.ThrowIfNull(random);
        if (widths.Count < 2)
            throw new ArgumentException($"widths needs at least two entries (inputs and outputs), but it has {widths.Count}.", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] <= 0)
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], $"Every width must be at least 1, but widths[{i}] is {widths[i]}.");
        int layerCount = widths.Count - 1;
        if (activations.Count != layerCount)
            throw new ArgumentException($"activations needs one entry per layer ({layerCount}), but it has {activations.Count}.", nameof(activations));
        if (initializers.Count != layerCount)
            throw new ArgumentException($"initializers needs one entry per layer ({layerCount}), but it has {initializers.Count}.", nameof(initializers));
        var layers = new DenseLayer[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            if (activations[l] is null) throw new ArgumentException($"activations[{l}] is null.", nameof(activations));
            if (initializers[l] is null) throw new ArgumentException($"initializers[{l}] is null.", nameof(initializers));
            layers[l] = new DenseLayer(widths[l], widths[l + 1], activations[l]);
            layers[l].Initialize(initializers[l], random);
        }
        return new MultilayerPerceptron(layers);
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>Inputs per sample.</summary>
    public int InputWidth => _layers[0].InputWidth;

    /// <summary>Outputs (logits) per sample.</summary>
    public int OutputWidth => _layers[^1].OutputWidth;

    /// <summary>The number of weights and biases.</summary>
    public long ParameterCount => _layers.Sum(l => (long)l.Weights.Length + l.Biases.Length);

    /// <summary>An independent copy of the network (same weights, biases and activations).</summary>
    /// <returns>The copy.</returns>
    public MultilayerPerceptron Clone() => new(_layers.Select(l => l.Clone()));

    /// <summary>
    /// A copy of this network with the units of hidden layer <paramref name="layer"/> listed in another order: unit j
    /// of the copy is unit order[j] of this network (row order[j] of W_l and entry order[j] of b_l become row j and
    /// entry j, and column order[j] of the next layer's W_(l+1) becomes column j). The copy computes the same function
    /// (up to the rounding of the next layer's sums, taken in another order) with a different parameter vector: the
    /// permutation symmetry of a layer's units.
    /// </summary>
    /// <param name="layer">A hidden layer: in [0, Layers.Count - 2] (the output layer's units are the classes).</param>
    /// <param name="order">A permutation of 0 .. Layers[layer].OutputWidth - 1.</param>
    /// <returns>The reordered copy; this network is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not a hidden layer.</exception>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation of the layer's units.</exception>
    public MultilayerPerceptron WithHiddenUnitsPermuted(int layer, ReadOnlySpan<int> order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layer, _layers.Length - 2);
        var hidden = _layers[layer];
        var next = _layers[layer + 1];
        int units = hidden.OutputWidth, inputs = hidden.InputWidth, outputs = next.OutputWidth;
        Guard.Length(order.Length, units, nameof(order), $"one entry per unit of layer {layer}");
        var seen = new bool[units];
        for (int j = 0; j < units; j++)
        {
            int source = order[j];
            if (source < 0 || source >= units || seen[source])
                throw new ArgumentException($"order must be a permutation of 0..{units - 1}, but order[{j}] is {source}.", nameof(order));
            seen[source] = true;
        }
        var copy = Clone();
        Span<double> w = copy._layers[layer].Weights, b = copy._layers[layer].Biases, v = copy._layers[layer + 1].Weights;
        for (int j = 0; j < units; j++)
        {
            hidden.IncomingWeights(order[j]).CopyTo(w.Slice(j * inputs, inputs));
            b[j] = hidden.Biases[order[j]];
            for (int k = 0; k < outputs; k++) v[k * units + j] = next.Weights[k * units + order[j]];
        }
        return copy;
    }

    /// <summary>A gradient holder shaped like this network's parameters.</summary>
    /// <returns>Zero gradients.</returns>
    public NetworkGradients CreateGradients() => new(_layers);

    /// <summary>The network's outputs (logits) for <paramref name="count"/> samples.</summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1.</param>
    /// <param name="outputs">count x OutputWidth values to overwrite.</param>
    public void Forward(ReadOnlySpan<double> inputs, int count, Span<double> outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * InputWidth, nameof(inputs), $"{count} samples x {InputWidth} inputs");
        Guard.Length(outputs.Length, count * OutputWidth, nameof(outputs), $"{count} samples x {OutputWidth} outputs");
        for (int start = 0; start < count; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, count - start);
            ForwardBatch(inputs.Slice(start * InputWidth, rows * InputWidth), rows);
            _a[^1].AsSpan(0, rows * OutputWidth).CopyTo(outputs.Slice(start * OutputWidth));
        }
    }

    /// <summary>Class probabilities under <paramref name="loss"/> (softmax or sigmoid of the logits).</summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1.</param>
    /// <param name="loss">The loss the network is trained with; it defines the probabilities.</param>
    /// <returns>count x loss.ClassCount(OutputWidth) probabilities, row-major.</returns>
    public double[] PredictProbabilities(ReadOnlySpan<double> inputs, int count, Loss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        int classes = loss.ClassCount(OutputWidth);
        var outputs = new double[count > 0 ? count * OutputWidth : 0];
        Forward(inputs, count, outputs);
        var probabilities = new double[count * classes];
        loss.Probabilities(outputs, count, OutputWidth, probabilities);
        return probabilities;
    }

    /// <summary>The predicted class of each sample (-1 where an output is not finite).</summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1.</param>
    /// <param name="loss">The loss the network is trained with.</param>
    /// <returns>count classes.</returns>
    public int[] PredictClasses(ReadOnlySpan<double> inputs, int count, Loss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        loss.CheckWidth(OutputWidth);
        var outputs = new double[count > 0 ? count * OutputWidth : 0];
        Forward(inputs, count, outputs);
        var classes = new int[count];
        for (int i = 0; i < count; i++) classes[i] = loss.PredictClass(outputs.AsSpan(i * OutputWidth, OutputWidth));
        return classes;
    }

    /// <summary>The mean loss and the accuracy of the network on a whole data set.</summary>
    /// <param name="data">The samples; FeatureCount must equal InputWidth and the classes must match the loss.</param>
    /// <param name="loss">The loss.</param>
    /// <returns>The mean loss and the fraction of samples classified correctly.</returns>
    public EvaluationResult Evaluate(LabeledDataset data, Loss loss)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        CheckData(data, loss);
        double totalLoss = 0;
        int correct = 0;
        for (int start = 0; start < data.Count; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, data.Count - start);
            ForwardBatch(data.Features.Slice(start * InputWidth, rows * InputWidth), rows);
            var outputs = _a[^1].AsSpan(0, rows * OutputWidth);
            var labels = data.Labels.Slice(start, rows);
            totalLoss += loss.Compute(outputs, labels, rows, OutputWidth, []) * rows;
            for (int i = 0; i < rows; i++)
                if (loss.PredictClass(outputs.Slice(i * OutputWidth, OutputWidth)) == labels[i]) correct++;
        }
        return new EvaluationResult(totalLoss / data.Count, (double)correct / data.Count, correct, data.Count);
    }

    /// <summary>
    /// Backpropagation: the mean loss over a batch and its gradient with respect to every weight and
    /// bias, written to <paramref name="gradients"/>. The parameters are not changed.
    /// </summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="labels">count labels in [0, loss.ClassCount(OutputWidth)).</param>
    /// <param name="count">Samples in the batch; at least 1.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="gradients">Where to write the gradient; from <see cref="CreateGradients"/>.</param>
    /// <returns>The mean loss over the batch.</returns>
    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels, int count, Loss loss, NetworkGradients gradients)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * InputWidth, nameof(inputs), $"{count} samples x {InputWidth} inputs");
        Guard.Length(labels.Length, count, nameof(labels), "one label per sample");
        CheckGradients(gradients);
        loss.CheckWidth(OutputWidth);

        ForwardBatch(inputs, count, keepDerivatives: true);
        var g = _gradient.AsSpan(0, count * OutputWidth);
        double value = loss.Compute(_a[^1].AsSpan(0, count * OutputWidth), labels, count, OutputWidth, g);

        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            int n = layer.OutputWidth, k = layer.InputWidth;
            var dz = _gradient.AsSpan(0, count * n);
            if (layer.Activation is not IdentityActivation)
                SpanMath.MultiplyInPlace(dz, _derivative[l].AsSpan(0, count * n));
            ReadOnlySpan<double> previous = l == 0 ? inputs : _a[l - 1].AsSpan(0, count * k);
            MatrixMultiply.TransposeMultiply(dz, previous, gradients.Weights(l), n, count, k);
            SpanMath.SumRows(dz, count, gradients.Biases(l));
            if (l > 0)
            {
                MatrixMultiply.Multiply(dz, layer.Weights, _gradientPrevious.AsSpan(0, count * k), count, n, k);
                (_gradient, _gradientPrevious) = (_gradientPrevious, _gradient);
            }
        }
        return value;
    }

    internal void CheckData(LabeledDataset data, Loss loss)
    {
        if (data.FeatureCount != InputWidth)
            throw new ArgumentException($"The data have {data.FeatureCount} features per sample, but the network takes {InputWidth} inputs.", nameof(data));
        int classes = loss.ClassCount(OutputWidth);
        if (data.ClassCount > classes)
            throw new ArgumentException(
                $"The data have {data.ClassCount} classes, but the network with {OutputWidth} outputs and {loss.Name} predicts {classes}.", nameof(data));
    }

    private void CheckGradients(NetworkGradients gradients)
    {
        bool matches = gradients.LayerCount == _layers.Length;
        for (int l = 0; matches && l < _layers.Length; l++)
            matches = gradients.Weights(l).Length == _layers[l].Weights.Length && gradients.Biases(l).Length == _layers[l].OutputWidth;
        if (!matches)
            throw new ArgumentException("gradients must be shaped like this network's parameters; create them with CreateGradients().", nameof(gradients));
    }

    /// <summary>
    /// Runs the batch forward, keeping A_l of every layer in the work buffers and, when
    /// <paramref name="keepDerivatives"/> is set (for backpropagation), f_l'(Z_l) too.
    /// </summary>
    private void ForwardBatch(ReadOnlySpan<double> inputs, int count, bool keepDerivatives = false)
    {
        EnsureCapacity(count);
        ReadOnlySpan<double> previous = inputs;
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            int n = layer.OutputWidth;
            bool identity = layer.Activation is IdentityActivation;
            var a = _a[l].AsSpan(0, count * n);
            var z = identity ? a : _z.AsSpan(0, count * n);
            MatrixMultiply.MultiplyTransposed(previous, layer.Weights, z, count, layer.InputWidth, n);
            SpanMath.AddToEachRow(z, layer.Biases, count);
            if (identity) { }
            else if (keepDerivatives) layer.Activation.ApplyWithDerivative(z, a, _derivative[l].AsSpan(0, count * n));
            else layer.Activation.Apply(z, a);
            previous = a;
        }
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _capacity) return;
        int capacity = Math.Max(count, _capacity * 2);
        int maxWidth = _layers.Max(l => Math.Max(l.InputWidth, l.OutputWidth));
        _a = [.. _layers.Select(l => new double[capacity * l.OutputWidth])];
        _derivative = [.. _layers.Select(l => l.Activation is IdentityActivation ? [] : new double[capacity * l.OutputWidth])];
        _z = new double[capacity * maxWidth];
        _gradient = new double[capacity * maxWidth];
        _gradientPrevious = new double[capacity * maxWidth];
        _capacity = capacity;
    }
}
