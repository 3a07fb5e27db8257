using System.Runtime.CompilerServices;
using WeightInit.Kernels;
using WeightInit.Statistics;

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
            Step(parameters[i].Values, gradients[i], _velocity[i],
                options.LearningRate * parameters[i].LearningRateMultiplier, options.Momentum,
                parameters[i].IsDecayed ? options.WeightDecay : 0.0);
    }

    public override double LastStepStd(int parameter) =>
        options.LearningRate * parameters[parameter].LearningRateMultiplier
        * OnePassMoments.MeanStd(_velocity[parameter]).Std;

    /// <summary>
    /// One step of SGD with momentum and weight decay, elementwise:
    /// g' = g + decay * w; v = momentum * v + g'; w = w - rate * v.
    /// With momentum 0, v is simply g' (and <paramref name="velocity"/> is still written).
    /// </summary>
    internal static void Step(Span<double> weights, ReadOnlySpan<double> gradient, Span<double> velocity,
        double rate, double momentum, double decay, SimdPath path = SimdPath.Auto) =>
        SimdMap.Run(new SgdStep(rate, momentum, decay), weights, gradient, velocity, weights, velocity, path);

    /// <summary>(w, v) = (w - rate v', v') with v' = momentum v + g + decay w, from a = w, b = g, c = v.</summary>
    private readonly struct SgdStep(double rate, double momentum, double decay) : IPairMapOperator
    {
        public static int Inputs => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            var g = b + TV.Create(decay) * a;
            var v = TV.Create(momentum) * c + g;
            second = v;
            return a - TV.Create(rate) * v;
        }
    }
}
