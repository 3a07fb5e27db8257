namespace WeightInit.Training;

/// <summary>
/// Measurements for training experiments: whether the hidden units of a layer are still copies of one
/// another (symmetry), a network with its hidden units reordered (the permutation symmetry), how far apart two trained
/// networks are in parameter space and in what they predict, and the accuracy of the best constant guess (chance).
/// </summary>
public static class NetworkComparison
{
    /// <summary>
    /// A copy of <paramref name="network"/> with the units of the dense layer <c>network.Layers[layer]</c> listed in
    /// another order: unit j of the copy is unit order[j] of the original (row order[j] of W_l and entry order[j] of
    /// b_l become row j and entry j, and column order[j] of the next dense layer's W_(l+1) becomes column j). The copy
    /// computes the same function (up to the rounding of the next layer's sums, taken in another order) with a
    /// different parameter vector: the permutation symmetry of a layer's units.
    /// </summary>
    /// <param name="network">A network whose top-level layers <paramref name="layer"/> and <paramref name="layer"/> + 1
    /// are dense layers.</param>
    /// <param name="layer">A hidden layer: in [0, Layers.Count - 2] (the output layer's units are the classes).</param>
    /// <param name="order">A permutation of 0 .. Layers[layer].OutputWidth - 1.</param>
    /// <returns>The reordered copy; the network is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not a hidden layer.</exception>
    /// <exception cref="ArgumentException">
    /// The layer or the next is not a dense layer, or <paramref name="order"/> is not a permutation of the layer's
    /// units.
    /// </exception>
    public static Network WithHiddenUnitsPermuted(this Network network, int layer, ReadOnlySpan<int> order)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layer, network.Layers.Count - 2);
        if (network.Layers[layer] is not DenseLayer hidden || network.Layers[layer + 1] is not DenseLayer next)
            throw new ArgumentException(
                $"{nameof(network)}.Layers[{layer}] and [{layer + 1}] must both be dense layers, but they are " +
                $"{network.Layers[layer]} and {network.Layers[layer + 1]}.", nameof(network));
        int units = hidden.OutputWidth, inputs = hidden.InputWidth, outputs = next.OutputWidth;
        Guard.Length(order.Length, units, nameof(order), $"one entry per unit of layer {layer}");
        var seen = new bool[units];
        for (int j = 0; j < units; j++)
        {
            int source = order[j];
            if (source < 0 || source >= units || seen[source])
                throw new ArgumentException(
                    $"order must be a permutation of 0..{units - 1}, but order[{j}] is {source}.", nameof(order));
            seen[source] = true;
        }
        var copy = network.Clone();
        var copyHidden = (DenseLayer)copy.Layers[layer];
        var copyNext = (DenseLayer)copy.Layers[layer + 1];
        Span<double> w = copyHidden.Weights, b = copyHidden.Biases, v = copyNext.Weights;
        for (int j = 0; j < units; j++)
        {
            hidden.IncomingWeights(order[j]).CopyTo(w.Slice(j * inputs, inputs));
            b[j] = hidden.Biases[order[j]];
            for (int k = 0; k < outputs; k++) v[k * units + j] = next.Weights[k * units + order[j]];
        }
        return copy;
    }

    /// <summary>
    /// The largest spread of a layer's incoming weights across its units:
    /// max over inputs i of (max_j W[j, i] - min_j W[j, i]), with W of shape (out, in).
    /// It is exactly 0 if and only if every unit has the same incoming weights (a symmetric layer).
    /// </summary>
    /// <param name="layer">The layer.</param>
    /// <returns>The spread; 0 for a layer with one unit; NaN if a weight is NaN.</returns>
    public static double IncomingWeightSpread(DenseLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ReadOnlySpan<double> w = layer.Weights;
        int units = layer.OutputWidth, inputs = layer.InputWidth;
        double spread = 0;
        for (int i = 0; i < inputs; i++)
        {
            double min = w[i], max = w[i];
            if (double.IsNaN(min)) return double.NaN;
            for (int j = 1; j < units; j++)
            {
                double v = w[j * inputs + i];
                if (double.IsNaN(v)) return double.NaN;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            if (max - min > spread) spread = max - min;
        }
        return spread;
    }

    /// <summary>
    /// The Euclidean distance between the parameter vectors of two networks of the same shape:
    /// sqrt(sum over every parameter (weights, biases, normalization scales and shifts, residual scalars) of (a -
    /// b)^2).
    /// </summary>
    /// <param name="a">One network.</param>
    /// <param name="b">A network with the same parameter shapes (e.g. a copy of <paramref name="a"/> trained
    /// differently).</param>
    /// <returns>The distance.</returns>
    public static double ParameterDistance(Network a, Network b)
    {
        CheckSameShape(a, b);
        double sum = 0;
        for (int p = 0; p < a.Parameters.Count; p++) sum += SquaredDistance(a.Parameters[p].Values,
            b.Parameters[p].Values);
        return Math.Sqrt(sum);
    }

    /// <summary>The Euclidean norm of a network's parameter vector (every learnable value).</summary>
    /// <param name="network">The network.</param>
    /// <returns>sqrt(sum of squares).</returns>
    public static double ParameterNorm(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        double sum = 0;
        foreach (var parameter in network.Parameters)
            foreach (double v in parameter.Values) sum += v * v;
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// The fraction of the <paramref name="count"/> samples on which two networks predict different classes
    /// (0: the same function on these points; 1: they never agree).
    /// </summary>
    /// <param name="a">One network.</param>
    /// <param name="b">Another network with the same input and output widths.</param>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1.</param>
    /// <param name="loss">The loss both networks are trained with (it defines the predicted class).</param>
    /// <returns>The disagreement in [0, 1].</returns>
    public static double PredictionDisagreement(Network a, Network b,
        ReadOnlySpan<double> inputs, int count, Loss loss)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(loss);
        if (a.InputWidth != b.InputWidth || a.OutputWidth != b.OutputWidth)
            throw new ArgumentException(
                $"The networks must have the same input and output widths, but they are {a.InputWidth} -> " +
                    $"{a.OutputWidth} and {b.InputWidth} -> {b.OutputWidth}.", nameof(b));
        var classesA = a.PredictClasses(inputs, count, loss);
        var classesB = b.PredictClasses(inputs, count, loss);
        int different = 0;
        for (int i = 0; i < count; i++) if (classesA[i] != classesB[i]) different++;
        return (double)different / count;
    }

    /// <summary>
    /// Chance: the accuracy on <paramref name="test"/> of always predicting the most frequent class of
    /// <paramref name="train"/> (the lowest-numbered one on a tie), i.e. the test frequency of that class.
    /// It is what a network scores when it ignores its input and only learns the class frequencies.
    /// </summary>
    /// <param name="train">The data the constant guess is learned from.</param>
    /// <param name="test">The data it is scored on.</param>
    /// <returns>The accuracy in [0, 1].</returns>
    public static double MajorityClassAccuracy(LabeledDataset train, LabeledDataset test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var counts = train.ClassCounts();
        int majority = 0;
        for (int c = 1; c < counts.Length; c++) if (counts[c] > counts[majority]) majority = c;
        int hits = 0;
        foreach (int label in test.Labels) if (label == majority) hits++;
        return (double)hits / test.Count;
    }

    private static void CheckSameShape(Network a, Network b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        bool same = a.Parameters.Count == b.Parameters.Count;
        for (int p = 0; same && p < a.Parameters.Count; p++)
            same = a.Parameters[p].Role == b.Parameters[p].Role
                && a.Parameters[p].Shape.SequenceEqual(b.Parameters[p].Shape);
        if (!same) throw new ArgumentException("The networks must have the same layer widths.", nameof(b));
    }

    private static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) { double d = x[i] - y[i]; sum += d * d; }
        return sum;
    }
}
