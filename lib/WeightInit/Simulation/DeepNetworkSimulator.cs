namespace WeightInit.Simulation;

/// <summary>
/// Pushes a batch through a deep stack of dense layers x_l = f(W_l x_{l-1} + b_l) with freshly
/// initialized weights and records how the activations (and, on request, the gradients) evolve
/// layer by layer: the experiment behind Glorot &amp; Bengio (2010), "Understanding the difficulty
/// of training deep feedforward neural networks", and He et al. (2015), "Delving Deep into
/// Rectifiers".
/// </summary>
/// <example>
/// <code>
/// var net = DeepNetwork.Stack(depth: 250, width: 512, Activation.Identity, Init.Normal(0, 1));
/// var options = new SimulationOptions { BatchSize = 512, Precision = FloatPrecision.Single, Seed = 42 };
/// var result = DeepNetworkSimulator.Run(net, options);
/// Console.WriteLine(result.FirstNonFiniteLayer);   // 29
/// </code>
/// </example>
public static class DeepNetworkSimulator
{
    /// <summary>
    /// Runs <paramref name="network"/> as <paramref name="options"/> say: its weights and biases drawn from the seed
    /// (<see cref="DeepNetwork.FillWeights{T}"/>), f_l after each layer (the last layer's own activation included).
    /// Non-finite or vanished values are results (see <see cref="SimulationResult.FirstNonFiniteLayer"/>), never
    /// exceptions. The same network and options (seed included) give the same result bit for bit, whatever
    /// <see cref="SimulationOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="options">The batch, precision, seed and what to record; null for the defaults. Validated
    /// first.</param>
    /// <param name="progress">Receives a report after every layer of each pass; may be null.</param>
    /// <param name="cancellationToken">Checked at every layer boundary.</param>
    /// <returns>The per-layer statistics and timings.</returns>
    /// <exception cref="ArgumentException">An option breaks a rule (the message names it).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SimulationResult Run(DeepNetwork network, SimulationOptions? options = null,
        IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new SimulationOptions();
        options.Validate(network);
        cancellationToken.ThrowIfCancellationRequested();
        return options.Precision == FloatPrecision.Single
            ? new SimulationEngine<float>(network, options, progress, cancellationToken).Run()
            : new SimulationEngine<double>(network, options, progress, cancellationToken).Run();
    }
}
