using System.Numerics;
using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The span methods of an activation: <see cref="Activation"/> hands its three generic span methods to one of
/// these, so each activation class states only its scalar and register formulas. The library's activations get
/// the vectorized loops of their <see cref="IActivationKernel"/> (<see cref="For{TKernel}"/>); an activation
/// defined outside the library gets the same loops over its scalar methods (<see cref="Scalar"/>).
/// </summary>
internal abstract class KernelSpans
{
    /// <summary>Whether the loops run an activation's register formulas (false: its scalar methods, element by
    /// element).</summary>
    public abstract bool IsVectorized { get; }

    public abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> destination, SimdPath path)
        where T : unmanaged, IFloatingPointIeee754<T>;

    public abstract void Derivative<T>(ReadOnlySpan<T> x, Span<T> destination, SimdPath path)
        where T : unmanaged, IFloatingPointIeee754<T>;

    public abstract void ApplyWithDerivative<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx, SimdPath path)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Span loops specialized for <typeparamref name="TKernel"/> (a struct, so the JIT inlines its
    /// math).</summary>
    public static KernelSpans For<TKernel>(TKernel kernel)
        where TKernel : struct, IActivationKernel => new Of<TKernel>(kernel, vectorized: true);

    /// <summary>The same loops over <paramref name="activation"/>'s scalar <see cref="Activation.Apply(double)"/> and
    /// <see cref="Activation.Derivative(double)"/>.</summary>
    public static KernelSpans Scalar(Activation activation) =>
        new Of<ScalarKernel>(new ScalarKernel(activation), vectorized: false);

    private sealed class Of<TKernel>(TKernel kernel, bool vectorized) : KernelSpans
        where TKernel : struct, IActivationKernel
    {
        public override bool IsVectorized => vectorized;

        public override void Apply<T>(ReadOnlySpan<T> x, Span<T> destination, SimdPath path) =>
            ActivationKernel.Apply(kernel, x, destination, vectorized ? path : SimdPath.Scalar);

        public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> destination, SimdPath path) =>
            ActivationKernel.Derivative(kernel, x, destination, vectorized ? path : SimdPath.Scalar);

        public override void ApplyWithDerivative<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx, SimdPath path) =>
            ActivationKernel.ApplyWithDerivative(kernel, x, y, dydx, vectorized ? path : SimdPath.Scalar);
    }

    /// <summary>An activation's scalar methods as a kernel: each lane is computed by a scalar call (the loops run it
    /// one value at a time).</summary>
    private readonly struct ScalarKernel(Activation activation) : IActivationKernel
    {
        public double Apply(double x) => activation.Apply(x);

        public double Derivative(double x) => activation.Derivative(x);

        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> => EachLane(x, derivative: false);

        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double> => EachLane(x, derivative: true);

        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            derivative = EachLane(x, derivative: true);
            return EachLane(x, derivative: false);
        }

        private unsafe TV EachLane<TV>(TV x, bool derivative) where TV : struct, ISimdVector<TV, double>
        {
            double* lanes = stackalloc double[8];
            TV.Store(x, lanes);
            for (int i = 0; i < TV.Count; i++) lanes[i] =
                derivative ? activation.Derivative(lanes[i]) : activation.Apply(lanes[i]);
            return TV.Load(lanes);
        }
    }
}
