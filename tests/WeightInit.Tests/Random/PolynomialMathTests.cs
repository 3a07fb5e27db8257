using WeightInit.Random;
using Xunit.Abstractions;

namespace WeightInit.Tests.Random;

/// <summary>
/// Accuracy of the polynomial logarithm and sine/cosine that the samplers use,
/// measured in units in the last place (ulp) against the runtime's functions.
/// </summary>
public class PolynomialMathTests(ITestOutputHelper output)
{
    private static double UlpError(double computed, double reference) =>
        Math.Abs(computed - reference) / Math.Abs(Math.BitIncrement(Math.Abs(reference)) - Math.Abs(reference));

    [Fact]
    public void LogIsWithinTwoUlpsOnTheUnitIntervalAndBeyond()
    {
        var rng = new RandomSource(11);
        double worst = 0;
        for (int i = 0; i < 1 << 18; i++)
        {
            // (0, 1] as the Box-Muller radius uses it, plus a spread of exponents.
            double x = i % 2 == 0 ? 1.0 - rng.NextDouble() : Math.Pow(2, rng.NextDouble() * 2000 - 1000);
            double reference = Math.Log(x);
            if (reference == 0) { Assert.Equal(0.0, PolynomialMath.Log(x)); continue; }
            worst = Math.Max(worst, UlpError(PolynomialMath.Log(x), reference));
        }
        output.WriteLine($"worst log error {worst:F3} ulp");
        Assert.True(worst <= 2.0, $"worst log error {worst:F3} ulp");
    }

    [Fact]
    public void SinCosAreWithinTwoUlpsOnAQuarterTurn()
    {
        var rng = new RandomSource(12);
        double worstSin = 0, worstCos = 0;
        for (int i = 0; i < 1 << 18; i++)
        {
            double y = (rng.NextDouble() - 0.5) * (Math.PI / 2);
            var (s, c) = PolynomialMath.SinCosQuarter(y);
            if (y != 0) worstSin = Math.Max(worstSin, UlpError(s, Math.Sin(y)));
            worstCos = Math.Max(worstCos, UlpError(c, Math.Cos(y)));
        }
        output.WriteLine($"worst sin error {worstSin:F3} ulp, worst cos error {worstCos:F3} ulp");
        Assert.True(worstSin <= 2.0, $"worst sin error {worstSin:F3} ulp");
        Assert.True(worstCos <= 2.0, $"worst cos error {worstCos:F3} ulp");
    }
}
