using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// In-register transposition of an L x L block (L = <see cref="Vector512{T}.Count"/>: 16 floats or 8
/// doubles) with AVX-512 two-source permutes, used by the packing routines. The transpose is done as
/// log2(L) block swaps: stage h exchanges bit h of the row index with bit h of the column index, i.e.
/// for each pair of rows (i, i + h) with bit h of i clear, element j of row i with bit h set trades
/// places with element j - h of row i + h. Pure data movement: the values are copied, never rounded.
/// </summary>
/// <remarks>
/// <see cref="Transpose16"/> (floats) and <see cref="Transpose8"/> (doubles) are the same stages written once per
/// element width on purpose: each keeps its L rows in named registers, with the two-source permute of its width.
/// </remarks>
internal static unsafe class BlockTranspose
{
    /// <summary>True when the AVX-512 permutes are available and the library's width is not capped below 512 bits
    /// (<see cref="Kernels.SimdPaths.MaxWidthVariable"/>).</summary>
    public static bool IsSupported => Avx512F.IsSupported && Kernels.SimdPaths.Best == Kernels.SimdPath.Vector512;

    private static readonly Vector512<int>[] FloatLow =
        [.. Enumerable.Range(0, 4).Select(s => FloatIndex(1 << s, low: true))];
    private static readonly Vector512<int>[] FloatHigh =
        [.. Enumerable.Range(0, 4).Select(s => FloatIndex(1 << s, low: false))];
    private static readonly Vector512<long>[] DoubleLow =
        [.. Enumerable.Range(0, 3).Select(s => DoubleIndex(1 << s, low: true))];
    private static readonly Vector512<long>[] DoubleHigh =
        [.. Enumerable.Range(0, 3).Select(s => DoubleIndex(1 << s, low: false))];

    private static Vector512<int> FloatIndex(int h, bool low)
    {
        var index = new int[16];
        for (int j = 0; j < 16; j++) index[j] = Index(j, h, 16, low);
        return Vector512.Create(index);
    }

    private static Vector512<long> DoubleIndex(int h, bool low)
    {
        var index = new long[8];
        for (int j = 0; j < 8; j++) index[j] = Index(j, h, 8, low);
        return Vector512.Create(index);
    }

    // Source of element j of the new row i (low) or i + h (high); indices >= lanes pick from row i + h.
    private static int Index(int j, int h, int lanes, bool low) => low
        ? ((j & h) == 0 ? j : lanes + j - h)
        : ((j & h) != 0 ? lanes + j : j + h);

    /// <summary>
    /// Loads rows 0 .. <paramref name="rows"/>-1 of an L x L block (row i at src + i * srcStride; missing rows
    /// read as zero) and leaves its transpose in <paramref name="columns"/>[0 .. L): columns[q][i] = row i, element q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose<T>(T* src, nint srcStride, int rows, Vector512<T>* columns) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            Transpose16((float*)src, srcStride, rows, (Vector512<float>*)columns);
        else
            Transpose8((double*)src, srcStride, rows, (Vector512<double>*)columns);
    }

    // Transpose16 (float) and Transpose8 (double) are written out per element type on purpose: the permutes differ
    // (PermuteVar16x32x2 / PermuteVar8x64x2), and the 16 or 8 rows must be named locals to stay in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose16(float* src, nint srcStride, int rows, Vector512<float>* columns)
    {
        var r0 = 0 < rows ? Vector512.Load(src + 0 * srcStride) : Vector512<float>.Zero;
        var r1 = 1 < rows ? Vector512.Load(src + 1 * srcStride) : Vector512<float>.Zero;
        var r2 = 2 < rows ? Vector512.Load(src + 2 * srcStride) : Vector512<float>.Zero;
        var r3 = 3 < rows ? Vector512.Load(src + 3 * srcStride) : Vector512<float>.Zero;
        var r4 = 4 < rows ? Vector512.Load(src + 4 * srcStride) : Vector512<float>.Zero;
        var r5 = 5 < rows ? Vector512.Load(src + 5 * srcStride) : Vector512<float>.Zero;
        var r6 = 6 < rows ? Vector512.Load(src + 6 * srcStride) : Vector512<float>.Zero;
        var r7 = 7 < rows ? Vector512.Load(src + 7 * srcStride) : Vector512<float>.Zero;
        var r8 = 8 < rows ? Vector512.Load(src + 8 * srcStride) : Vector512<float>.Zero;
        var r9 = 9 < rows ? Vector512.Load(src + 9 * srcStride) : Vector512<float>.Zero;
        var r10 = 10 < rows ? Vector512.Load(src + 10 * srcStride) : Vector512<float>.Zero;
        var r11 = 11 < rows ? Vector512.Load(src + 11 * srcStride) : Vector512<float>.Zero;
        var r12 = 12 < rows ? Vector512.Load(src + 12 * srcStride) : Vector512<float>.Zero;
        var r13 = 13 < rows ? Vector512.Load(src + 13 * srcStride) : Vector512<float>.Zero;
        var r14 = 14 < rows ? Vector512.Load(src + 14 * srcStride) : Vector512<float>.Zero;
        var r15 = 15 < rows ? Vector512.Load(src + 15 * srcStride) : Vector512<float>.Zero;
        var lo8 = FloatLow[3];
        var hi8 = FloatHigh[3];
        (r0, r8) = (Avx512F.PermuteVar16x32x2(r0, lo8, r8), Avx512F.PermuteVar16x32x2(r0, hi8, r8));
        (r1, r9) = (Avx512F.PermuteVar16x32x2(r1, lo8, r9), Avx512F.PermuteVar16x32x2(r1, hi8, r9));
        (r2, r10) = (Avx512F.PermuteVar16x32x2(r2, lo8, r10), Avx512F.PermuteVar16x32x2(r2, hi8, r10));
        (r3, r11) = (Avx512F.PermuteVar16x32x2(r3, lo8, r11), Avx512F.PermuteVar16x32x2(r3, hi8, r11));
        (r4, r12) = (Avx512F.PermuteVar16x32x2(r4, lo8, r12), Avx512F.PermuteVar16x32x2(r4, hi8, r12));
        (r5, r13) = (Avx512F.PermuteVar16x32x2(r5, lo8, r13), Avx512F.PermuteVar16x32x2(r5, hi8, r13));
        (r6, r14) = (Avx512F.PermuteVar16x32x2(r6, lo8, r14), Avx512F.PermuteVar16x32x2(r6, hi8, r14));
        (r7, r15) = (Avx512F.PermuteVar16x32x2(r7, lo8, r15), Avx512F.PermuteVar16x32x2(r7, hi8, r15));
        var lo4 = FloatLow[2];
        var hi4 = FloatHigh[2];
        (r0, r4) = (Avx512F.PermuteVar16x32x2(r0, lo4, r4), Avx512F.PermuteVar16x32x2(r0, hi4, r4));
        (r1, r5) = (Avx512F.PermuteVar16x32x2(r1, lo4, r5), Avx512F.PermuteVar16x32x2(r1, hi4, r5));
        (r2, r6) = (Avx512F.PermuteVar16x32x2(r2, lo4, r6), Avx512F.PermuteVar16x32x2(r2, hi4, r6));
        (r3, r7) = (Avx512F.PermuteVar16x32x2(r3, lo4, r7), Avx512F.PermuteVar16x32x2(r3, hi4, r7));
        (r8, r12) = (Avx512F.PermuteVar16x32x2(r8, lo4, r12), Avx512F.PermuteVar16x32x2(r8, hi4, r12));
        (r9, r13) = (Avx512F.PermuteVar16x32x2(r9, lo4, r13), Avx512F.PermuteVar16x32x2(r9, hi4, r13));
        (r10, r14) = (Avx512F.PermuteVar16x32x2(r10, lo4, r14), Avx512F.PermuteVar16x32x2(r10, hi4, r14));
        (r11, r15) = (Avx512F.PermuteVar16x32x2(r11, lo4, r15), Avx512F.PermuteVar16x32x2(r11, hi4, r15));
        var lo2 = FloatLow[1];
        var hi2 = FloatHigh[1];
        (r0, r2) = (Avx512F.PermuteVar16x32x2(r0, lo2, r2), Avx512F.PermuteVar16x32x2(r0, hi2, r2));
        (r1, r3) = (Avx512F.PermuteVar16x32x2(r1, lo2, r3), Avx512F.PermuteVar16x32x2(r1, hi2, r3));
        (r4, r6) = (Avx512F.PermuteVar16x32x2(r4, lo2, r6), Avx512F.PermuteVar16x32x2(r4, hi2, r6));
        (r5, r7) = (Avx512F.PermuteVar16x32x2(r5, lo2, r7), Avx512F.PermuteVar16x32x2(r5, hi2, r7));
        (r8, r10) = (Avx512F.PermuteVar16x32x2(r8, lo2, r10), Avx512F.PermuteVar16x32x2(r8, hi2, r10));
        (r9, r11) = (Avx512F.PermuteVar16x32x2(r9, lo2, r11), Avx512F.PermuteVar16x32x2(r9, hi2, r11));
        (r12, r14) = (Avx512F.PermuteVar16x32x2(r12, lo2, r14), Avx512F.PermuteVar16x32x2(r12, hi2, r14));
        (r13, r15) = (Avx512F.PermuteVar16x32x2(r13, lo2, r15), Avx512F.PermuteVar16x32x2(r13, hi2, r15));
        var lo1 = FloatLow[0];
        var hi1 = FloatHigh[0];
        (r0, r1) = (Avx512F.PermuteVar16x32x2(r0, lo1, r1), Avx512F.PermuteVar16x32x2(r0, hi1, r1));
        (r2, r3) = (Avx512F.PermuteVar16x32x2(r2, lo1, r3), Avx512F.PermuteVar16x32x2(r2, hi1, r3));
        (r4, r5) = (Avx512F.PermuteVar16x32x2(r4, lo1, r5), Avx512F.PermuteVar16x32x2(r4, hi1, r5));
        (r6, r7) = (Avx512F.PermuteVar16x32x2(r6, lo1, r7), Avx512F.PermuteVar16x32x2(r6, hi1, r7));
        (r8, r9) = (Avx512F.PermuteVar16x32x2(r8, lo1, r9), Avx512F.PermuteVar16x32x2(r8, hi1, r9));
        (r10, r11) = (Avx512F.PermuteVar16x32x2(r10, lo1, r11), Avx512F.PermuteVar16x32x2(r10, hi1, r11));
        (r12, r13) = (Avx512F.PermuteVar16x32x2(r12, lo1, r13), Avx512F.PermuteVar16x32x2(r12, hi1, r13));
        (r14, r15) = (Avx512F.PermuteVar16x32x2(r14, lo1, r15), Avx512F.PermuteVar16x32x2(r14, hi1, r15));
        columns[0] = r0;
        columns[1] = r1;
        columns[2] = r2;
        columns[3] = r3;
        columns[4] = r4;
        columns[5] = r5;
        columns[6] = r6;
        columns[7] = r7;
        columns[8] = r8;
        columns[9] = r9;
        columns[10] = r10;
        columns[11] = r11;
        columns[12] = r12;
        columns[13] = r13;
        columns[14] = r14;
        columns[15] = r15;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(double* src, nint srcStride, int rows, Vector512<double>* columns)
    {
        var r0 = 0 < rows ? Vector512.Load(src + 0 * srcStride) : Vector512<double>.Zero;
        var r1 = 1 < rows ? Vector512.Load(src + 1 * srcStride) : Vector512<double>.Zero;
        var r2 = 2 < rows ? Vector512.Load(src + 2 * srcStride) : Vector512<double>.Zero;
        var r3 = 3 < rows ? Vector512.Load(src + 3 * srcStride) : Vector512<double>.Zero;
        var r4 = 4 < rows ? Vector512.Load(src + 4 * srcStride) : Vector512<double>.Zero;
        var r5 = 5 < rows ? Vector512.Load(src + 5 * srcStride) : Vector512<double>.Zero;
        var r6 = 6 < rows ? Vector512.Load(src + 6 * srcStride) : Vector512<double>.Zero;
        var r7 = 7 < rows ? Vector512.Load(src + 7 * srcStride) : Vector512<double>.Zero;
        var lo4 = DoubleLow[2];
        var hi4 = DoubleHigh[2];
        (r0, r4) = (Avx512F.PermuteVar8x64x2(r0, lo4, r4), Avx512F.PermuteVar8x64x2(r0, hi4, r4));
        (r1, r5) = (Avx512F.PermuteVar8x64x2(r1, lo4, r5), Avx512F.PermuteVar8x64x2(r1, hi4, r5));
        (r2, r6) = (Avx512F.PermuteVar8x64x2(r2, lo4, r6), Avx512F.PermuteVar8x64x2(r2, hi4, r6));
        (r3, r7) = (Avx512F.PermuteVar8x64x2(r3, lo4, r7), Avx512F.PermuteVar8x64x2(r3, hi4, r7));
        var lo2 = DoubleLow[1];
        var hi2 = DoubleHigh[1];
        (r0, r2) = (Avx512F.PermuteVar8x64x2(r0, lo2, r2), Avx512F.PermuteVar8x64x2(r0, hi2, r2));
        (r1, r3) = (Avx512F.PermuteVar8x64x2(r1, lo2, r3), Avx512F.PermuteVar8x64x2(r1, hi2, r3));
        (r4, r6) = (Avx512F.PermuteVar8x64x2(r4, lo2, r6), Avx512F.PermuteVar8x64x2(r4, hi2, r6));
        (r5, r7) = (Avx512F.PermuteVar8x64x2(r5, lo2, r7), Avx512F.PermuteVar8x64x2(r5, hi2, r7));
        var lo1 = DoubleLow[0];
        var hi1 = DoubleHigh[0];
        (r0, r1) = (Avx512F.PermuteVar8x64x2(r0, lo1, r1), Avx512F.PermuteVar8x64x2(r0, hi1, r1));
        (r2, r3) = (Avx512F.PermuteVar8x64x2(r2, lo1, r3), Avx512F.PermuteVar8x64x2(r2, hi1, r3));
        (r4, r5) = (Avx512F.PermuteVar8x64x2(r4, lo1, r5), Avx512F.PermuteVar8x64x2(r4, hi1, r5));
        (r6, r7) = (Avx512F.PermuteVar8x64x2(r6, lo1, r7), Avx512F.PermuteVar8x64x2(r6, hi1, r7));
        columns[0] = r0;
        columns[1] = r1;
        columns[2] = r2;
        columns[3] = r3;
        columns[4] = r4;
        columns[5] = r5;
        columns[6] = r6;
        columns[7] = r7;
    }
}
