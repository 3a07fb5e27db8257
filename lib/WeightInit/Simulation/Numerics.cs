using System.Numerics;
using System.Runtime.InteropServices;
using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Simulation;

/// <summary>
/// Routes the simulator's generic (float or double) work to the library's float and double
/// overloads; the type tests are constants for the JIT, so the dispatch costs nothing.
/// </summary>
internal static class Numerics<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static bool IsSingle => typeof(T) == typeof(float);

    private static Span<float> F(Span<T> s) => MemoryMarshal.Cast<T, float>(s);
    private static ReadOnlySpan<float> F(ReadOnlySpan<T> s) => MemoryMarshal.Cast<T, float>(s);
    private static Span<double> D(Span<T> s) => MemoryMarshal.Cast<T, double>(s);
    private static ReadOnlySpan<double> D(ReadOnlySpan<T> s) => MemoryMarshal.Cast<T, double>(s);

    /// <summary>
    /// C (m x n) = A (m x k) B^T, B being n x k, with the library's blocked kernel on
    /// <paramref name="workers"/> threads (0: automatic). Every element is the same chain of fused
    /// multiply-adds whatever the number of threads, so the result does not depend on it.
    /// </summary>
    public static void MultiplyTransposed(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, int workers) =>
        MatrixMultiply.MultiplyTransposed(a, b, c, m, k, n, accumulate: false, new GemmOptions(GemmPath.Auto, workers));

    /// <summary>C (m x n) = A (m x k) B, B being k x n, on <paramref name="workers"/> threads (0: automatic).</summary>
    public static void Multiply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, int workers) =>
        MatrixMultiply.Multiply(a, b, c, m, k, n, accumulate: false, new GemmOptions(GemmPath.Auto, workers));

    /// <summary>
    /// The kernel's thread count for a product of 2 m k n flops under a thread limit
    /// (-1: no limit): one thread below the kernel's own parallel threshold, else the limit (0 = automatic).
    /// </summary>
    public static int Workers(int m, int k, int n, int maxDegreeOfParallelism) =>
        2L * m * k * n < GemmEngine.ParallelThresholdFlops ? 1 : maxDegreeOfParallelism == -1 ? 0 : maxDegreeOfParallelism;

    /// <summary>Fills with N(0, 1) draws.</summary>
    public static void FillStandardNormal(RandomSource random, Span<T> destination)
    {
        if (IsSingle) random.FillNormal(F(destination), 0f, 1f);
        else random.FillNormal(D(destination), 0.0, 1.0);
    }

    /// <summary>Lets an initializer fill a tensor of the given shape.</summary>
    public static void Fill(IWeightInitializer initializer, Span<T> destination, ReadOnlySpan<int> shape, RandomSource random)
    {
        if (IsSingle) initializer.Fill(F(destination), shape, random);
        else initializer.Fill(D(destination), shape, random);
    }

    /// <summary>destination = f(x).</summary>
    public static void Apply(Activation activation, ReadOnlySpan<T> x, Span<T> destination)
    {
        if (IsSingle) activation.Apply(F(x), F(destination));
        else activation.Apply(D(x), D(destination));
    }

    /// <summary>destination = f'(x).</summary>
    public static void Derivative(Activation activation, ReadOnlySpan<T> x, Span<T> destination)
    {
        if (IsSingle) activation.Derivative(F(x), F(destination));
        else activation.Derivative(D(x), D(destination));
    }
}
