using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// Register-blocked micro-kernels of the matrix product (the innermost loop of the GotoBLAS scheme:
/// K. Goto and R. van de Geijn, 2008, "Anatomy of high-performance matrix multiplication").
/// </summary>
/// <remarks>
/// Kernel{W}x{R} updates an R x NR tile of C (NR = 2 vectors of W bits, or 4 scalars) held in
/// registers: for p = 0 .. kc-1 it reads A[r, p] at a[p lda + r] (a packed panel) and B[p, 0 .. NR) at
/// b + p ldb (a packed strip, or B itself when it is stored k x n), and sets
/// C[r, j] = fma(A[r, p], B[p, j], C[r, j]). The chains start from zero, or from the values in C
/// when <c>load</c> is true; C[r, j] is at c[r ldc + j]. Every element of C is therefore the same chain
/// of fused multiply-adds over p in increasing order in every kernel, so the path, the tile shape, the
/// blocking and the number of threads cannot change a single bit of the result.
/// The kernels repeat one pattern with explicit accumulators, once per vector width and row count, on purpose: the
/// JIT keeps a tile in registers only when its accumulators are named locals (a loop over an array of vectors spills
/// them). Keep them alike; the duplication is the price of the register tile.
/// </remarks>
internal static unsafe class MicroKernels
{
    /// <summary>Rows of the full <see cref="Kernel512x8{T}"/> tile.</summary>
    public const int Rows512 = 8;
    /// <summary>Rows of the full <see cref="Kernel256x6{T}"/> tile (6 x 2 accumulators fit AVX2's 16 registers).</summary>
    public const int Rows256 = 6;
    /// <summary>Rows of the full <see cref="KernelScalarx4{T}"/> tile.</summary>
    public const int RowsScalar = 4;
    /// <summary>Columns of the scalar tiles.</summary>
    public const int ColumnsScalar = 4;

    /// <summary>8 row(s) x 2 <see cref="Vector512{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512x8<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector512<T>.Count;
        Vector512<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load)
        {
            c00 = Vector512.Load(c + 0 * ldc); c01 = Vector512.Load(c + 0 * ldc + v);
            c10 = Vector512.Load(c + 1 * ldc); c11 = Vector512.Load(c + 1 * ldc + v);
            c20 = Vector512.Load(c + 2 * ldc); c21 = Vector512.Load(c + 2 * ldc + v);
            c30 = Vector512.Load(c + 3 * ldc); c31 = Vector512.Load(c + 3 * ldc + v);
            c40 = Vector512.Load(c + 4 * ldc); c41 = Vector512.Load(c + 4 * ldc + v);
            c50 = Vector512.Load(c + 5 * ldc); c51 = Vector512.Load(c + 5 * ldc + v);
            c60 = Vector512.Load(c + 6 * ldc); c61 = Vector512.Load(c + 6 * ldc + v);
            c70 = Vector512.Load(c + 7 * ldc); c71 = Vector512.Load(c + 7 * ldc + v);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector512<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + v);
            var a0 = Vector512.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector512.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector512.Create(a[2]); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector512.Create(a[3]); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector512.Create(a[4]); c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector512.Create(a[5]); c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            var a6 = Vector512.Create(a[6]); c60 = Fma(a6, b0, c60); c61 = Fma(a6, b1, c61);
            var a7 = Vector512.Create(a[7]); c70 = Fma(a7, b0, c70); c71 = Fma(a7, b1, c71);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + v);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + v);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + v);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + v);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + v);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + v);
    }

    /// <summary>4 row(s) x 2 <see cref="Vector512{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512x4<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector512<T>.Count;
        Vector512<T> c00, c01, c10, c11, c20, c21, c30, c31;
        if (load)
        {
            c00 = Vector512.Load(c + 0 * ldc); c01 = Vector512.Load(c + 0 * ldc + v);
            c10 = Vector512.Load(c + 1 * ldc); c11 = Vector512.Load(c + 1 * ldc + v);
            c20 = Vector512.Load(c + 2 * ldc); c21 = Vector512.Load(c + 2 * ldc + v);
            c30 = Vector512.Load(c + 3 * ldc); c31 = Vector512.Load(c + 3 * ldc + v);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + v);
            var a0 = Vector512.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector512.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector512.Create(a[2]); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector512.Create(a[3]); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + v);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + v);
    }

    /// <summary>2 row(s) x 2 <see cref="Vector512{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512x2<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector512<T>.Count;
        Vector512<T> c00, c01, c10, c11;
        if (load)
        {
            c00 = Vector512.Load(c + 0 * ldc); c01 = Vector512.Load(c + 0 * ldc + v);
            c10 = Vector512.Load(c + 1 * ldc); c11 = Vector512.Load(c + 1 * ldc + v);
        }
        else
        {
            c00 = c01 = c10 = c11 = Vector512<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + v);
            var a0 = Vector512.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector512.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
    }

    /// <summary>1 row(s) x 2 <see cref="Vector512{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512x1<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector512<T>.Count;
        Vector512<T> c00, c01;
        if (load)
        {
            c00 = Vector512.Load(c + 0 * ldc); c01 = Vector512.Load(c + 0 * ldc + v);
        }
        else
        {
            c00 = c01 = Vector512<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + v);
            var a0 = Vector512.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
    }

    /// <summary>6 row(s) x 2 <see cref="Vector256{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256x6<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector256<T>.Count;
        Vector256<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load)
        {
            c00 = Vector256.Load(c + 0 * ldc); c01 = Vector256.Load(c + 0 * ldc + v);
            c10 = Vector256.Load(c + 1 * ldc); c11 = Vector256.Load(c + 1 * ldc + v);
            c20 = Vector256.Load(c + 2 * ldc); c21 = Vector256.Load(c + 2 * ldc + v);
            c30 = Vector256.Load(c + 3 * ldc); c31 = Vector256.Load(c + 3 * ldc + v);
            c40 = Vector256.Load(c + 4 * ldc); c41 = Vector256.Load(c + 4 * ldc + v);
            c50 = Vector256.Load(c + 5 * ldc); c51 = Vector256.Load(c + 5 * ldc + v);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + v);
            var a0 = Vector256.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(a[4]); c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(a[5]); c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + v);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + v);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + v);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + v);
    }

    /// <summary>4 row(s) x 2 <see cref="Vector256{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256x4<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector256<T>.Count;
        Vector256<T> c00, c01, c10, c11, c20, c21, c30, c31;
        if (load)
        {
            c00 = Vector256.Load(c + 0 * ldc); c01 = Vector256.Load(c + 0 * ldc + v);
            c10 = Vector256.Load(c + 1 * ldc); c11 = Vector256.Load(c + 1 * ldc + v);
            c20 = Vector256.Load(c + 2 * ldc); c21 = Vector256.Load(c + 2 * ldc + v);
            c30 = Vector256.Load(c + 3 * ldc); c31 = Vector256.Load(c + 3 * ldc + v);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + v);
            var a0 = Vector256.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + v);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + v);
    }

    /// <summary>2 row(s) x 2 <see cref="Vector256{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256x2<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector256<T>.Count;
        Vector256<T> c00, c01, c10, c11;
        if (load)
        {
            c00 = Vector256.Load(c + 0 * ldc); c01 = Vector256.Load(c + 0 * ldc + v);
            c10 = Vector256.Load(c + 1 * ldc); c11 = Vector256.Load(c + 1 * ldc + v);
        }
        else
        {
            c00 = c01 = c10 = c11 = Vector256<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + v);
            var a0 = Vector256.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
    }

    /// <summary>1 row(s) x 2 <see cref="Vector256{T}"/>; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256x1<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        int v = Vector256<T>.Count;
        Vector256<T> c00, c01;
        if (load)
        {
            c00 = Vector256.Load(c + 0 * ldc); c01 = Vector256.Load(c + 0 * ldc + v);
        }
        else
        {
            c00 = c01 = Vector256<T>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + v);
            var a0 = Vector256.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            a += lda;
            b += ldb;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
    }

    /// <summary>4 row(s) x 4 scalar columns; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KernelScalarx4<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        T c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (load)
        {
            c00 = c[0 * ldc + 0]; c01 = c[0 * ldc + 1]; c02 = c[0 * ldc + 2]; c03 = c[0 * ldc + 3];
            c10 = c[1 * ldc + 0]; c11 = c[1 * ldc + 1]; c12 = c[1 * ldc + 2]; c13 = c[1 * ldc + 3];
            c20 = c[2 * ldc + 0]; c21 = c[2 * ldc + 1]; c22 = c[2 * ldc + 2]; c23 = c[2 * ldc + 3];
            c30 = c[3 * ldc + 0]; c31 = c[3 * ldc + 1]; c32 = c[3 * ldc + 2]; c33 = c[3 * ldc + 3];
        }
        else
        {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = default;
        }
        for (int p = 0; p < kc; p++)
        {
            T b0 = b[0]; T b1 = b[1]; T b2 = b[2]; T b3 = b[3];
            T a0 = a[0]; c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01); c02 = Fma(a0, b2, c02); c03 = Fma(a0, b3, c03);
            T a1 = a[1]; c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11); c12 = Fma(a1, b2, c12); c13 = Fma(a1, b3, c13);
            T a2 = a[2]; c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21); c22 = Fma(a2, b2, c22); c23 = Fma(a2, b3, c23);
            T a3 = a[3]; c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31); c32 = Fma(a3, b2, c32); c33 = Fma(a3, b3, c33);
            a += lda;
            b += ldb;
        }
        c[0 * ldc + 0] = c00; c[0 * ldc + 1] = c01; c[0 * ldc + 2] = c02; c[0 * ldc + 3] = c03;
        c[1 * ldc + 0] = c10; c[1 * ldc + 1] = c11; c[1 * ldc + 2] = c12; c[1 * ldc + 3] = c13;
        c[2 * ldc + 0] = c20; c[2 * ldc + 1] = c21; c[2 * ldc + 2] = c22; c[2 * ldc + 3] = c23;
        c[3 * ldc + 0] = c30; c[3 * ldc + 1] = c31; c[3 * ldc + 2] = c32; c[3 * ldc + 3] = c33;
    }

    /// <summary>2 row(s) x 4 scalar columns; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KernelScalarx2<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        T c00, c01, c02, c03, c10, c11, c12, c13;
        if (load)
        {
            c00 = c[0 * ldc + 0]; c01 = c[0 * ldc + 1]; c02 = c[0 * ldc + 2]; c03 = c[0 * ldc + 3];
            c10 = c[1 * ldc + 0]; c11 = c[1 * ldc + 1]; c12 = c[1 * ldc + 2]; c13 = c[1 * ldc + 3];
        }
        else
        {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = default;
        }
        for (int p = 0; p < kc; p++)
        {
            T b0 = b[0]; T b1 = b[1]; T b2 = b[2]; T b3 = b[3];
            T a0 = a[0]; c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01); c02 = Fma(a0, b2, c02); c03 = Fma(a0, b3, c03);
            T a1 = a[1]; c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11); c12 = Fma(a1, b2, c12); c13 = Fma(a1, b3, c13);
            a += lda;
            b += ldb;
        }
        c[0 * ldc + 0] = c00; c[0 * ldc + 1] = c01; c[0 * ldc + 2] = c02; c[0 * ldc + 3] = c03;
        c[1 * ldc + 0] = c10; c[1 * ldc + 1] = c11; c[1 * ldc + 2] = c12; c[1 * ldc + 3] = c13;
    }

    /// <summary>1 row(s) x 4 scalar columns; see the class remarks for the contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KernelScalarx1<T>(T* a, nint lda, T* b, nint ldb, int kc, T* c, nint ldc, bool load) where T : unmanaged
    {
        T c00, c01, c02, c03;
        if (load)
        {
            c00 = c[0 * ldc + 0]; c01 = c[0 * ldc + 1]; c02 = c[0 * ldc + 2]; c03 = c[0 * ldc + 3];
        }
        else
        {
            c00 = c01 = c02 = c03 = default;
        }
        for (int p = 0; p < kc; p++)
        {
            T b0 = b[0]; T b1 = b[1]; T b2 = b[2]; T b3 = b[3];
            T a0 = a[0]; c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01); c02 = Fma(a0, b2, c02); c03 = Fma(a0, b3, c03);
            a += lda;
            b += ldb;
        }
        c[0 * ldc + 0] = c00; c[0 * ldc + 1] = c01; c[0 * ldc + 2] = c02; c[0 * ldc + 3] = c03;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> z) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        throw new NotSupportedException(typeof(T).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> z) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        throw new NotSupportedException(typeof(T).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Fma<T>(T x, T y, T z) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            float r = MathF.FusedMultiplyAdd(Unsafe.As<T, float>(ref x), Unsafe.As<T, float>(ref y), Unsafe.As<T, float>(ref z));
            return Unsafe.As<float, T>(ref r);
        }
        if (typeof(T) == typeof(double))
        {
            double r = Math.FusedMultiplyAdd(Unsafe.As<T, double>(ref x), Unsafe.As<T, double>(ref y), Unsafe.As<T, double>(ref z));
            return Unsafe.As<double, T>(ref r);
        }
        throw new NotSupportedException(typeof(T).Name);
    }
}
