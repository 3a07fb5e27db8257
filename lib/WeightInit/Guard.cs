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
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number, but it is {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and greater than or equal to zero.</summary>
    public static void FiniteNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value < 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be non-negative, but it is {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and strictly greater than zero.</summary>
    public static void FinitePositive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be positive, but it is {value}.");
    }

    /// <summary>Throws unless a span's length equals <paramref name="expected"/>.</summary>
    public static void Length(int actual, int expected, string paramName, string what)
    {
        if (actual != expected)
            throw new ArgumentException($"{paramName} must hold {what} ({expected} values), but its length is {actual}.", paramName);
    }
}
