using System.Numerics;

namespace WeightInit.Kernels;

/// <summary>
/// A SIMD register of <typeparamref name="T"/> lanes (<see cref="float"/> or <see cref="double"/>) of one width,
/// with its operations as operators and static members, so that a kernel is written once, generic over the
/// register type, and the JIT compiles one specialized copy per width: <see cref="Vec512{T}"/> (AVX-512),
/// <see cref="Vec256{T}"/> (AVX2), <see cref="Vec128{T}"/> (SSE, ARM64 AdvSimd) and <see cref="Lane{T}"/> (one value,
/// the scalar path). <see cref="SimdDispatch"/> picks the type for a <see cref="SimdPath"/>.
/// </summary>
/// <remarks>
/// <para>Every member performs the same IEEE 754 operation on each lane whatever the width, so a kernel written
/// on this interface gives the same bits on every path. Transcendental functions are built on it
/// (<see cref="SimdMath"/>), not taken from the runtime's vector types, whose results depend on the other lanes.</para>
/// <para>The one multiply-add, <see cref="FusedMultiplyAdd"/>, rounds once on every CPU (emulated in software where
/// the hardware has no FMA: exact, slow), so a kernel gives the same bits on every machine, not only on every path:
/// an x86 CPU without FMA (before 2013, or <c>DOTNET_EnableAVX2=0</c>) computes what every other CPU computes, more
/// slowly. (The runtime's <c>MultiplyAddEstimate</c> would be faster there and differ in the last bits.)</para>
/// <para>Masks are registers whose lanes are all ones (true) or all zeros (false), as the comparisons return;
/// bitwise operators act on the lanes' bits. The <c>Bits</c> members treat each lane's bits as an unsigned integer
/// of the lane's size (64 bits for double, 32 for float): the samplers keep their generator state that way.</para>
/// </remarks>
/// <typeparam name="TSelf">The register type itself.</typeparam>
/// <typeparam name="T">The lane type, float or double.</typeparam>
internal unsafe interface ISimdVector<TSelf, T> :
    IAdditionOperators<TSelf, TSelf, TSelf>, ISubtractionOperators<TSelf, TSelf, TSelf>, IMultiplyOperators<TSelf,
        TSelf, TSelf>,
    IDivisionOperators<TSelf, TSelf, TSelf>, IBitwiseOperators<TSelf, TSelf, TSelf>, IUnaryNegationOperators<TSelf,
        TSelf>
    where TSelf : struct, ISimdVector<TSelf, T>
    where T : unmanaged
{
    /// <summary>The path this width implements.</summary>
    static abstract SimdPath Path { get; }

    /// <summary>Lanes per register (a JIT-time constant).</summary>
    static abstract int Count { get; }

    /// <summary>Whether the hardware runs this width natively.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>All lanes +0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>All lanes 1.</summary>
    static abstract TSelf One { get; }

    /// <summary>All bits set (the true mask).</summary>
    static abstract TSelf AllBitsSet { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Create(T value);

    /// <summary>Every lane <paramref name="value"/> rounded to T.</summary>
    static abstract TSelf Create(double value);

    /// <summary>Loads <see cref="Count"/> values.</summary>
    static abstract TSelf Load(T* source);

    /// <summary>Stores <see cref="Count"/> values.</summary>
    static abstract void Store(TSelf value, T* destination);

    /// <summary>Lane <paramref name="index"/>.</summary>
    static abstract T GetElement(TSelf value, int index);

    /// <summary>a b + c rounded once, on every CPU (emulated where the hardware has no FMA).</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>|x|.</summary>
    static abstract TSelf Abs(TSelf x);

    /// <summary>The correctly rounded square root.</summary>
    static abstract TSelf Sqrt(TSelf x);

    /// <summary>The IEEE 754:2019 minimum (NaN if either is NaN; -0 below +0), as
    /// <see cref="Math.Min(double, double)"/>.</summary>
    static abstract TSelf Min(TSelf a, TSelf b);

    /// <summary>The IEEE 754:2019 maximum, as <see cref="Math.Max(double, double)"/>.</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>Mask of a == b.</summary>
    static abstract TSelf Equal(TSelf a, TSelf b);

    /// <summary>Mask of a &lt; b.</summary>
    static abstract TSelf LessThan(TSelf a, TSelf b);

    /// <summary>Mask of a &lt;= b.</summary>
    static abstract TSelf LessThanOrEqual(TSelf a, TSelf b);

    /// <summary>Mask of a &gt; b.</summary>
    static abstract TSelf GreaterThan(TSelf a, TSelf b);

    /// <summary>Mask of a &gt;= b.</summary>
    static abstract TSelf GreaterThanOrEqual(TSelf a, TSelf b);

    /// <summary>The bits of <paramref name="whenTrue"/> where <paramref name="mask"/> is set, else those of
    /// <paramref name="whenFalse"/>.</summary>
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    /// <summary><paramref name="value"/> &amp; ~<paramref name="mask"/>.</summary>
    static abstract TSelf AndNot(TSelf value, TSelf mask);

    /// <summary>Each lane's bits shifted left by <paramref name="count"/>.</summary>
    static abstract TSelf ShiftLeftBits(TSelf x, int count);

    /// <summary>Each lane's bits shifted right by <paramref name="count"/>, zeros shifted in.</summary>
    static abstract TSelf ShiftRightLogicalBits(TSelf x, int count);

    /// <summary>Each lane's bits added as unsigned integers (wrapping).</summary>
    static abstract TSelf AddBits(TSelf a, TSelf b);

    /// <summary>Each lane's bits subtracted as integers (wrapping).</summary>
    static abstract TSelf SubtractBits(TSelf a, TSelf b);

    /// <summary>Each lane's bits read as an unsigned integer and converted to T (exact below 2^53 for double, 2^24 for
    /// float).</summary>
    static abstract TSelf UnsignedBitsToFloat(TSelf x);

    /// <summary>Each lane's bits read as a two's complement integer and converted to T.</summary>
    static abstract TSelf SignedBitsToFloat(TSelf x);

    /// <summary>Double lanes: <see cref="Count"/> floats loaded and widened (exact).</summary>
    static abstract TSelf LoadWidened(float* source);

    /// <summary>Double lanes: rounded to the nearest float and stored as <see cref="Count"/> floats.</summary>
    static abstract void StoreNarrowed(TSelf value, float* destination);
}

/// <summary>
/// The same width's register operations on the raw register type <typeparamref name="TRaw"/> (implemented by the
/// register types of <see cref="ISimdVector{TSelf, T}"/>), for register-blocked kernels: the JIT keeps an
/// accumulator held in a wrapper struct one register move away from its fused multiply-add, and the matrix
/// product's tiles (sixteen accumulators, one multiply-add each per step) cannot afford that move.
/// </summary>
/// <typeparam name="TRaw">The runtime's register type (<c>Vector512&lt;T&gt;</c>, ...; T itself for one
/// lane).</typeparam>
/// <typeparam name="T">float or double.</typeparam>
internal unsafe interface IRegisterOps<TRaw, T> where TRaw : struct where T : unmanaged
{
    /// <summary>Lanes per register.</summary>
    static abstract int Lanes { get; }

    /// <summary>
    /// Rows of the matrix product's register tile at this width: with two registers of columns per row, 2 rows + 2
    /// operands must fit the register file (16 vector registers: 6 rows; 32, as AVX-512 and ARM64 have: 8).
    /// </summary>
    static abstract int TileRows { get; }

    /// <summary>All lanes +0.</summary>
    static abstract TRaw RawZero { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TRaw Broadcast(T value);

    /// <summary>Loads <see cref="Lanes"/> values.</summary>
    static abstract TRaw RawLoad(T* source);

    /// <summary>Stores <see cref="Lanes"/> values.</summary>
    static abstract void RawStore(TRaw value, T* destination);

    /// <summary>a b + c rounded once.</summary>
    static abstract TRaw RawFusedMultiplyAdd(TRaw a, TRaw b, TRaw c);
}
