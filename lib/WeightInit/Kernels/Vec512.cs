using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WeightInit.Kernels;

/// <summary>A <see cref="Vector512{T}"/> register (AVX-512) as an <see cref="ISimdVector{TSelf, T}"/>; float or double
/// lanes.</summary>
/// <remarks>
/// <see cref="Vec512{T}"/>, <see cref="Vec256{T}"/> and <see cref="Vec128{T}"/> are the same thin binding written once
/// per width on purpose: they are the one place that names a runtime vector type, so that every kernel above them is
/// written once.
/// </remarks>
/// <param name="value">The register.</param>
internal readonly unsafe struct Vec512<T>(Vector512<T> value) : ISimdVector<Vec512<T>, T>, IRegisterOps<Vector512<T>, T>
    where T : unmanaged
{
    /// <summary>The register.</summary>
    public Vector512<T> Value { get; } = value;

    public static SimdPath Path => SimdPath.Vector512;
    public static int Count => Vector512<T>.Count;
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;
    public static Vec512<T> Zero => new(Vector512<T>.Zero);
    public static Vec512<T> One => new(Vector512<T>.One);
    public static Vec512<T> AllBitsSet => new(Vector512<T>.AllBitsSet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator +(Vec512<T> left, Vec512<T> right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator -(Vec512<T> left, Vec512<T> right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator *(Vec512<T> left, Vec512<T> right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator /(Vec512<T> left, Vec512<T> right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator -(Vec512<T> value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator &(Vec512<T> left, Vec512<T> right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator |(Vec512<T> left, Vec512<T> right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator ^(Vec512<T> left, Vec512<T> right) => new(left.Value ^ right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator ~(Vec512<T> value) => new(~value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Create(T value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Create(double value) =>
        new(typeof(T) == typeof(float) ? Vector512.Create((float)value).As<float, T>() : Vector512.Create(value)
            .As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Load(T* source) => new(Vector512.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec512<T> value, T* destination) => value.Value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vec512<T> value, int index) => value.Value.GetElement(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> FusedMultiplyAdd(Vec512<T> a, Vec512<T> b, Vec512<T> c) =>
        new(RawFusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Abs(Vec512<T> x) => new(Vector512.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Sqrt(Vec512<T> x) => new(Vector512.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Min(Vec512<T> a, Vec512<T> b) => new(Vector512.Min(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Max(Vec512<T> a, Vec512<T> b) => new(Vector512.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Equal(Vec512<T> a, Vec512<T> b) => new(Vector512.Equals(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LessThan(Vec512<T> a, Vec512<T> b) => new(Vector512.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LessThanOrEqual(Vec512<T> a, Vec512<T> b) =>
        new(Vector512.LessThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> GreaterThan(Vec512<T> a, Vec512<T> b) => new(Vector512.GreaterThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> GreaterThanOrEqual(Vec512<T> a, Vec512<T> b) =>
        new(Vector512.GreaterThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ConditionalSelect(Vec512<T> mask, Vec512<T> whenTrue, Vec512<T> whenFalse) =>
        new(Vector512.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> AndNot(Vec512<T> value, Vec512<T> mask) => new(Vector512.AndNot(value.Value, mask.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ShiftLeftBits(Vec512<T> x, int count) =>
        new(typeof(T) == typeof(float)
            ? Vector512.ShiftLeft(x.Value.As<T, uint>(), count).As<uint, T>()
            : Vector512.ShiftLeft(x.Value.As<T, ulong>(), count).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ShiftRightLogicalBits(Vec512<T> x, int count) =>
        new(typeof(T) == typeof(float)
            ? Vector512.ShiftRightLogical(x.Value.As<T, uint>(), count).As<uint, T>()
            : Vector512.ShiftRightLogical(x.Value.As<T, ulong>(), count).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> AddBits(Vec512<T> a, Vec512<T> b) =>
        new(typeof(T) == typeof(float)
            ? (a.Value.As<T, uint>() + b.Value.As<T, uint>()).As<uint, T>()
            : (a.Value.As<T, ulong>() + b.Value.As<T, ulong>()).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> SubtractBits(Vec512<T> a, Vec512<T> b) =>
        new(typeof(T) == typeof(float)
            ? (a.Value.As<T, uint>() - b.Value.As<T, uint>()).As<uint, T>()
            : (a.Value.As<T, ulong>() - b.Value.As<T, ulong>()).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> UnsignedBitsToFloat(Vec512<T> x) =>
        new(typeof(T) == typeof(float)
            ? Vector512.ConvertToSingle(x.Value.As<T, uint>()).As<float, T>()
            : Vector512.ConvertToDouble(x.Value.As<T, ulong>()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> SignedBitsToFloat(Vec512<T> x) =>
        new(typeof(T) == typeof(float)
            ? Vector512.ConvertToSingle(x.Value.As<T, int>()).As<float, T>()
            : Vector512.ConvertToDouble(x.Value.As<T, long>()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LoadWidened(float* source) =>
        new(Vector512.WidenLower(Vector256.Load(source).ToVector512Unsafe()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Vec512<T> value, float* destination)
    {
        var d = value.Value.As<T, double>();
        if (Avx512F.IsSupported) Avx512F.ConvertToVector256Single(d).Store(destination);
        else Vector512.Narrow(d, d).GetLower().Store(destination);
    }

    public static int Lanes => Vector512<T>.Count;
    public static int TileRows => 8;
    public static Vector512<T> RawZero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> RawLoad(T* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RawStore(Vector512<T> value, T* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> RawFusedMultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) =>
        typeof(T) == typeof(float)
            ? Vector512.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>()
            : Vector512.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
}
