using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// C = A B^T for a small batch (m &lt;= 8 rows of A, B stored n x k), the product of a dense layer applied
/// to one or a few inputs. Packing B^T into strips would cost a full extra pass over B for little reuse,
/// so this kernel transposes L x L blocks of B in registers (<see cref="BlockTranspose"/>, L = 16 floats or
/// 8 doubles) and feeds each transposed column straight to the m accumulators. Each element still gets
/// the chain c = fma(A[i, p], B[j, p], c) over p = 0 .. k-1 in order, exactly as in <see cref="MicroKernels"/>. (Other
/// widths use the packed product: they have no register transpose here.)
/// Needs AVX-512 (<see cref="BlockTranspose.IsSupported"/>).
/// </summary>
internal static unsafe class SmallBatchKernel
{
    /// <summary>Largest m handled.</summary>
    public const int MaxRows = 8;

    /// <summary>Computes the columns of C in groups g0 .. g1-1 of L columns each.</summary>
    public static void Run<T>(T* a, T* b, T* c, int m, int k, int n, bool accumulate, int g0, int g1)
        where T : unmanaged
    {
        // One specialization per row count, so that the JIT folds the row tests and keeps the accumulators in
        // registers.
        switch (m)
        {
            case 1: Run<T, Rows1>(a, b, c, k, n, accumulate, g0, g1); break;
            case 2: Run<T, Rows2>(a, b, c, k, n, accumulate, g0, g1); break;
            case 3: Run<T, Rows3>(a, b, c, k, n, accumulate, g0, g1); break;
            case 4: Run<T, Rows4>(a, b, c, k, n, accumulate, g0, g1); break;
            case 5: Run<T, Rows5>(a, b, c, k, n, accumulate, g0, g1); break;
            case 6: Run<T, Rows6>(a, b, c, k, n, accumulate, g0, g1); break;
            case 7: Run<T, Rows7>(a, b, c, k, n, accumulate, g0, g1); break;
            case 8: Run<T, Rows8>(a, b, c, k, n, accumulate, g0, g1); break;
            default: throw new ArgumentOutOfRangeException(nameof(m), m, $"m must be 1 .. {MaxRows}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<T, TRows>(T* a, T* b, T* c, int k, int n, bool accumulate, int g0, int g1)
        where T : unmanaged where TRows : struct, IRowCount
    {
        int lanes = Vector512<T>.Count;
        Vector512<T>* columns = stackalloc Vector512<T>[16];
        T* edge = stackalloc T[16 * 16];
        for (int g = g0; g < g1; g++)
        {
            int j0 = g * lanes, rows = Math.Min(lanes, n - j0);
            T* bg = b + (long)j0 * k;
            Vector512<T> c0, c1, c2, c3, c4, c5, c6, c7;
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = Vector512<T>.Zero;
            if (accumulate)
            {
                c0 = LoadPartial(c + (long)0 * n + j0, rows, edge);
                if (TRows.Value > 1) c1 = LoadPartial(c + (long)1 * n + j0, rows, edge);
                if (TRows.Value > 2) c2 = LoadPartial(c + (long)2 * n + j0, rows, edge);
                if (TRows.Value > 3) c3 = LoadPartial(c + (long)3 * n + j0, rows, edge);
                if (TRows.Value > 4) c4 = LoadPartial(c + (long)4 * n + j0, rows, edge);
                if (TRows.Value > 5) c5 = LoadPartial(c + (long)5 * n + j0, rows, edge);
                if (TRows.Value > 6) c6 = LoadPartial(c + (long)6 * n + j0, rows, edge);
                if (TRows.Value > 7) c7 = LoadPartial(c + (long)7 * n + j0, rows, edge);
            }
            for (int p0 = 0; p0 < k; p0 += lanes)
            {
                int count = Math.Min(lanes, k - p0);
                if (count == lanes)
                {
                    BlockTranspose.Transpose(bg + p0, k, rows, columns);
                }
                else
                {
                    // The last k % L columns of B: copy them into a zero-filled L x L block first.
                    new Span<T>(edge, 16 * 16).Clear();
                    for (int r = 0; r < rows; r++)
                        new ReadOnlySpan<T>(bg + (long)r * k + p0, count).CopyTo(new Span<T>(edge + r * lanes, count));
                    BlockTranspose.Transpose(edge, lanes, rows, columns);
                }
                T* ap = a + p0;
                // Deliberately unrolled by row, as in MicroKernels.Tile: named accumulators stay in registers, and
                // the tests on the row count (a constant per instantiation) fold away.
                for (int q = 0; q < count; q++, ap++)
                {
                    var column = columns[q];
                    c0 = Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[0 * (long)k]), column, c0);
                    if (TRows.Value > 1) c1 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[1 * (long)k]), column, c1);
                    if (TRows.Value > 2) c2 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[2 * (long)k]), column, c2);
                    if (TRows.Value > 3) c3 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[3 * (long)k]), column, c3);
                    if (TRows.Value > 4) c4 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[4 * (long)k]), column, c4);
                    if (TRows.Value > 5) c5 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[5 * (long)k]), column, c5);
                    if (TRows.Value > 6) c6 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[6 * (long)k]), column, c6);
                    if (TRows.Value > 7) c7 =
                        Vec512<T>.RawFusedMultiplyAdd(Vector512.Create(ap[7 * (long)k]), column, c7);
                }
            }
            StorePartial(c0, c + (long)0 * n + j0, rows, edge);
            if (TRows.Value > 1) StorePartial(c1, c + (long)1 * n + j0, rows, edge);
            if (TRows.Value > 2) StorePartial(c2, c + (long)2 * n + j0, rows, edge);
            if (TRows.Value > 3) StorePartial(c3, c + (long)3 * n + j0, rows, edge);
            if (TRows.Value > 4) StorePartial(c4, c + (long)4 * n + j0, rows, edge);
            if (TRows.Value > 5) StorePartial(c5, c + (long)5 * n + j0, rows, edge);
            if (TRows.Value > 6) StorePartial(c6, c + (long)6 * n + j0, rows, edge);
            if (TRows.Value > 7) StorePartial(c7, c + (long)7 * n + j0, rows, edge);

        }
    }

    private static Vector512<T> LoadPartial<T>(T* source, int count, T* scratch) where T : unmanaged
    {
        if (count == Vector512<T>.Count) return Vector512.Load(source);
        new Span<T>(scratch, Vector512<T>.Count).Clear();
        new ReadOnlySpan<T>(source, count).CopyTo(new Span<T>(scratch, count));
        return Vector512.Load(scratch);
    }

    private static void StorePartial<T>(Vector512<T> value, T* destination, int count, T* scratch) where T : unmanaged
    {
        if (count == Vector512<T>.Count) { value.Store(destination); return; }
        value.Store(scratch);
        new ReadOnlySpan<T>(scratch, count).CopyTo(new Span<T>(destination, count));
    }
}
