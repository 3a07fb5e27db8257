using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace WeightInit.Kernels;

/// <summary>A <see cref="Vector128{T}"/> register (SSE on x86, AdvSimd on ARM64) as an
/// <see cref="ISimdVector{TSelf, T}"/>; float or double lanes.</summary>
/// <remarks>The same binding as <see cref="Vec512{T}"/>, at this width (see its remarks).</remarks>
/// <param name="value">The register.</param>
internal readonly unsafe struct Vec128<T>(Vector128<T> value) : ISimdVector<Vec128<T>, T>, IRegisterOps<Vector128<T>, T>
    where T : unmanaged
{
    /// <summary>The register.</summary>
    public Vector128<T> Value { get; } = value;

    public static SimdPath Path => SimdPath.Vector128;
    public static int Count => Vector128<T>.Count;
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;
    public static Vec128<T> Zero => new(Vector128<T>.Zero);
    public static Vec128<T> One => new(Vector128<T>.One);
    public static Vec128<T> AllBitsSet => new(Vector128<T>.AllBitsSet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator +(Vec128<T> left, Vec128<T> right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator -(Vec128<T> left, Vec128<T> right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator *(Vec128<T> left, Vec128<T> right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator /(Vec128<T> left, Vec128<T> right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator -(Vec128<T> value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator &(Vec128<T> left, Vec128<T> right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator |(Vec128<T> left, Vec128<T> right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator ^(Vec128<T> left, Vec128<T> right) => new(left.Value ^ right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator ~(Vec128<T> value) => new(~value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Create(T value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Create(double value) =>
        new(typeof(T) == typeof(float) ? Vector128.Create((float)value).As<float, T>() : Vector128.Create(value)
            .As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Load(T* source) => new(Vector128.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec128<T> value, T* destination) => value.Value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vec128<T> value, int index) => value.Value.GetElement(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> FusedMultiplyAdd(Vec128<T> a, Vec128<T> b, Vec128<T> c) =>
        new(RawFusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Abs(Vec128<T> x) => new(Vector128.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Sqrt(Vec128<T> x) => new(Vector128.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Min(Vec128<T> a, Vec128<T> b) => new(Vector128.Min(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Max(Vec128<T> a, Vec128<T> b) => new(Vector128.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Equal(Vec128<T> a, Vec128<T> b) => new(Vector128.Equals(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LessThan(Vec128<T> a, Vec128<T> b) => new(Vector128.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LessThanOrEqual(Vec128<T> a, Vec128<T> b) =>
        new(Vector128.LessThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> GreaterThan(Vec128<T> a, Vec128<T> b) => new(Vector128.GreaterThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> GreaterThanOrEqual(Vec128<T> a, Vec128<T> b) =>
        new(Vector128.GreaterThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ConditionalSelect(Vec128<T> mask, Vec128<T> whenTrue, Vec128<T> whenFalse) =>
        new(Vector128.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> AndNot(Vec128<T> value, Vec128<T> mask) => new(Vector128.AndNot(value.Value, mask.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ShiftLeftBits(Vec128<T> x, int count) =>
        new(typeof(T) == typeof(float)
            ? Vector128.ShiftLeft(x.Value.As<T, uint>(), count).As<uint, T>()
            : Vector128.ShiftLeft(x.Value.As<T, ulong>(), count).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ShiftRightLogicalBits(Vec128<T> x, int count) =>
        new(typeof(T) == typeof(float)
            ? Vector128.ShiftRightLogical(x.Value.As<T, uint>(), count).As<uint, T>()
            : Vector128.ShiftRightLogical(x.Value.As<T, ulong>(), count).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> AddBits(Vec128<T> a, Vec128<T> b) =>
        new(typeof(T) == typeof(float)
            ? (a.Value.As<T, uint>() + b.Value.As<T, uint>()).As<uint, T>()
            : (a.Value.As<T, ulong>() + b.Value.As<T, ulong>()).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> SubtractBits(Vec128<T> a, Vec128<T> b) =>
        new(typeof(T) == typeof(float)
            ? (a.Value.As<T, uint>() - b.Value.As<T, uint>()).As<uint, T>()
            : (a.Value.As<T, ulong>() - b.Value.As<T, ulong>()).As<ulong, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> UnsignedBitsToFloat(Vec128<T> x) =>
        new(typeof(T) == typeof(float)
            ? Vector128.ConvertToSingle(x.Value.As<T, uint>()).As<float, T>()
            : Vector128.ConvertToDouble(x.Value.As<T, ulong>()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> SignedBitsToFloat(Vec128<T> x) =>
        new(typeof(T) == typeof(float)
            ? Vector128.ConvertToSingle(x.Value.As<T, int>()).As<float, T>()
            : Vector128.ConvertToDouble(x.Value.As<T, long>()).As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LoadWidened(float* source) =>
        new(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<double>(source)).AsSingle())
        .As<double, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Vec128<T> value, float* destination)
    {
        var d = value.Value.As<T, double>();
        if (Sse2.IsSupported) Sse2.StoreScalar((double*)destination, Sse2.ConvertToVector128Single(d).AsDouble());
        else if (AdvSimd.Arm64.IsSupported) AdvSimd.Arm64.ConvertToSingleLower(d).Store(destination);
        else Vector128.Narrow(d, d).GetLower().Store(destination);
    }

    public static int Lanes => Vector128<T>.Count;
    public static int TileRows => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported ? 8 : 6;
    public static Vector128<T> RawZero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> RawLoad(T* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RawStore(Vector128<T> value, T* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> RawFusedMultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c) =>
        typeof(T) == typeof(float)
            ? Vector128.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>()
            : Vector128.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
}
