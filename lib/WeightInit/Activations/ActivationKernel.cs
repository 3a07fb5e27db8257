using System.Numerics;
using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// One activation's arithmetic, scalar and on registers of any width (<see cref="ISimdVector{TSelf, T}"/> of doubles).
/// A struct, so that <see cref="ActivationKernel"/>'s loops are specialized and inlined per activation and width.
/// </summary>
internal interface IActivationKernel
{
    double Apply(double x);
    double Derivative(double x);
    TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double>;
    TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double>;
    TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>;
}

/// <summary>
/// The span methods shared by every activation, for float and double, on the library's one elementwise driver
/// (<see cref="SimdMap"/>: every width, the tail through the same register code on a padded copy, so that a value's
/// result depends neither on where it sits in the span nor on the width). float spans are widened to double,
/// computed, and rounded back once.
/// </summary>
internal static class ActivationKernel
{
    /// <summary>destination[i] = f(x[i]).</summary>
    public static void Apply<TKernel,
        T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> destination, SimdPath path = SimdPath.Auto)
        where TKernel : struct, IActivationKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSpans(x, destination, nameof(destination));
        SimdMap.Run(new Value<TKernel>(kernel), x, default, default, destination, path);
    }

    /// <summary>destination[i] = f'(x[i]).</summary>
    public static void Derivative<TKernel,
        T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> destination, SimdPath path = SimdPath.Auto)
        where TKernel : struct, IActivationKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSpans(x, destination, nameof(destination));
        SimdMap.Run(new Slope<TKernel>(kernel), x, default, default, destination, path);
    }

    /// <summary>y[i] = f(x[i]) and dydx[i] = f'(x[i]) in one pass.</summary>
    public static void ApplyWithDerivative<TKernel,
        T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> y, Span<T> dydx, SimdPath path = SimdPath.Auto)
        where TKernel : struct, IActivationKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSpans(x, y, dydx);
        SimdMap.Run(new Both<TKernel>(kernel), x, default, default, y, dydx, path);
    }

    /// <summary>f.</summary>
    private readonly struct Value<TKernel>(TKernel kernel) : IMapOperator where TKernel : struct, IActivationKernel
    {
        public static int Inputs => 1;

        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            kernel.Apply(a);
    }

    /// <summary>f'.</summary>
    private readonly struct Slope<TKernel>(TKernel kernel) : IMapOperator where TKernel : struct, IActivationKernel
    {
        public static int Inputs => 1;

        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            kernel.Derivative(a);
    }

    /// <summary>f and f' together.</summary>
    private readonly struct Both<TKernel>(TKernel kernel) : IPairMapOperator where TKernel : struct, IActivationKernel
    {
        public static int Inputs => 1;

        public TV Invoke<TV>(TV a, TV b, TV c, out TV second)
            where TV : struct, ISimdVector<TV, double> => kernel.Apply(a, out second);
    }

    /// <summary>Same length, and the destination is either the input itself or apart from it.</summary>
    internal static void CheckSpans<T>(ReadOnlySpan<T> x, Span<T> destination, string destinationName)
    {
        if (x.Length != destination.Length)
            throw new ArgumentException(
                $"{destinationName} must be as long as the input ({x.Length}), but its length is {destination.Length}.",
                    destinationName);
        if (x.Overlaps(destination, out int offset) && offset != 0)
            throw new ArgumentException(
                $"{destinationName} must be the input itself (in place) or not overlap it, but it overlaps it " +
                    $"shifted by {offset} elements.",
                destinationName);
    }

    /// <summary>The fused form's checks: both outputs as long as x, each x itself or apart, and not sharing memory with
    /// each other.</summary>
    internal static void CheckSpans<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx)
    {
        CheckSpans(x, y, nameof(y));
        CheckSpans(x, dydx, nameof(dydx));
        if (x.Length > 0 && y.Overlaps(dydx))
            throw new ArgumentException(
                "dydx must not overlap y: the values and the derivatives need separate storage.", nameof(dydx));
    }
}
