using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace WeightInit.Kernels;

/// <summary>A <see cref="Vector256{T}"/> register (AVX2) as an <see cref="ISimdVector{TSelf, T}"/>; float or double
/// lanes.</summary>
/// <remarks>The same binding as <see cref="Vec512{T}"/>, at this width (see its remarks).</remarks>
/// <param name="value">The register.</param>
internal readonly unsafe struct Vec256<T>(Vector256<T> value) : ISimdVector<Vec256<T>, T>, IRegisterOps<Vector256<T>, T>
    where T : unmanaged
{
    /// <summary>The register.</summary>
    public Vector256<T> Value { get; } = value;

    public static SimdPath Path => SimdPath.Vector256;
    public static int Count => Vector256<T>.Count;
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;
    public static Vec256<T> Zero => new(Vector256<T>.Zero);
    public static Vec256<T> One => new(Vector256<T>.One);
    public static Vec256<T> AllBitsSet => new(Vector256<T>.AllBitsSet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator +(Vec256<T> left, Vec256<T> right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator -(Vec256<T> left, Vec256<T> right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator *(Vec256<T> left, Vec256<T> right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator /(Vec256<T> left, Vec256<T> right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator -(Vec256<T> value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator &(Vec256<T> left, Vec256<T> right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator |(Vec256<T> left, Vec256<T> right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator ^(Vec256<T> left, Vec256<T> right) => new(left.Value ^ right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator ~(Vec256<T> value) => new(~value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Create(T value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Create(double value) =>
        new(typeof(T) == typeof(float) ? Vector256.Create((float)value).As<float, T>() : Vector256.Create(value)
            .As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Load(T* source) => new(Vector256.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec256<T> value, T* destination) => value.Value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vec256<T> value, int index) => value.Value.GetElement(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> FusedMultiplyAdd(Vec256<T> a, Vec256<T> b, Vec256<T> c) =>
        new(RawFusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Abs(Vec256<T> x) => new(Vector256.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Sqrt(Vec256<T> x) => new(Vector256.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Min(Vec256<T> a, Vec256<T> b) => new(Vector256.Min(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Max(Vec256<T> a, Vec256<T> b) => new(Vector256.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Equal(Vec256<T> a, Vec256<T> b) => new(Vector256.Equals(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LessThan(Vec256<T> a, Vec256<T> b) => new(Vector256.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LessThanOrEqual(Vec256<T> a, Vec256<T> b) =>
        new(Vector256.LessThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> GreaterThan(Vec256<T> a, Vec256<T> b) => new(Vector256.GreaterThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> GreaterThanOrEqual(Vec256<T> a, Vec256<T> b) =>
        new(Vector256.GreaterThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ConditionalSelect(Vec256<T> mask, Vec256<T> whenTrue, Vec256<T> whenFalse) =>
        new(Vector256.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> AndNot(Vec256<T> value, Vec256<T> mask) => new(Vector256.AndNot(value.Value, mask.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ShiftLeftBits(Vec256<T> x, int count) =>
        new(typeof(T) == typeof(float)
            ? Vector256.ShiftLeft(x.Value.As<T, uint>(), count).As<uint, T>()
            : Vector256.ShiftLeft(x.Value.As<T, ulong>(), count).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ShiftRightLogicalBits(Vec256<T> x, int count) =>
        new(typeof(T) == typeof(float)
            ? Vector256.ShiftRightLogical(x.Value.As<T, uint>(), count).As<uint, T>()
            : Vector256.ShiftRightLogical(x.Value.As<T, ulong>(), count).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> AddBits(Vec256<T> a, Vec256<T> b) =>
        new(typeof(T) == typeof(float)
            ? (a.Value.As<T, uint>() + b.Value.As<T, uint>()).As<uint, T>()
            : (a.Value.As<T, ulong>() + b.Value.As<T, ulong>()).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> SubtractBits(Vec256<T> a, Vec256<T> b) =>
        new(typeof(T) == typeof(float)
            ? (a.Value.As<T, uint>() - b.Value.As<T, uint>()).As<uint, T>()
            : (a.Value.As<T, ulong>() - b.Value.As<T, ulong>()).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> UnsignedBitsToFloat(Vec256<T> x) =>
        new(typeof(T) == typeof(float)
            ? Vector256.ConvertToSingle(x.Value.As<T, uint>()).As<float, T>()
            : Vector256.ConvertToDouble(x.Value.As<T, ulong>()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> SignedBitsToFloat(Vec256<T> x) =>
        new(typeof(T) == typeof(float)
            ? Vector256.ConvertToSingle(x.Value.As<T, int>()).As<float, T>()
            : Vector256.ConvertToDouble(x.Value.As<T, long>()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LoadWidened(float* source) =>
        new(Vector256.WidenLower(Vector128.Load(source).ToVector256Unsafe()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Vec256<T> value, float* destination)
    {
        var d = value.Value.As<T, double>();
        if (Avx.IsSupported) Avx.ConvertToVector128Single(d).Store(destination);
        else Vector256.Narrow(d, d).GetLower().Store(destination);
    }

    public static int Lanes => Vector256<T>.Count;
    public static int TileRows => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported ? 8 : 6;
    public static Vector256<T> RawZero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> RawLoad(T* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RawStore(Vector256<T> value, T* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> RawFusedMultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) =>
        typeof(T) == typeof(float)
            ? Vector256.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>()
            : Vector256.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
}
