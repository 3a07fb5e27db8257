using System.Numerics;
using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

/// <summary>
/// One float or double value as a register of one lane (<see cref="ISimdVector{TSelf, T}"/>), so that the kernels
/// written for the vector widths also run one value at a time: the scalar path, and the reference the vector paths
/// are tested against. Each member is the scalar form of the vector operation with the same rounding; bitwise
/// operators act on the value's bits.
/// </summary>
/// <remarks>Its members mirror <see cref="Vec512{T}"/>'s one for one, on purpose: the register bindings are written
/// once per width (see its remarks), this one for the width of one lane.</remarks>
/// <typeparam name="T">float or double.</typeparam>
/// <param name="value">The value.</param>
internal readonly unsafe struct Lane<T>(T value) : ISimdVector<Lane<T>, T>, IRegisterOps<T, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The value.</summary>
    public T Value { get; } = value;

    public static SimdPath Path => SimdPath.Scalar;
    public static int Count => 1;
    public static bool IsHardwareAccelerated => true;
    public static Lane<T> Zero => new(T.Zero);
    public static Lane<T> One => new(T.One);
    public static Lane<T> AllBitsSet => FromBits(ulong.MaxValue);

    /// <summary>The value's bits (the low 32 for float).</summary>
    private ulong Bits
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            T v = Value;
            return typeof(T) == typeof(float) ? Unsafe.As<T, uint>(ref v) : Unsafe.As<T, ulong>(ref v);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Lane<T> FromBits(ulong bits)
    {
        if (typeof(T) == typeof(float))
        {
            uint low = (uint)bits;
            return new(Unsafe.As<uint, T>(ref low));
        }
        return new(Unsafe.As<ulong, T>(ref bits));
    }

    private static Lane<T> Mask(bool condition) => condition ? AllBitsSet : Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator +(Lane<T> left, Lane<T> right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator -(Lane<T> left, Lane<T> right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator *(Lane<T> left, Lane<T> right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator /(Lane<T> left, Lane<T> right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator -(Lane<T> value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator &(Lane<T> left, Lane<T> right) => FromBits(left.Bits & right.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator |(Lane<T> left, Lane<T> right) => FromBits(left.Bits | right.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator ^(Lane<T> left, Lane<T> right) => FromBits(left.Bits ^ right.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator ~(Lane<T> value) => FromBits(~value.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Create(T value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Create(double value) => new(T.CreateTruncating(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Load(T* source) => new(*source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane<T> value, T* destination) => *destination = value.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Lane<T> value, int index) => value.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> FusedMultiplyAdd(Lane<T> a, Lane<T> b, Lane<T> c) =>
        new(T.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Abs(Lane<T> x) => new(T.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Sqrt(Lane<T> x) => new(T.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Min(Lane<T> a, Lane<T> b) => new(T.Min(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Max(Lane<T> a, Lane<T> b) => new(T.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Equal(Lane<T> a, Lane<T> b) => Mask(a.Value == b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> LessThan(Lane<T> a, Lane<T> b) => Mask(a.Value < b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> LessThanOrEqual(Lane<T> a, Lane<T> b) => Mask(a.Value <= b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> GreaterThan(Lane<T> a, Lane<T> b) => Mask(a.Value > b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> GreaterThanOrEqual(Lane<T> a, Lane<T> b) => Mask(a.Value >= b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> ConditionalSelect(Lane<T> mask, Lane<T> whenTrue, Lane<T> whenFalse) =>
        FromBits((whenTrue.Bits & mask.Bits) | (whenFalse.Bits & ~mask.Bits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> AndNot(Lane<T> value, Lane<T> mask) => FromBits(value.Bits & ~mask.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> ShiftLeftBits(Lane<T> x, int count) =>
        typeof(T) == typeof(float) ? FromBits((uint)x.Bits << count) : FromBits(x.Bits << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> ShiftRightLogicalBits(Lane<T> x, int count) => FromBits(x.Bits >> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> AddBits(Lane<T> a, Lane<T> b) => FromBits(a.Bits + b.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> SubtractBits(Lane<T> a, Lane<T> b) => FromBits(a.Bits - b.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> UnsignedBitsToFloat(Lane<T> x) =>
        new(typeof(T) == typeof(float) ? T.CreateTruncating((uint)x.Bits) : T.CreateTruncating(x.Bits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> SignedBitsToFloat(Lane<T> x) =>
        new(typeof(T) == typeof(float) ? T.CreateTruncating((int)(uint)x.Bits) : T.CreateTruncating((long)x.Bits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> LoadWidened(float* source) => new(T.CreateTruncating(*source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Lane<T> value, float* destination) =>
        *destination = float.CreateTruncating(value.Value);

    public static int Lanes => 1;
    public static int TileRows => 4;
    public static T RawZero => T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T RawLoad(T* source) => *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RawStore(T value, T* destination) => *destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T RawFusedMultiplyAdd(T a, T b, T c) => T.FusedMultiplyAdd(a, b, c);
}
