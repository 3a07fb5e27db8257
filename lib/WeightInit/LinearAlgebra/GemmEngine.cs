using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// The blocked matrix product C (m x n) = A (m x k) B (k x n), with A and B each stored either
/// row-major or transposed, after the GotoBLAS scheme (K. Goto and R. van de Geijn, 2008,
/// "Anatomy of high-performance matrix multiplication"): B is packed into strips of NR columns
/// (kc x NR, kept in L1 while a block of A streams from L2), A into panels of MR rows (or read in place
/// when it is stored k x m, where a panel's MR values of one p are already contiguous), and a
/// register-blocked micro-kernel (<see cref="MicroKernels"/>, one body for every width) updates one MR x NR tile
/// at a time. The blocking comes from the machine's caches (<see cref="GemmBlocking"/>). The output is split into
/// disjoint tiles across workers. The k dimension is never split: each element of C is the same chain of fused
/// multiply-adds over p = 0 .. k-1 whatever the path, the blocking and the number of workers, so results are
/// bit-identical across all of them.
/// </summary>
internal static unsafe class GemmEngine
{
    /// <summary>
    /// Below this many floating-point operations (2 m k n) the automatic mode uses one thread: about 20 us of one
    /// core's
    /// work at the path's width (a parallel loop costs tens of microseconds), 4 MFLOP for 16 lanes (AVX-512 floats),
    /// proportionally less for fewer lanes.
    /// </summary>
    internal static long ParallelThresholdFlops(SimdPath path, int elementSize)
    {
        int lanes = path.ResolveFused() switch
        {
            SimdPath.Vector512 => 64 / elementSize,
            SimdPath.Vector256 => 32 / elementSize,
            SimdPath.Vector128 => 16 / elementSize,
            _ => 1,
        };
        return Math.Max(250_000, 4_000_000L * lanes / 16);
    }

    /// <summary>Up to this many multiply-adds (m k n) the automatic mode uses a plain loop: packing would cost more
    /// than it saves.</summary>
    internal const int TinyProduct = 2048;

    /// <summary>
    /// C = op(A) op(B). <paramref name="aTransposed"/>: A is stored k x m (element (i, p) at a[p m + i]);
    /// otherwise m x k. <paramref name="bTransposed"/>: B is stored n x k (element (p, j) at b[j k + p]);
    /// otherwise k x n. With <paramref name="accumulate"/> the chains start from C's values, otherwise from 0.
    /// </summary>
    public static void Run<T>(T* a, bool aTransposed, T* b, bool bTransposed, T* c, int m, int k, int n,
        bool accumulate, GemmOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (options.Path == SimdPath.Auto && (long)m * k * n <= TinyProduct)
        {
            RunTiny(a, aTransposed, b, bTransposed, c, m, k, n, accumulate);
            return;
        }
        var path = options.Path.ResolveFused();
        if (path == SimdPath.Vector512 && bTransposed && !aTransposed && m <= SmallBatchKernel.MaxRows
            && BlockTranspose.IsSupported)
        {
            int groups = (n + Vector512<T>.Count - 1) / Vector512<T>.Count;
            nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
            ParallelWork.ForRanges(groups, Workers(options, path, m, k, n, groups, sizeof(T)), (g0, g1) =>
                SmallBatchKernel.Run((T*)pa, (T*)pb, (T*)pc, m, k, n, accumulate, g0, g1));
            return;
        }
        if (!bTransposed && m <= RowStreamKernel.MaxRows && path != SimdPath.Scalar)
        {
            RowStreamKernel.Run(path, a, aTransposed, b, c, m, k, n, accumulate,
                Workers(options, path, m, k, n, int.MaxValue, sizeof(T)));
            return;
        }
        switch (path)
        {
            case SimdPath.Vector512: Blocked<Vec512<T>, Vector512<T>,
                T>(a, aTransposed, b, bTransposed, c, m, k, n, accumulate, options, path); break;
            case SimdPath.Vector256: Blocked<Vec256<T>, Vector256<T>,
                T>(a, aTransposed, b, bTransposed, c, m, k, n, accumulate, options, path); break;
            case SimdPath.Vector128: Blocked<Vec128<T>, Vector128<T>,
                T>(a, aTransposed, b, bTransposed, c, m, k, n, accumulate, options, path); break;
            default: Blocked<Lane<T>, T,
                T>(a, aTransposed, b, bTransposed, c, m, k, n, accumulate, options, path); break;
        }
    }

    /// <summary>The path, register tile and cache blocking the packed product of <typeparamref name="T"/> takes here,
    /// for the benchmark's report.</summary>
    internal static string Describe<T>(SimdPath path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var resolved = path.ResolveFused();
        return resolved switch
        {
            SimdPath.Vector512 => Describe<Vec512<T>, Vector512<T>, T>(resolved),
            SimdPath.Vector256 => Describe<Vec256<T>, Vector256<T>, T>(resolved),
            SimdPath.Vector128 => Describe<Vec128<T>, Vector128<T>, T>(resolved),
            _ => Describe<Lane<T>, T, T>(resolved),
        };
    }

    private static string Describe<TOps, TRaw, T>(SimdPath path) where TOps : IRegisterOps<TRaw, T> where TRaw : struct
        where T : unmanaged
    {
        var blocking = GemmBlocking.For(CacheTopology.Current, TOps.TileRows, 2 * TOps.Lanes, sizeof(T));
        return FormattableString.Invariant($"{path}, tile {TOps.TileRows} x {2 * TOps.Lanes}, ") +
            FormattableString.Invariant($"kc {blocking.Kc}, mc {blocking.Mc}, panel {blocking.StripsPerPanel} strips");
    }

    /// <summary>The floating-point operations of a product: 2 m k n.</summary>
    internal static long Flops(int m, int k, int n) => 2L * m * k * n;

    /// <summary>The forced number of workers, or the automatic one; never more than <paramref name="units"/>.</summary>
    private static int Workers(GemmOptions options, SimdPath path, int m, int k, int n, int units, int elementSize) =>
        options.Workers > 0 ? Math.Min(options.Workers, units)
        : ParallelWork.Workers(Flops(m, k, n), ParallelThresholdFlops(path, elementSize), units, -1);

    /// <summary>The packed product at the width of <typeparamref name="TOps"/>, split across workers by rows or by
    /// column strips.</summary>
    private static void Blocked<TOps, TRaw,
        T>(T* a, bool aTransposed, T* b, bool bTransposed, T* c, int m, int k, int n, bool accumulate,
        GemmOptions options, SimdPath path)
        where TOps : IRegisterOps<TRaw, T> where TRaw : struct where T : unmanaged
    {
        var shape =
            new Shape(TOps.TileRows, 2 * TOps.Lanes,
            GemmBlocking.For(CacheTopology.Current, TOps.TileRows, 2 * TOps.Lanes, sizeof(T)));
        int rowPanels = (m + shape.Mr - 1) / shape.Mr;
        int strips = (n + shape.Nr - 1) / shape.Nr;
        // Split the rows when A is the larger operand (each worker then packs all of B), the columns otherwise.
        bool splitRows = m >= n ? rowPanels >= 2 : strips < 2;
        var job =
            new Job<TOps, TRaw, T>((nint)a, aTransposed, (nint)b, bTransposed, (nint)c, m, k, n, accumulate, shape);
        int units = splitRows ? rowPanels : strips;
        int workers = Workers(options, path, m, k, n, units, sizeof(T));
        if (workers <= 1)
        {
            job.Work(0, m, 0, strips);
            return;
        }
        ParallelWork.ForRanges(units, workers, (u0, u1) =>
        {
            if (splitRows)
                job.Work(u0 * shape.Mr, Math.Min(m, u1 * shape.Mr), 0, strips);
            else
                job.Work(0, m, u0, u1);
        });
    }

    /// <summary>The documented chain, c = fma(A[i, p], B[p, j], c) for p = 0 .. k-1, as a plain loop (tiny
    /// products).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunTiny<T>(T* a, bool aTransposed, T* b, bool bTransposed, T* c, int m, int k, int n,
        bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint aRow = aTransposed ? 1 : k, aStep = aTransposed ? m : 1;
        nint bColumn = bTransposed ? k : 1, bStep = bTransposed ? 1 : n;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T* ai = a + i * aRow;
                T* bj = b + j * bColumn;
                T s = accumulate ? c[i * n + j] : T.Zero;
                for (int p = 0; p < k; p++) s = T.FusedMultiplyAdd(ai[p * aStep], bj[p * bStep], s);
                c[i * n + j] = s;
            }
    }

    /// <summary>Tile geometry of a path: MR rows x NR columns, and the cache blocking.</summary>
    internal readonly record struct Shape(int Mr, int Nr, GemmBlocking Blocking)
    {
        public int Kc => Blocking.Kc;

        /// <summary>The depth of each k block: k cut into ceil(k / Kc) blocks of nearly equal depth.</summary>
        public int KBlock(int k)
        {
            int blocks = (k + Kc - 1) / Kc;
            return (k + blocks - 1) / blocks;
        }
        public int Mc => Blocking.Mc;
        public int StripsPerPanel => Blocking.StripsPerPanel;
    }

    /// <summary>Buffers up to this many bytes live on the stack (small products allocate nothing).</summary>
    private const int StackBufferBytes = 16 * 1024;

    private sealed class Job<TOps, TRaw,
        T>(nint a, bool aTransposed, nint b, bool bTransposed, nint c, int m, int k, int n, bool accumulate,
        Shape shape)
        where TOps : IRegisterOps<TRaw, T> where TRaw : struct where T : unmanaged
    {
        /// <summary>Computes C[r0..r1, strips s0..s1) (r0 a multiple of MR) with its own scratch buffers.</summary>
        public void Work(int r0, int r1, int s0, int s1)
        {
            int mr = shape.Mr, nr = shape.Nr, kBlock = shape.KBlock(k);
            int mcMax = Math.Min(shape.Mc, (r1 - r0 + mr - 1) / mr * mr);
            int chunks = (s1 - s0 + shape.StripsPerPanel - 1) / shape.StripsPerPanel;
            int panelStrips = (s1 - s0 + chunks - 1) / chunks;
            int alignPad = 64 / sizeof(T);
            int aLength = aTransposed ? 0 : mcMax * kBlock + alignPad;
            int bLength = panelStrips * nr * kBlock + alignPad;
            if ((long)(aLength + bLength) * sizeof(T) <= StackBufferBytes)
            {
                T* buffer = stackalloc T[aLength + bLength];
                Work(r0, r1, s0, s1, panelStrips, Align(buffer), Align(buffer + aLength));
                return;
            }
            T[] aBuffer = ArrayPool<T>.Shared.Rent(aLength);
            T[] bBuffer = ArrayPool<T>.Shared.Rent(bLength);
            try
            {
                fixed (T* aRaw = aBuffer)
                fixed (T* bRaw = bBuffer)
                    Work(r0, r1, s0, s1, panelStrips, Align(aRaw), Align(bRaw));
            }
            finally
            {
                ArrayPool<T>.Shared.Return(aBuffer);
                ArrayPool<T>.Shared.Return(bBuffer);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Work(int r0, int r1, int s0, int s1, int panelStrips, T* ap, T* bp)
        {
            int mr = shape.Mr, nr = shape.Nr, kBlock = shape.KBlock(k);
            T* A = (T*)a, B = (T*)b, C = (T*)c;
            // With few rows a packed strip would be used once or twice: read B (stored k x n) in place instead.
            bool directB = !bTransposed && r1 - r0 <= 2 * mr;
            for (int js = s0; js < s1; js += panelStrips)
            {
                int jsEnd = Math.Min(s1, js + panelStrips);
                for (int pc = 0; pc < k; pc += kBlock)
                {
                    int kc = Math.Min(kBlock, k - pc);
                    bool load = accumulate || pc > 0;
                    for (int s = js; s < jsEnd; s++)
                        if (!directB || (s + 1) * nr > n)
                            PackB(B, bTransposed, k, n, pc, kc, s * nr, nr, bp + (long)(s - js) * kc * nr);
                    for (int ic = r0; ic < r1; ic += shape.Mc)
                    {
                        int mc = Math.Min(shape.Mc, r1 - ic);
                        int panels = (mc + mr - 1) / mr;
                        // A stored k x m is read in place: the MR values of one p are contiguous, m apart.
                        if (!aTransposed) PackABlock(A, false, m, k, ic, r1, panels, pc, kc, mr, ap);
                        nint lda = aTransposed ? m : mr;
                        for (int s = js; s < jsEnd; s++)
                        {
                            int j0 = s * nr, cols = Math.Min(nr, n - j0);
                            bool direct = directB && cols == nr;
                            T* bs = direct ? B + (long)pc * n + j0 : bp + (long)(s - js) * kc * nr;
                            nint ldb = direct ? n : nr;
                            for (int q = 0; q < panels; q++)
                            {
                                int i0 = ic + q * mr, rows = Math.Min(mr, r1 - i0);
                                T* panel = aTransposed ? A + (long)pc * m + i0 : ap + (long)q * kc * mr;
                                Tile(panel, lda, bs, ldb, kc, C + (long)i0 * n + j0, n, load, rows, cols);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>One MR x NR tile; a tile cut by the right edge of C goes through a small buffer.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Tile(T* ap, nint lda, T* bs, nint ldb, int kc, T* ct, int ldc, bool load, int rows, int cols)
        {
            if (cols == shape.Nr)
            {
                MicroKernels.Rows<TOps, TRaw, T>(ap, lda, bs, ldb, kc, ct, ldc, load, rows);
                return;
            }
            int nr = shape.Nr;
            T* tmp = stackalloc T[8 * 32];
            if (load)
                for (int r = 0; r < rows; r++)
                    new ReadOnlySpan<T>(ct + (long)r * ldc, cols).CopyTo(new Span<T>(tmp + r * nr, cols));
            MicroKernels.Rows<TOps, TRaw, T>(ap, lda, bs, ldb, kc, tmp, nr, load, rows);
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<T>(tmp + r * nr, cols).CopyTo(new Span<T>(ct + (long)r * ldc, cols));
        }
    }

    private static T* Align<T>(T* p) where T : unmanaged => (T*)(((nint)p + 63) & ~(nint)63);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackABlock<T>(T* a, bool transposed, int m, int k, int ic, int rowEnd, int panels, int pc,
        int kc, int mr, T* dst)
        where T : unmanaged
    {
        int lanes = Vector512<T>.Count;
        if (transposed || !BlockTranspose.IsSupported || (lanes != mr && lanes != 2 * mr))
        {
            for (int q = 0; q < panels; q++)
                PackA(a, transposed, m, k, ic + q * mr, Math.Min(mr, rowEnd - ic - q * mr), pc, kc, mr, dst + (long)q
                    * kc * mr);
            return;
        }
        Vector512<T>* columns = stackalloc Vector512<T>[16];
        int perTranspose = lanes / mr;
        for (int q0 = 0; q0 < panels; q0 += perTranspose)
        {
            int i0 = ic + q0 * mr;
            int rows = Math.Clamp(rowEnd - i0, 0, lanes);
            int p = 0;
            for (; p + lanes <= kc; p += lanes)
            {
                BlockTranspose.Transpose(a + (long)i0 * k + pc + p, k, rows, columns);
                for (int q = 0; q < lanes; q++)
                {
                    T* d = dst + (long)q0 * kc * mr + (p + q) * mr;
                    if (perTranspose == 1)
                    {
                        columns[q].Store(d);
                    }
                    else
                    {
                        columns[q].GetLower().Store(d);
                        if (q0 + 1 < panels) columns[q].GetUpper().Store(d + (long)kc * mr);
                    }
                }
            }
            for (int h = 0; h < perTranspose && q0 + h < panels; h++)
                for (int r = 0; r < mr; r++)
                {
                    int row = i0 + h * mr + r;
                    Scatter(row < rowEnd ? a + (long)row * k + pc : null, dst + (long)(q0 + h) * kc * mr + r, p, kc,
                        mr);
                }
        }
    }

    /// <summary>Packs rows i0 .. i0+rows of A, columns pc .. pc+kc, as dst[p MR + r]; rows beyond
    /// <paramref name="rows"/> are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackA<T>(T* a, bool transposed, int m, int k, int i0, int rows, int pc, int kc, int mr, T* dst)
        where T : unmanaged
    {
        if (transposed)
        {
            // A stored k x m: the MR values of one p are contiguous.
            for (int p = 0; p < kc; p++)
            {
                T* src = a + (long)(pc + p) * m + i0;
                T* d = dst + p * mr;
                int r = 0;
                for (; r < rows; r++) d[r] = src[r];
                for (; r < mr; r++) d[r] = default;
            }
            return;
        }
        for (int r = 0; r < mr; r++)
            Scatter(r < rows ? a + (long)(i0 + r) * k + pc : null, dst + r, 0, kc, mr);
    }

    /// <summary>Packs columns j0 .. j0+NR of B, rows pc .. pc+kc, as dst[p NR + j]; columns beyond n are
    /// zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackB<T>(T* b, bool transposed, int k, int n, int pc, int kc, int j0, int nr, T* dst)
        where T : unmanaged
    {
        int cols = Math.Min(nr, n - j0);
        if (!transposed)
        {
            // B stored k x n: the NR values of one p are contiguous.
            for (int p = 0; p < kc; p++)
            {
                T* src = b + (long)(pc + p) * n + j0;
                T* d = dst + p * nr;
                if (cols == nr && nr % Vector256<T>.Count == 0)
                {
                    for (int j = 0; j < nr; j += Vector256<T>.Count) Vector256.Store(Vector256.Load(src + j), d + j);
                }
                else
                {
                    int j = 0;
                    for (; j < cols; j++) d[j] = src[j];
                    for (; j < nr; j++) d[j] = default;
                }
            }
            return;
        }
        int lanes = Vector512<T>.Count;
        if (BlockTranspose.IsSupported && nr % lanes == 0)
        {
            Vector512<T>* columns = stackalloc Vector512<T>[16];
            for (int g = 0; g < nr; g += lanes)
            {
                int rows = Math.Clamp(n - j0 - g, 0, lanes);
                int p = 0;
                if (rows > 0)
                {
                    for (; p + lanes <= kc; p += lanes)
                    {
                        BlockTranspose.Transpose(b + (long)(j0 + g) * k + pc + p, k, rows, columns);
                        for (int q = 0; q < lanes; q++) columns[q].Store(dst + (p + q) * nr + g);
                    }
                }
                for (int r = 0; r < lanes; r++)
                    Scatter(r < rows ? b + (long)(j0 + g + r) * k + pc : null, dst + g + r, p, kc, nr);
            }
            return;
        }
        for (int j = 0; j < nr; j++)
            Scatter(j < cols ? b + (long)(j0 + j) * k + pc : null, dst + j, 0, kc, nr);
    }

    /// <summary>
    /// One packed row or column: d[p stride] = src[p] for p in [from, to), or 0 where <paramref name="src"/> is null
    /// (the rows or columns beyond the matrix, which a packed panel pads with zeros).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter<T>(T* src, T* d, int from, int to, int stride) where T : unmanaged
    {
        if (src == null)
            for (int p = from; p < to; p++) d[p * stride] = default;
        else
            for (int p = from; p < to; p++) d[p * stride] = src[p];
    }
}
