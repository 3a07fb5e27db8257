namespace WeightInit.Training;

/// <summary>
/// Measurements for training experiments: whether the hidden units of a layer are still copies of one
/// another (symmetry), how far apart two trained networks are in parameter space and in what they
/// predict, and the accuracy of the best constant guess (chance).
/// </summary>
public static class NetworkComparison
{
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
    /// sqrt(sum over every parameter (weights, biases, normalization scales and shifts, residual scalars) of (a - b)^2).
    /// </summary>
    /// <param name="a">One network.</param>
    /// <param name="b">A network with the same parameter shapes (e.g. a copy of <paramref name="a"/> trained differently).</param>
    /// <returns>The distance.</returns>
    public static double ParameterDistance(Network a, Network b)
    {
        CheckSameShape(a, b);
        double sum = 0;
        for (int p = 0; p < a.Parameters.Count; p++) sum += SquaredDistance(a.Parameters[p].Values, b.Parameters[p].Values);
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
                $"The networks must have the same input and output widths, but they are {a.InputWidth} -> {a.OutputWidth} and {b.InputWidth} -> {b.OutputWidth}.", nameof(b));
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
            same = a.Parameters[p].Role == b.Parameters[p].Role && a.Parameters[p].Shape.SequenceEqual(b.Parameters[p].Shape);
        if (!same) throw new ArgumentException("The networks must have the same layer widths.", nameof(b));
    }

    private static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) { double d = x[i] - y[i]; sum += d * d; }
        return sum;
    }
}
