using System.Numerics;
using System.Runtime.CompilerServices;

namespace WeightInit;

/// <summary>
/// Argument checks shared by the library. Each throws an <see cref="ArgumentException"/> or
/// <see cref="ArgumentOutOfRangeException"/> that names the parameter and the rule it broke.
/// For simple integer rules prefer the framework's own
/// <see cref="ArgumentOutOfRangeException.ThrowIfNegativeOrZero{T}(T, string?)"/> and friends.
/// </summary>
internal static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number (not NaN, not infinite).</summary>
    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be a finite number, but it is {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and greater than or equal to zero.</summary>
    public static void FiniteNonNegative(double value,
        [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value < 0)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be non-negative, but it is {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and strictly greater than zero.</summary>
    public static void FinitePositive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be positive, but it is {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and in [0, 1): a decay rate (Adam's beta1 and
    /// beta2) or a momentum coefficient.</summary>
    public static void FiniteBelowOne(double value,
        [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        FiniteNonNegative(value, paramName);
        if (value >= 1)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be less than 1, but it is {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is a defined member of its enum; the message lists the
    /// members.</summary>
    public static void Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, but it is {value}.");
    }

    /// <summary>
    /// Throws <see cref="NotSupportedException"/> unless <typeparamref name="T"/> is <see cref="float"/> or
    /// <see cref="double"/>, the element types the library's numeric kernels implement (a constant test for the JIT).
    /// </summary>
    /// <typeparam name="T">The element type of a generic numeric method.</typeparam>
    public static void FloatOrDouble<T>()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"The library's numeric methods are implemented for float and double, " +
                $"not for {typeof(T).Name}.");
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> unless <paramref name="values"/> holds at least one value and
    /// every value is finite (the message gives the index of the first that is not).
    /// </summary>
    public static void AllFinite<T>(ReadOnlySpan<T> values,
        [CallerArgumentExpression(nameof(values))] string? paramName = null)
        where T : IFloatingPointIeee754<T>
    {
        if (values.IsEmpty)
            throw new ArgumentException($"{paramName} must hold at least one value, but it is empty.", paramName);
        for (int i = 0; i < values.Length; i++)
            if (!T.IsFinite(values[i]))
                throw new ArgumentException($"{paramName} must be finite, but {paramName}[{i}] is {values[i]}.",
                    paramName);
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> unless 0 &lt;= <paramref name="index"/> &lt;
    /// <paramref name="count"/>.</summary>
    public static void Index(int index, int count, [CallerArgumentExpression(nameof(index))] string? paramName = null)
    {
        if ((uint)index >= (uint)count)
            throw new ArgumentOutOfRangeException(paramName, index,
                $"{paramName} must be in [0, {count}), but it is {index}.");
    }

    /// <summary>Throws unless a span's length equals <paramref name="expected"/>.</summary>
    public static void Length(int actual, int expected, string paramName, string what)
    {
        if (actual != expected)
            throw new ArgumentException(
                $"{paramName} must hold {what} ({expected} values), but its length is {actual}.", paramName);
    }
}
