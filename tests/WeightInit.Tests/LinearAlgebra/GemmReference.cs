using System.Numerics;
using System.Runtime.Intrinsics;

namespace WeightInit.Tests.LinearAlgebra;

/// <summary>References for the three product forms, and helpers shared by the matrix-product tests.</summary>
internal static class GemmReference
{
    public static readonly ProductForm[] Forms =
        [ProductForm.MultiplyTransposed, ProductForm.Multiply, ProductForm.TransposeMultiply];

    /// <summary>The SIMD paths this machine accelerates, scalar always included.</summary>
    public static SimdPath[] AvailablePaths()
    {
        var paths = new List<SimdPath> { SimdPath.Scalar };
        if (Vector128.IsHardwareAccelerated) paths.Add(SimdPath.Vector128);
        if (Vector256.IsHardwareAccelerated) paths.Add(SimdPath.Vector256);
        if (Vector512.IsHardwareAccelerated) paths.Add(SimdPath.Vector512);
        return [.. paths];
    }

    /// <summary>Element (i, p) of the logical A (m x k) in the form's storage.</summary>
    public static T A<T>(ProductForm form, T[] a, int i, int p, int m, int k)
        => form == ProductForm.TransposeMultiply ? a[p * m + i] : a[i * k + p];

    /// <summary>Element (p, j) of the logical B (k x n) in the form's storage.</summary>
    public static T B<T>(ProductForm form, T[] b, int p, int j, int k, int n)
        => form == ProductForm.MultiplyTransposed ? b[j * k + p] : b[p * n + j];

    /// <summary>Runs the library's product of the given form.</summary>
    public static void Run<T>(ProductForm form, T[] a, T[] b, T[] c, int m, int k, int n, bool accumulate,
        GemmOptions options)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        MatrixMultiply.Compute<T>(form, a, b, c, m, k, n, accumulate, options);

    /// <summary>
    /// The documented operation sequence, written as a plain loop: c = fma(A[i,p], B[p,j], c) for
    /// p = 0 .. k-1, starting from 0 (or from C's value when accumulating).
    /// </summary>
    public static T[] FmaChain<T>(ProductForm form, T[] a, T[] b, T[]? c0, int m, int k, int n)
        where T : IFloatingPointIeee754<T>
    {
        var (rowsOfA, columnsOfB) = Logical(form, a, b, m, k, n);
        var c = new T[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T s = c0 is null ? T.Zero : c0[i * n + j];
                for (int p = 0; p < k; p++) s = T.FusedMultiplyAdd(rowsOfA[i * k + p], columnsOfB[j * k + p], s);
                c[i * n + j] = s;
            }
        return c;
    }

    /// <summary>
    /// Naive product in double precision, with the error bound of each element:
    /// |computed - exact| &lt;= gamma_k sum_p |A[i,p] B[p,j]| for any order of k multiply-adds with unit
    /// roundoff u, gamma_k = k u / (1 - k u) (N. J. Higham, 2002, "Accuracy and Stability of Numerical
    /// Algorithms", section 3.1). The tests allow 4 k u sum|a b| (u of the tested type), which covers
    /// the library's error plus the double reference's own (at most 2 k u each while k u &lt;= 1/2).
    /// </summary>
    public static (double[] Value, double[] Bound) DoubleReference<T>(ProductForm form, T[] a, T[] b, int m, int k,
        int n, double unitRoundoff)
        where T : IFloatingPointIeee754<T>
    {
        var (rowsOfA, columnsOfB) = Logical(form, a, b, m, k, n);
        var value = new double[m * n];
        var bound = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = double.CreateChecked(rowsOfA[i * k + p]) * double.CreateChecked(columnsOfB[j * k + p]);
                    s += x;
                    abs += Math.Abs(x);
                }
                value[i * n + j] = s;
                bound[i * n + j] = 4.0 * k * unitRoundoff * abs;
            }
        return (value, bound);
    }

    /// <summary>Copies the operands into A (m x k) and B^T (n x k), row-major, so that the references read them
    /// contiguously.</summary>
    private static (T[] RowsOfA, T[] ColumnsOfB) Logical<T>(ProductForm form, T[] a, T[] b, int m, int k, int n)
    {
        var rowsOfA = new T[m * k];
        var columnsOfB = new T[n * k];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++) rowsOfA[i * k + p] = A(form, a, i, p, m, k);
        for (int j = 0; j < n; j++)
            for (int p = 0; p < k; p++) columnsOfB[j * k + p] = B(form, b, p, j, k, n);
        return (rowsOfA, columnsOfB);
    }

    public static T[] Random<T>(int count, ulong seed) where T : IFloatingPointIeee754<T>
    {
        var random = new RandomSource(seed);
        var values = new T[count];
        for (int i = 0; i < count; i++) values[i] = T.CreateChecked(2 * random.NextDouble() - 1);
        return values;
    }

    /// <summary>Bitwise equality of two arrays; reports the first differing index.</summary>
    public static void AssertBitIdentical<T>(T[] expected, T[] actual, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        var e = System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.AsSpan());
        var x = System.Runtime.InteropServices.MemoryMarshal.AsBytes(actual.AsSpan());
        for (int i = 0; i < expected.Length; i++)
            if (!e.Slice(i * size, size).SequenceEqual(x.Slice(i * size, size)))
                Assert.Fail($"{context}: element {i} is {actual[i]:R}, expected bit-identical {expected[i]:R}.");
    }
}
