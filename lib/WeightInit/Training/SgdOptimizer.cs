namespace WeightInit.Training;

/// <summary>
/// SGD with momentum and weight decay (<see cref="OptimizerKind.Sgd"/>); the step is eta v, with eta the learning rate
/// times the parameter's <see cref="Parameter.LearningRateMultiplier"/>.
/// </summary>
internal sealed class SgdOptimizer(TrainingOptions options, IReadOnlyList<Parameter> parameters) : Optimizer
{
    private readonly double[][] _velocity = [.. parameters.Select(p => new double[p.Length])];

    public override void Update(IReadOnlyList<Parameter> parameters, double[][] gradients)
    {
        for (int i = 0; i < parameters.Count; i++)
            SpanMath.SgdUpdate(parameters[i].Values, gradients[i], _velocity[i],
                options.LearningRate * parameters[i].LearningRateMultiplier, options.Momentum,
                parameters[i].IsDecayed ? options.WeightDecay : 0.0);
    }

    public override double LastStepStd(int parameter) =>
        options.LearningRate * parameters[parameter].LearningRateMultiplier
        * SpanMath.MeanStd(_velocity[parameter]).Std;
}
