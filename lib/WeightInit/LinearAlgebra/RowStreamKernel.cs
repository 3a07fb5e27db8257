using System.Numerics;
using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// C = op(A) B for a few rows (m &lt;= 8) with B stored k x n (row-major): the backward product dX = dY W
/// or the weight gradient for a small batch. Reading B in strips would walk it with a stride of n
/// elements (for n = 512 doubles, 4 KB: every row of a strip falls in the same L1 set), so this kernel
/// streams B row by row instead and keeps a chunk of the C rows in L1: for p = 0 .. k-1 and each column
/// j of the chunk, C[i, j] = fma(A[i, p], B[p, j], C[i, j]). The chain per element is the same as in
/// <see cref="MicroKernels"/>, so results are bit-identical to every other path. One body for every width.
/// </summary>
internal static unsafe class RowStreamKernel
{
    /// <summary>Largest m handled.</summary>
    public const int MaxRows = 8;

    /// <summary>Bytes of C rows kept in L1 while B streams: half of the machine's L1 data cache.</summary>
    private static int ChunkBytes => (int)(CacheTopology.Current.L1Data / 2);

    /// <summary>Computes C on <paramref name="workers"/> workers, each a range of whole registers of columns.</summary>
    public static void Run<T>(SimdPath path, T* a, bool aTransposed, T* b, T* c, int m, int k, int n, bool accumulate,
        int workers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var body = new Body<T>(a, aTransposed, b, c, m, k, n, accumulate, workers);
        SimdDispatch.Run<T, Body<T>>(path, ref body);
    }

    private readonly struct Body<T>(T* a, bool aTransposed, T* b, T* c, int m, int k, int n, bool accumulate,
        int workers) : ISimdAction<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run<TV>() where TV : struct, ISimdVector<TV, T>
        {
            int lanes = TV.Count, groups = (n + lanes - 1) / lanes;
            nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
            bool transposed = aTransposed, add = accumulate;
            int rows = m, depth = k, columns = n;
            ParallelWork.ForRanges(groups, Math.Min(workers, groups), (g0, g1) =>
                Columns<TV,
                    T>((T*)pa, transposed, (T*)pb, (T*)pc, rows, depth, columns, add, Math.Min(columns, g0 * lanes),
                    Math.Min(columns, g1 * lanes)));
        }
    }

    /// <summary>Computes columns j0 .. j1-1 of C; A is stored k x m when <paramref name="aTransposed"/>, else m x
    /// k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Columns<TV,
        T>(T* a, bool aTransposed, T* b, T* c, int m, int k, int n, bool accumulate, int j0, int j1)
        where TV : struct, ISimdVector<TV, T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = TV.Count;
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
                    var bv = TV.Load(row + j);
                    T* ci = c + jc + j;
                    for (int i = 0; i < m; i++, ci += n)
                        TV.Store(TV.FusedMultiplyAdd(TV.Create(coefficients[i]), bv, TV.Load(ci)), ci);
                }
                for (; j < w; j++)
                    for (int i = 0; i < m; i++)
                    {
                        T* ce = c + (long)i * n + jc + j;
                        *ce = T.FusedMultiplyAdd(coefficients[i], row[j], *ce);
                    }
            }
        }
    }
}
