using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// Register-blocked micro-kernels of the matrix product (the innermost loop of the GotoBLAS scheme:
/// K. Goto and R. van de Geijn, 2008, "Anatomy of high-performance matrix multiplication").
/// Each keeps an MR x NR tile of C in registers and, for p = 0 .. kc-1, adds A[i, p] * B[p, j] with
/// one fused multiply-add per element. Every element of C is therefore the same chain
/// c = fma(a[i,p], b[p,j], c) over p in increasing order, in every kernel: the paths, the blocking
/// and the number of threads cannot change a single bit of the result.
/// </summary>
internal static unsafe class MicroKernels
{
    /// <summary>Rows of the <see cref="Kernel512{T}"/> tile.</summary>
    public const int Rows512 = 8;
    /// <summary>Rows of the <see cref="Kernel256{T}"/> tile.</summary>
    public const int Rows256 = 6;
    /// <summary>Rows of the <see cref="KernelScalar{T}"/> tile.</summary>
    public const int RowsScalar = 4;
    /// <summary>Columns of the <see cref="KernelScalar{T}"/> tile.</summary>
    public const int ColumnsScalar = 4;

    /// <summary>
    /// 8 x 2 <see cref="Vector512{T}"/> tile: C[r, 0..2V) = chain over p of FMA(A[p, r], B[p, 0..2V), C). <paramref name="a"/> is a packed
    /// panel (kc x 8, row r of the tile at offset p*8+r), <paramref name="b"/> a packed strip (kc x 2V). When <paramref name="load"/>
    /// is false the chains start from zero, otherwise from the values already in C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512<T>(T* a, T* b, int kc, T* c, nint ldc, bool load) where T : unmanaged
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
            a += 8;
            b += 2 * v;
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

    /// <summary>
    /// 6 x 2 <see cref="Vector256{T}"/> tile: C[r, 0..2V) = chain over p of FMA(A[p, r], B[p, 0..2V), C). <paramref name="a"/> is a packed
    /// panel (kc x 6, row r of the tile at offset p*6+r), <paramref name="b"/> a packed strip (kc x 2V). When <paramref name="load"/>
    /// is false the chains start from zero, otherwise from the values already in C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256<T>(T* a, T* b, int kc, T* c, nint ldc, bool load) where T : unmanaged
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
            a += 6;
            b += 2 * v;
        }
        c00.Store(c + 0 * ldc); c01.Store(c + 0 * ldc + v);
        c10.Store(c + 1 * ldc); c11.Store(c + 1 * ldc + v);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + v);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + v);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + v);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + v);
    }

    /// <summary>4 x 4 scalar tile, same contract as <see cref="Kernel512{T}"/> with packed panels of 4 rows and strips of 4 columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KernelScalar<T>(T* a, T* b, int kc, T* c, nint ldc, bool load) where T : unmanaged
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
            a += 4;
            b += 4;
        }
        c[0 * ldc + 0] = c00; c[0 * ldc + 1] = c01; c[0 * ldc + 2] = c02; c[0 * ldc + 3] = c03;
        c[1 * ldc + 0] = c10; c[1 * ldc + 1] = c11; c[1 * ldc + 2] = c12; c[1 * ldc + 3] = c13;
        c[2 * ldc + 0] = c20; c[2 * ldc + 1] = c21; c[2 * ldc + 2] = c22; c[2 * ldc + 3] = c23;
        c[3 * ldc + 0] = c30; c[3 * ldc + 1] = c31; c[3 * ldc + 2] = c32; c[3 * ldc + 3] = c33;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> z) where T : unmanaged
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
