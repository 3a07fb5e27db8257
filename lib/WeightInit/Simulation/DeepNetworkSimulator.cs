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
/// var result = DeepNetworkSimulator.Run(new SimulationOptions
/// {
///     Depth = 250, Width = 512, BatchSize = 512, Precision = FloatPrecision.Single,
///     WeightInitializer = someInitializer, Activation = Activation.Identity, Seed = 42,
/// });
/// Console.WriteLine(result.FirstNonFiniteLayer);   // 29 for N(0, 1) weights
/// </code>
/// </example>
public static class DeepNetworkSimulator
{
    /// <summary>
    /// Runs the simulation described by <paramref name="options"/>. Non-finite or vanished values
    /// are results (see <see cref="SimulationResult.FirstNonFiniteLayer"/>), never exceptions.
    /// The same options (seed included) give the same result bit for bit, whatever
    /// <see cref="SimulationOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <param name="options">The network, batch and precision; validated first.</param>
    /// <param name="progress">Receives a report after every layer of each pass; may be null.</param>
    /// <param name="cancellationToken">Checked at every layer boundary.</param>
    /// <returns>The per-layer statistics and timings.</returns>
    /// <exception cref="ArgumentException">An option breaks a rule (the message names it).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SimulationResult Run(SimulationOptions options, IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return options.Precision == FloatPrecision.Single
            ? new SimulationEngine<float>(options, progress, cancellationToken).Run()
            : new SimulationEngine<double>(options, progress, cancellationToken).Run();
    }
}
