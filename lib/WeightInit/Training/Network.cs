using WeightInit.Activations;

namespace WeightInit.Training;

/// <summary>
/// A feed-forward network: a chain of <see cref="Layer"/>s evaluated on whole batches and trained by
/// backpropagation (Rumelhart, Hinton &amp; Williams 1986, "Learning representations by
/// back-propagating errors"). The last layer's outputs are the logits a <see cref="Loss"/> turns into
/// probabilities. <see cref="Create"/> builds the trainable network a <see cref="DeepNetwork"/> describes (dense
/// layers, or with normalization); <see cref="ResidualNetwork"/> builds residual ones.
/// </summary>
/// <remarks>
/// <para>Dense layers only, for a batch X = A_0 (B x n_0): Z_l = A_{l-1} W_l^T + b_l and A_l = f_l(Z_l); backward, from
/// G_L = dLoss/dA_L: dZ_l = G_l * f_l'(Z_l) (elementwise), dW_l = dZ_l^T A_{l-1}, db_l = the column sums of dZ_l, and
/// G_{l-1} = dZ_l W_l. The training forward pass computes f_l and f_l' together and keeps f_l'(Z_l) for the backward
/// pass; layers with the identity activation skip both.</para>
/// <para>Two modes: <see cref="ComputeGradients"/> runs in training mode (batch normalization uses the
/// batch's statistics); <see cref="Forward"/>, <see cref="Evaluate"/> and the predictions run in
/// inference mode (running statistics). Neither changes the parameters or the running statistics;
/// the <see cref="Trainer"/> does, after each step.</para>
/// <para>An instance keeps its work buffers between calls, so it is not thread-safe.</para>
/// </remarks>
public sealed class Network
{
    /// <summary>Rows per forward pass when predicting or evaluating large sets.</summary>
    private const int ChunkRows = 256;

    private readonly Layer[] _layers;
    private readonly LayerSequence _sequence;
    private readonly DenseLayer[] _denseLayers;

    /// <summary>Creates a network from its layers, input side first.</summary>
    /// <param name="layers">At least one layer; each layer's input width must equal the previous layer's output width,
    /// and no layer object may appear twice (inside residual blocks either).</param>
    public Network(IEnumerable<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = [.. layers];
        if (_layers.Length == 0)
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        NetworkValidation.CheckChain(_layers, nameof(layers));
        NetworkValidation.CheckDistinct(_layers, nameof(layers));
        _sequence = new LayerSequence(_layers);
        AllLayers = [.. _layers.SelectMany(Flatten)];
        _denseLayers = [.. AllLayers.OfType<DenseLayer>()];
    }

    /// <summary>
    /// The trainable network <paramref name="network"/> describes, its weights and biases drawn for
    /// <paramref name="seed"/> by <see cref="DeepNetwork.FillWeights{T}"/> and <see cref="DeepNetwork.FillBiases{T}"/>:
    /// the same weights the simulator and LSUV use for that seed. Without normalization, one <see cref="DenseLayer"/>
    /// per layer with its activation f_l. With <see cref="Normalization.BatchNorm"/> or
    /// <see cref="Normalization.LayerNorm"/>,
    /// each
    /// layer but the last is a linear dense layer, the normalization, then <see cref="ActivationLayer"/>(f) (the
    /// arrangement of Ioffe &amp; Szegedy 2015, "Batch Normalization"), and the last a dense layer with f_L: the same
    /// weight matrices either way.
    /// </summary>
    /// <param name="network">The description; a <see cref="DeepNetwork.Classifier"/> gives logits for a
    /// <see cref="Loss"/>.</param>
    /// <param name="seed">The seed of the weights and biases.</param>
    /// <param name="normalization">The normalization after each hidden dense layer (default none).</param>
    /// <returns>The network: <see cref="DenseLayers"/>[l - 1] holds W_l and b_l.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The normalization is not defined.</exception>
    public static Network Create(DeepNetwork network, ulong seed, Normalization normalization = Normalization.None)
    {
        ArgumentNullException.ThrowIfNull(network);
        Guard.Defined(normalization);
        var layers = new List<Layer>();
        for (int l = 1; l <= network.Depth; l++)
        {
            int nIn = network.Widths[l - 1], nOut = network.Widths[l];
            bool normalized = normalization != Normalization.None && l < network.Depth;
            var dense = new DenseLayer(nIn, nOut, normalized ? Activation.Identity : network.ActivationOf(l));
            network.FillWeights(l, dense.Weights, seed);
            network.FillBiases(l, dense.Biases, seed);
            layers.Add(dense);
            if (!normalized) continue;
            layers.Add(NormalizationLayer.Create(normalization, nOut));
            layers.Add(new ActivationLayer(nOut, network.Activation));
        }
        return new Network(layers);
    }

    /// <summary>The top-level layers, input side first (a residual block counts as one).</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>
    /// Every dense layer (every weight matrix), in forward order, including those inside residual
    /// blocks (a block's branch, then its projection). Index l here is "layer l" of
    /// <see cref="NetworkGradients"/> and of the gradient statistics.
    /// </summary>
    public IReadOnlyList<DenseLayer> DenseLayers => _denseLayers;

    /// <summary>Every learnable parameter, layer by layer from the input side (the order of
    /// <see cref="NetworkGradients.Gradient(int)"/>).</summary>
    public IReadOnlyList<Parameter> Parameters => _sequence.Parameters;

    /// <summary>Inputs per sample.</summary>
    public int InputWidth => _layers[0].InputWidth;

    /// <summary>Outputs (logits) per sample.</summary>
    public int OutputWidth => _layers[^1].OutputWidth;

    /// <summary>The number of learnable values.</summary>
    public long ParameterCount => _sequence.Parameters.Sum(p => (long)p.Length);

    /// <summary>Every layer of the tree (a residual block, then the layers inside it), in forward order.</summary>
    internal IReadOnlyList<Layer> AllLayers { get; }

    /// <summary>An independent copy of the network (parameters and running statistics).</summary>
    /// <returns>The copy.</returns>
    public Network Clone() => new(_layers.Select(l => l.Clone()));

    /// <summary>A gradient holder shaped like this network's parameters.</summary>
    /// <returns>Zero gradients.</returns>
    public NetworkGradients CreateGradients() => new(this);

    /// <summary>The network's outputs (logits) for <paramref name="count"/> samples, in inference mode.</summary>
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
            _sequence.Forward(inputs.Slice(start * InputWidth, rows * InputWidth), rows, PassContext.Inference)
                .CopyTo(outputs.Slice(start * OutputWidth));
        }
    }

    /// <summary>
    /// The output of every top-level layer for <paramref name="count"/> samples (one array of
    /// count x that layer's OutputWidth values per layer): e.g. the residual stream after each block.
    /// </summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1 (at least 2 with batch statistics and a batch normalization).</param>
    /// <param name="useBatchStatistics">True: batch normalizations use this batch's statistics, as in a training step
    /// (the running statistics are not changed); false: inference mode.</param>
    /// <returns>One array per entry of <see cref="Layers"/>.</returns>
    public double[][] ForwardEachLayer(ReadOnlySpan<double> inputs, int count, bool useBatchStatistics = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * InputWidth, nameof(inputs), $"{count} samples x {InputWidth} inputs");
        _sequence.Forward(inputs, count, useBatchStatistics ? PassContext.Training : PassContext.Inference);
        return [.. Enumerable.Range(0, _layers.Length).Select(l => _sequence.Output(l, count).ToArray())];
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

    /// <summary>The mean loss and the accuracy of the network on a whole data set, in inference mode.</summary>
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
            var outputs =
                _sequence.Forward(data.Features.Slice(start * InputWidth, rows * InputWidth), rows,
                PassContext.Inference);
            var labels = data.Labels.Slice(start, rows);
            totalLoss += loss.Compute(outputs, labels, rows, OutputWidth, []) * rows;
            for (int i = 0; i < rows; i++)
                if (loss.PredictClass(outputs.Slice(i * OutputWidth, OutputWidth)) == labels[i]) correct++;
        }
        return new EvaluationResult(totalLoss / data.Count, (double)correct / data.Count, correct, data.Count);
    }

    /// <summary>
    /// Backpropagation in training mode: the mean loss over a batch and its gradient with respect to
    /// every parameter, written to <paramref name="gradients"/>. Neither the parameters nor the
    /// running statistics are changed.
    /// </summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="labels">count labels in [0, loss.ClassCount(OutputWidth)).</param>
    /// <param name="count">Samples in the batch; at least 1 (at least 2 if the network has a batch
    /// normalization).</param>
    /// <param name="loss">The loss.</param>
    /// <param name="gradients">Where to write the gradient; from <see cref="CreateGradients"/>.</param>
    /// <returns>The mean loss over the batch.</returns>
    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels, int count, Loss loss,
        NetworkGradients gradients)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * InputWidth, nameof(inputs), $"{count} samples x {InputWidth} inputs");
        Guard.Length(labels.Length, count, nameof(labels), "one label per sample");
        gradients.CheckShape(this, nameof(gradients));
        loss.CheckWidth(OutputWidth);
        return ComputeGradientsCore(inputs, labels, count, loss, gradients, PassContext.Training);
    }

    internal double ComputeGradientsCore(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels, int count, Loss loss,
        NetworkGradients gradients, PassContext context)
    {
        var outputs = _sequence.Forward(inputs, count, context);
        var g = _sequence.OutputGradient(count);
        double value = loss.Compute(outputs, labels, count, OutputWidth, g);
        _sequence.Backward(inputs, count, Span<double>.Empty, gradients.Arrays, context);
        return value;
    }

    /// <summary>Folds the batch statistics of the last training pass into the running statistics.</summary>
    internal void CommitBatchStatistics() => _sequence.CommitBatchStatistics();

    internal void CheckData(LabeledDataset data, Loss loss)
    {
        if (data.FeatureCount != InputWidth)
            throw new ArgumentException($"The data have {data.FeatureCount} features per sample, but the network " +
                $"takes {InputWidth} inputs.", nameof(data));
        int classes = loss.ClassCount(OutputWidth);
        if (data.ClassCount > classes)
            throw new ArgumentException(
                $"The data have {data.ClassCount} classes, but the network with {OutputWidth} outputs and " +
                    $"{loss.Name} predicts {classes}.", nameof(data));
    }

    private static IEnumerable<Layer> Flatten(Layer layer) => layer.Sublayers.SelectMany(Flatten).Prepend(layer);

    /// <inheritdoc/>
    public override string ToString() => $"Network({string.Join(", ", _layers.Select(l => l.ToString()))})";
}
