namespace WeightInit.Tests.Support;

/// <summary>
/// The values that break a rule of the library's argument checks, shared by the validation tests of every area so
/// that each rule is tested with the same cases: zero and a negative (the sign), NaN and infinity (finiteness).
/// </summary>
internal static class BadValues
{
    /// <summary>Values that are not finite and positive: 0, -1, NaN, +infinity.</summary>
    public static TheoryData<double> NotFinitePositive => new() { 0.0, -1.0, double.NaN, double.PositiveInfinity };

    /// <summary>Values that are not finite and non-negative: -1, NaN, +infinity.</summary>
    public static TheoryData<double> NotFiniteNonNegative => new() { -1.0, double.NaN, double.PositiveInfinity };
}
