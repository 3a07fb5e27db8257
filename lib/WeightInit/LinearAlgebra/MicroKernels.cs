using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// The register-blocked micro-kernel of the matrix product (the innermost loop of the GotoBLAS scheme: K. Goto and
/// R. van de Geijn, 2008, "Anatomy of high-performance matrix multiplication"), written once for every width.
/// </summary>
/// <remarks>
/// <see cref="Tile{TOps, TRaw, T, TRows}"/> updates an R x NR tile of C (R = its row-count type argument, up to 8;
/// NR = 2 registers of the width) held in registers: for p = 0 .. kc-1 it reads A[r, p] at a[p lda + r] (a packed
/// panel, or A itself when it is stored k x m) and B[p, 0 .. NR) at b + p ldb (a packed strip, or B itself when it
/// is stored k x n), and sets C[r, j] = fma(A[r, p], B[p, j], C[r, j]). The chains start from zero, or from the values
/// in C when <c>load</c> is true; C[r, j] is at c[r ldc + j]. Every element of C is therefore the same chain of fused
/// multiply-adds over p in increasing order at every width and tile shape, so the path, the blocking and the number
/// of threads cannot change a single bit of the result. The accumulators are named locals on the raw register type
/// (<see cref="IRegisterOps{TRaw, T}"/>), so that the JIT keeps the tile in registers next to its multiply-adds; the
/// row tests fold away per row count.
/// </remarks>
internal static unsafe class MicroKernels
{
    /// <summary>One tile of <typeparamref name="TRows"/> rows x 2 registers; see the class remarks for the
    /// contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<TOps, TRaw, T, TRows>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load)
        where TOps : IRegisterOps<TRaw, T> where TRaw : struct where T : unmanaged where TRows : struct, IRowCount
    {
        int v = TOps.Lanes, rows = TRows.Value;
        TRaw c00 = TOps.RawZero, c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00,
            c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        if (load)
        {
            c00 = TOps.RawLoad(c); c01 = TOps.RawLoad(c + v);
            if (rows > 1) { c10 = TOps.RawLoad(c + ldc); c11 = TOps.RawLoad(c + ldc + v); }
            if (rows > 2) { c20 = TOps.RawLoad(c + 2 * ldc); c21 = TOps.RawLoad(c + 2 * ldc + v); }
            if (rows > 3) { c30 = TOps.RawLoad(c + 3 * ldc); c31 = TOps.RawLoad(c + 3 * ldc + v); }
            if (rows > 4) { c40 = TOps.RawLoad(c + 4 * ldc); c41 = TOps.RawLoad(c + 4 * ldc + v); }
            if (rows > 5) { c50 = TOps.RawLoad(c + 5 * ldc); c51 = TOps.RawLoad(c + 5 * ldc + v); }
            if (rows > 6) { c60 = TOps.RawLoad(c + 6 * ldc); c61 = TOps.RawLoad(c + 6 * ldc + v); }
            if (rows > 7) { c70 = TOps.RawLoad(c + 7 * ldc); c71 = TOps.RawLoad(c + 7 * ldc + v); }
        }
        // Deliberately unrolled by row: the 16 accumulators must be named locals for the JIT to keep them in
        // registers (a loop over rows or an array would spill them); rows is a constant per instantiation, so the
        // tests on it fold away.
        for (int p = 0; p < kc; p++)
        {
            var b0 = TOps.RawLoad(b);
            var b1 = TOps.RawLoad(b + v);
            var a0 = TOps.Broadcast(a[0]);
            c00 = TOps.RawFusedMultiplyAdd(a0, b0, c00);
            c01 = TOps.RawFusedMultiplyAdd(a0, b1, c01);
            if (rows > 1)
            {
                var a1 = TOps.Broadcast(a[1]);
                c10 = TOps.RawFusedMultiplyAdd(a1, b0, c10);
                c11 = TOps.RawFusedMultiplyAdd(a1, b1, c11);
            }
            if (rows > 2)
            {
                var a2 = TOps.Broadcast(a[2]);
                c20 = TOps.RawFusedMultiplyAdd(a2, b0, c20);
                c21 = TOps.RawFusedMultiplyAdd(a2, b1, c21);
            }
            if (rows > 3)
            {
                var a3 = TOps.Broadcast(a[3]);
                c30 = TOps.RawFusedMultiplyAdd(a3, b0, c30);
                c31 = TOps.RawFusedMultiplyAdd(a3, b1, c31);
            }
            if (rows > 4)
            {
                var a4 = TOps.Broadcast(a[4]);
                c40 = TOps.RawFusedMultiplyAdd(a4, b0, c40);
                c41 = TOps.RawFusedMultiplyAdd(a4, b1, c41);
            }
            if (rows > 5)
            {
                var a5 = TOps.Broadcast(a[5]);
                c50 = TOps.RawFusedMultiplyAdd(a5, b0, c50);
                c51 = TOps.RawFusedMultiplyAdd(a5, b1, c51);
            }
            if (rows > 6)
            {
                var a6 = TOps.Broadcast(a[6]);
                c60 = TOps.RawFusedMultiplyAdd(a6, b0, c60);
                c61 = TOps.RawFusedMultiplyAdd(a6, b1, c61);
            }
            if (rows > 7)
            {
                var a7 = TOps.Broadcast(a[7]);
                c70 = TOps.RawFusedMultiplyAdd(a7, b0, c70);
                c71 = TOps.RawFusedMultiplyAdd(a7, b1, c71);
            }
            a += lda;
            b += ldb;
        }
        TOps.RawStore(c00, c); TOps.RawStore(c01, c + v);
        if (rows > 1) { TOps.RawStore(c10, c + ldc); TOps.RawStore(c11, c + ldc + v); }
        if (rows > 2) { TOps.RawStore(c20, c + 2 * ldc); TOps.RawStore(c21, c + 2 * ldc + v); }
        if (rows > 3) { TOps.RawStore(c30, c + 3 * ldc); TOps.RawStore(c31, c + 3 * ldc + v); }
        if (rows > 4) { TOps.RawStore(c40, c + 4 * ldc); TOps.RawStore(c41, c + 4 * ldc + v); }
        if (rows > 5) { TOps.RawStore(c50, c + 5 * ldc); TOps.RawStore(c51, c + 5 * ldc + v); }
        if (rows > 6) { TOps.RawStore(c60, c + 6 * ldc); TOps.RawStore(c61, c + 6 * ldc + v); }
        if (rows > 7) { TOps.RawStore(c70, c + 7 * ldc); TOps.RawStore(c71, c + 7 * ldc + v); }
    }

    /// <summary>
    /// <paramref name="rows"/> (1 .. tile rows) rows: the full tile when it is full, otherwise covered by 4-, 2- and
    /// 1-row tiles (no wasted rows, no reads beyond the rows asked for).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows<TOps, TRaw, T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load, int rows)
        where TOps : IRegisterOps<TRaw, T> where TRaw : struct where T : unmanaged
    {
        if (rows == TOps.TileRows)
        {
            if (rows == 8) Tile<TOps, TRaw, T, Rows8>(a, lda, b, ldb, kc, c, ldc, load);
            else if (rows == 6) Tile<TOps, TRaw, T, Rows6>(a, lda, b, ldb, kc, c, ldc, load);
            else Tile<TOps, TRaw, T, Rows4>(a, lda, b, ldb, kc, c, ldc, load);
            return;
        }
        for (int r = 0; r < rows;)
        {
            int left = rows - r;
            if (left >= 4) { Tile<TOps, TRaw, T, Rows4>(a + r, lda, b, ldb, kc, c + r * ldc, ldc, load); r += 4; }
            else if (left >= 2) { Tile<TOps, TRaw, T, Rows2>(a + r, lda, b, ldb, kc, c + r * ldc, ldc, load); r += 2; }
            else { Tile<TOps, TRaw, T, Rows1>(a + r, lda, b, ldb, kc, c + r * ldc, ldc, load); r += 1; }
        }
    }
}
