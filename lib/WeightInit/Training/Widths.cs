namespace WeightInit.Training;

/// <summary>Width checks of layers that take one width, run before the base constructor so that the exception names
/// their own parameter.</summary>
internal static class Widths
{
    /// <summary>Returns <paramref name="width"/> if it is at least 1; throws naming the caller's parameter
    /// otherwise.</summary>
    public static int Check(int width,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(width))] string? paramName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width, paramName);
        return width;
    }
}
