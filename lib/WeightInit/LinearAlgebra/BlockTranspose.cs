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
internal static unsafe class BlockTranspose
{
    /// <summary>True when the AVX-512 permutes are available.</summary>
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    private static readonly Vector512<int>[] FloatLow = [.. Enumerable.Range(0, 4).Select(s => FloatIndex(1 << s, low: true))];
    private static readonly Vector512<int>[] FloatHigh = [.. Enumerable.Range(0, 4).Select(s => FloatIndex(1 << s, low: false))];
    private static readonly Vector512<long>[] DoubleLow = [.. Enumerable.Range(0, 3).Select(s => DoubleIndex(1 << s, low: true))];
    private static readonly Vector512<long>[] DoubleHigh = [.. Enumerable.Range(0, 3).Select(s => DoubleIndex(1 << s, low: false))];

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
        int lanes = Vector512<T>.Count;
        for (int i = 0; i < lanes; i++)
            columns[i] = i < rows ? Vector512.Load(src + i * srcStride) : Vector512<T>.Zero;
        if (typeof(T) == typeof(float))
        {
            var r = (Vector512<float>*)columns;
            for (int s = 3; s >= 0; s--)
            {
                int h = 1 << s;
                var lo = FloatLow[s];
                var hi = FloatHigh[s];
                for (int i = 0; i < 16; i++)
                {
                    if ((i & h) != 0) continue;
                    var x = r[i];
                    var y = r[i + h];
                    r[i] = Avx512F.PermuteVar16x32x2(x, lo, y);
                    r[i + h] = Avx512F.PermuteVar16x32x2(x, hi, y);
                }
            }
        }
        else
        {
            var r = (Vector512<double>*)columns;
            for (int s = 2; s >= 0; s--)
            {
                int h = 1 << s;
                var lo = DoubleLow[s];
                var hi = DoubleHigh[s];
                for (int i = 0; i < 8; i++)
                {
                    if ((i & h) != 0) continue;
                    var x = r[i];
                    var y = r[i + h];
                    r[i] = Avx512F.PermuteVar8x64x2(x, lo, y);
                    r[i + h] = Avx512F.PermuteVar8x64x2(x, hi, y);
                }
            }
        }
    }
}
