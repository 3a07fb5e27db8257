using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// C = op(A) B for a few rows (m &lt;= 8) with B stored k x n (row-major): the backward product dX = dY W
/// or the weight gradient for a small batch. Reading B in strips would walk it with a stride of n
/// elements (for n = 512 doubles, 4 KB: every row of a strip falls in the same L1 set), so this kernel
/// streams B row by row instead and keeps a chunk of the C rows in L1: for p = 0 .. k-1 and each column
/// j of the chunk, C[i, j] = fma(A[i, p], B[p, j], C[i, j]). The chain per element is the same as in
/// <see cref="MicroKernels"/>, so results are bit-identical to every other path.
/// </summary>
internal static unsafe class RowStreamKernel
{
    /// <summary>Largest m handled.</summary>
    public const int MaxRows = 8;

    /// <summary>Bytes of C rows kept in L1 while B streams.</summary>
    private const int ChunkBytes = 32 * 1024;

    /// <summary>Computes columns j0 .. j1-1 of C; A is stored k x m when <paramref name="aTransposed"/>, else m x k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T>(T* a, bool aTransposed, T* b, T* c, int m, int k, int n, bool accumulate, int j0, int j1) where T : unmanaged
    {
        int lanes = Vector512<T>.Count;
        int width = Math.Max(lanes, ChunkBytes / (m * sizeof(T)) / lanes * lanes);
        T* coefficients = stackalloc T[MaxRows];
        for (int jc = j0; jc < j1; jc += width)
        {
            int w = Math.Min(width, j1 - jc);
            if (!accumulate)
                for (int i = 0; i < m; i++) new Span<T>(c + (long)i * n + jc, w).Clear();
            for (int p = 0; p < k; p++)
            {
                for (int i = 0; i < m; i++)
                    coefficients[i] = aTransposed ? a[(long)p * m + i] : a[(long)i * k + p];
                T* row = b + (long)p * n + jc;
                int j = 0;
                for (; j <= w - lanes; j += lanes)
                {
                    var bv = Vector512.Load(row + j);
                    T* ci = c + jc + j;
                    for (int i = 0; i < m; i++, ci += n)
                        MicroKernels.Fma(Vector512.Create(coefficients[i]), bv, Vector512.Load(ci)).Store(ci);
                }
                for (; j < w; j++)
                    for (int i = 0; i < m; i++)
                    {
                        T* ce = c + (long)i * n + jc + j;
                        *ce = ScalarFma(coefficients[i], row[j], *ce);
                    }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScalarFma<T>(T x, T y, T z) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            float r = MathF.FusedMultiplyAdd(Unsafe.As<T, float>(ref x), Unsafe.As<T, float>(ref y), Unsafe.As<T, float>(ref z));
            return Unsafe.As<float, T>(ref r);
        }
        double d = Math.FusedMultiplyAdd(Unsafe.As<T, double>(ref x), Unsafe.As<T, double>(ref y), Unsafe.As<T, double>(ref z));
        return Unsafe.As<double, T>(ref d);
    }
}
