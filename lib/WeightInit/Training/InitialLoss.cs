namespace WeightInit.Training;

/// <summary>
/// The loss of a classifier before training against what it should be: a well-initialized network
/// predicts (nearly) uniform probabilities at step 0, and the cross-entropy of uniform predictions
/// over K classes is -ln(1/K) = ln K whatever the labels (ln 10 = 2.303 for the digits, ln 2 for a
/// binary classifier). A much larger measured loss means the network starts confidently wrong, e.g.
/// because its output layer's weights are too large (Karpathy, "Building makemore Part 3", 2022): scale
/// the last layer down and start its biases at zero.
/// </summary>
/// <param name="Expected">ln K, the loss of uniform predictions.</param>
/// <param name="Measured">The network's mean loss on the data (inference mode).</param>
public readonly record struct InitialLoss(double Expected, double Measured)
{
    /// <summary>Measured - Expected: about 0 for a good start; large and positive for a confidently wrong
    /// one.</summary>
    public double Excess => Measured - Expected;

    /// <summary>Measured / Expected.</summary>
    public double Ratio => Measured / Expected;

    /// <summary>ln K: the loss of uniform predictions over the classes a network of <paramref name="outputWidth"/>
    /// outputs predicts under <paramref name="loss"/>.</summary>
    /// <param name="loss">The loss.</param>
    /// <param name="outputWidth">The network's output width (it must suit the loss).</param>
    /// <returns>ln K.</returns>
    public static double ExpectedFor(Loss loss, int outputWidth)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return Math.Log(loss.ClassCount(outputWidth));
    }

    /// <summary>The expected and the measured loss of <paramref name="network"/> on <paramref name="data"/>.</summary>
    /// <param name="network">The network, usually before its first step.</param>
    /// <param name="data">The samples, e.g. the training set.</param>
    /// <param name="loss">The loss.</param>
    /// <returns>Both losses.</returns>
    public static InitialLoss Of(Network network, LabeledDataset data, Loss loss)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        return new InitialLoss(ExpectedFor(loss, network.OutputWidth), network.Evaluate(data, loss).Loss);
    }
}
