using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WeightInit.Training;

/// <summary>An elementwise operation of up to three inputs, written once for a whole vector of lanes.</summary>
internal interface IVectorOperation
{
    /// <summary>The result for one vector of lanes of the three inputs.</summary>
    Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c);
}

/// <summary>
/// The loop skeleton of the layers' elementwise passes (normalization, residual sums, diagnostics):
/// an operation is written once, on <see cref="Vector{T}"/>, and the tail shorter than a vector is
/// run through the same operation on a zero-padded copy, so every element gets the same IEEE
/// operations wherever it lies (no fused multiply-add). These passes are O(batch x width) beside the
/// layers' O(batch x width^2) products, so the platform's Vector&lt;T&gt; width is enough here; the
/// matrix products keep their own Vector512 kernels. (Kept small and internal so that the library's
/// shared SIMD kernel layer can take it over.)
/// </summary>
internal static class VectorKernels
{
    /// <summary>destination[i] = op(a[i], b[i], c[i]); an input an operation ignores may be any span of the same length.</summary>
    public static void Map<TOperation>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        Span<double> destination, TOperation operation) where TOperation : struct, IVectorOperation
    {
        int n = destination.Length, body = n - n % Vector<double>.Count;
        MapVectors(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c),
            ref MemoryMarshal.GetReference(destination), body, operation);
        if (body < n)
        {
            var tail = operation.Invoke(LoadTail(a, body), LoadTail(b, body), LoadTail(c, body));
            for (int j = 0; body + j < n; j++) destination[body + j] = tail[j];
        }
    }

    // The loop alone, with no call in it, so that the operation's constants stay in registers.
    private static void MapVectors<TOperation>(ref double a, ref double b, ref double c, ref double destination, int length, TOperation operation)
        where TOperation : struct, IVectorOperation
    {
        for (int i = 0; i < length; i += Vector<double>.Count)
        {
            var result = operation.Invoke(Load(ref a, i), Load(ref b, i), Load(ref c, i));
            Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref destination, i)), result);
        }
    }

    /// <summary>The sum over i of op(a[i], b[i], c[i]): lane sums, then <see cref="Vector.Sum{T}(Vector{T})"/> of the lanes.</summary>
    public static double Sum<TOperation>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        TOperation operation) where TOperation : struct, IVectorOperation
    {
        int n = a.Length, width = Vector<double>.Count, body = n - n % width;
        var sum = SumOfVectors(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), body, operation);
        if (body < n)
        {
            // Padding lanes are zero inputs; the mask keeps whatever the operation makes of them out of the sum.
            var tail = operation.Invoke(LoadTail(a, body), LoadTail(b, body), LoadTail(c, body));
            sum += Vector.ConditionalSelect(TailMask(n - body), tail, Vector<double>.Zero);
        }
        return Vector.Sum(sum);
    }

    // The loop alone, with no call in it, so that the accumulator stays in a register.
    private static Vector<double> SumOfVectors<TOperation>(ref double a, ref double b, ref double c, int length, TOperation operation)
        where TOperation : struct, IVectorOperation
    {
        // Two accumulators (even and odd vectors) halve the chain of dependent additions.
        Vector<double> even = Vector<double>.Zero, odd = Vector<double>.Zero;
        int width = Vector<double>.Count, i = 0;
        for (; i <= length - 2 * width; i += 2 * width)
        {
            even += operation.Invoke(Load(ref a, i), Load(ref b, i), Load(ref c, i));
            odd += operation.Invoke(Load(ref a, i + width), Load(ref b, i + width), Load(ref c, i + width));
        }
        if (i < length) even += operation.Invoke(Load(ref a, i), Load(ref b, i), Load(ref c, i));
        return even + odd;
    }

    /// <summary>The sum and the sum of squares of x, in one vectorized pass (two accumulators each).</summary>
    public static (double Sum, double SumOfSquares) SumAndSumOfSquares(ReadOnlySpan<double> x)
    {
        int n = x.Length, width = Vector<double>.Count, i = 0;
        ref double xr = ref MemoryMarshal.GetReference(x);
        Vector<double> s0 = Vector<double>.Zero, s1 = s0, q0 = s0, q1 = s0;
        for (; i <= n - 2 * width; i += 2 * width)
        {
            var a = Load(ref xr, i);
            var b = Load(ref xr, i + width);
            s0 += a; q0 += a * a;
            s1 += b; q1 += b * b;
        }
        double sum = Vector.Sum(s0 + s1), squares = Vector.Sum(q0 + q1);
        for (; i < n; i++) { sum += x[i]; squares += x[i] * x[i]; }
        return (sum, squares);
    }

    /// <summary>The smallest and the largest value and whether all are finite, in one vectorized pass (NaN and infinities make <c>AllFinite</c> false; min and max are then of no use).</summary>
    public static (double Min, double Max, bool AllFinite) Range(ReadOnlySpan<double> x)
    {
        int n = x.Length, width = Vector<double>.Count, body = n - n % width;
        ref double xr = ref MemoryMarshal.GetReference(x);
        var min = new Vector<double>(double.PositiveInfinity);
        var max = new Vector<double>(double.NegativeInfinity);
        var finite = Vector<double>.Zero; // x - x is 0 for a finite x and NaN otherwise
        for (int i = 0; i < body; i += width)
        {
            var v = Load(ref xr, i);
            min = Vector.Min(min, v);
            max = Vector.Max(max, v);
            finite += v - v;
        }
        double low = double.PositiveInfinity, high = double.NegativeInfinity, check = 0;
        for (int lane = 0; lane < width; lane++) { low = Math.Min(low, min[lane]); high = Math.Max(high, max[lane]); check += finite[lane]; }
        for (int i = body; i < n; i++) { low = Math.Min(low, x[i]); high = Math.Max(high, x[i]); check += x[i] - x[i]; }
        return (low, high, check == 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(ref double start, int offset) =>
        Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref start, offset)));

    private static Vector<double> LoadTail(ReadOnlySpan<double> x, int start)
    {
        Span<double> padded = stackalloc double[Vector<double>.Count];
        padded.Clear();
        int available = Math.Min(padded.Length, x.Length - start);
        if (available > 0) x.Slice(start, available).CopyTo(padded);
        return new Vector<double>(padded);
    }

    private static Vector<double> TailMask(int count)
    {
        Span<long> bits = stackalloc long[Vector<double>.Count];
        for (int lane = 0; lane < bits.Length; lane++) bits[lane] = lane < count ? -1L : 0L;
        return Vector.AsVectorDouble(new Vector<long>(bits));
    }
}
