using System.Runtime.CompilerServices;
using WeightInit.Kernels;
using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// Adam with PyTorch's bias correction and L2 weight decay (<see cref="OptimizerKind.Adam"/>); each parameter's
/// learning rate is eta times its <see cref="Parameter.LearningRateMultiplier"/>.
/// </summary>
internal sealed class AdamOptimizer(TrainingOptions options, IReadOnlyList<Parameter> parameters) : Optimizer
{
    private readonly double[][] _first = [.. parameters.Select(p => new double[p.Length])];
    private readonly double[][] _second = [.. parameters.Select(p => new double[p.Length])];
    private readonly double[][] _step = [.. parameters.Select(p => new double[p.Length])];
    private readonly double[] _decayed = new double[parameters.Count == 0 ? 0 : parameters.Max(p => p.Length)];
    private long _t;

    public override void Update(IReadOnlyList<Parameter> parameters, double[][] gradients)
    {
        _t++;
        double beta1 = options.Beta1, beta2 = options.Beta2;
        double correction1 = 1 - Math.Pow(beta1, _t), correction2 = 1 - Math.Pow(beta2, _t);
        for (int i = 0; i < parameters.Count; i++)
        {
            double rate = options.LearningRate * parameters[i].LearningRateMultiplier;
            var step = new AdamStep(rate / correction1, 1 / Math.Sqrt(correction2), options.Epsilon);
            var w = parameters[i].Values;
            ReadOnlySpan<double> g = gradients[i];
            if (parameters[i].IsDecayed && options.WeightDecay > 0)
            {
                var decayed = _decayed.AsSpan(0, w.Length);
                SimdMap.Run(new AddScaledOperator(options.WeightDecay), g, w, default, decayed);
                g = decayed;
            }
            SimdMap.Run(new ExponentialAverage(beta1), _first[i], g, default, _first[i]);
            SimdMap.Run(new ExponentialAverageOfSquares(beta2), _second[i], g, default, _second[i]);
            SimdMap.Run(step, _first[i], _second[i], default, _step[i]);
            SimdMap.Run(new AddScaledOperator(-1), w, _step[i], default, w);
        }
    }

    public override double LastStepStd(int parameter) => OnePassMoments.MeanStd(_step[parameter]).Std;

    /// <summary>beta a + (1 - beta) b.</summary>
    internal readonly struct ExponentialAverage(double beta) : IMapOperator
    {
        public static int Inputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            TV.Create(beta) * a + TV.Create(1 - beta) * b;
    }

    /// <summary>beta a + (1 - beta) b^2.</summary>
    internal readonly struct ExponentialAverageOfSquares(double beta) : IMapOperator
    {
        public static int Inputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            TV.Create(beta) * a + TV.Create(1 - beta) * (b * b);
    }

    /// <summary>The step (eta / c1) m / (sqrt(v) / sqrt(c2) + epsilon) from m = a and v = b.</summary>
    internal readonly struct AdamStep(double rate, double inverseRootCorrection, double epsilon) : IMapOperator
    {
        public static int Inputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            TV.Create(rate) * a / (TV.Sqrt(b) * TV.Create(inverseRootCorrection) + TV.Create(epsilon));
    }
}
