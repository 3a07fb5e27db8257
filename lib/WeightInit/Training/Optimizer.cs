namespace WeightInit.Training;

/// <summary>
/// The trainer's update rule with its state per parameter (SGD's velocity, Adam's moments): it
/// updates every parameter in place from its gradient and can tell the size of the step it took.
/// </summary>
internal abstract class Optimizer
{
    /// <summary>The optimizer <paramref name="options"/> asks for, with zero state for
    /// <paramref name="parameters"/>.</summary>
    public static Optimizer Create(TrainingOptions options, IReadOnlyList<Parameter> parameters) =>
        options.Optimizer switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(options, parameters),
        OptimizerKind.Adam => new AdamOptimizer(options, parameters),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };

    /// <summary>One update of every parameter from its gradient (weight decay only where
    /// <see cref="Parameter.IsDecayed"/>).</summary>
    public abstract void Update(IReadOnlyList<Parameter> parameters, double[][] gradients);

    /// <summary>The standard deviation over the entries of the last update's step Delta w of parameter
    /// <paramref name="parameter"/>.</summary>
    public abstract double LastStepStd(int parameter);
}
