using static WeightInit.Tests.Activations.ActivationCases;
using static WeightInit.Tests.Kernels.KernelPaths;
using Xunit.Abstractions;

namespace WeightInit.Tests.Kernels;

/// <summary>
/// The library's elementary functions: the exponential, one algorithm on every lane and width, within 2 ulps of
/// Math.Exp; the logarithm and sine/cosine that the samplers use, measured in units in the last place (ulp) against
/// the runtime's functions.
/// </summary>
public class SimdMathTests(ITestOutputHelper output)
{
    private readonly struct ExpOperator : IMapOperator
    {
        public static int Inputs => 1;

        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            SimdMath.Exp(a);
    }

    private static double[] Arguments(int n)
    {
        double[] special =
            [0, -0.0, 1e-300, -745.2, -745.1, -744.5, -730, -709.5, -708.1, 708.1, 709.5, 709.78, 709.79, 710, 1e4,
            -1e4,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 0.5];
        var random = new RandomSource(77);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i < special.Length ? special[i] : 750 * (2 * random.NextDouble() - 1);
        return x;
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void ExpIsTheSameOnEveryPathAndWithin2UlpsOfMathExp(string path, int n)
    {
        double[] x = Arguments(n);
        var y = new double[n];
        var scalar = new double[n];
        SimdMap.Run(new ExpOperator(), x, default, default, y, Parse(path));
        SimdMap.Run(new ExpOperator(), x, default, default, scalar, SimdPath.Scalar);
        SameBits(scalar, y, $"exp on {path}");
        for (int i = 0; i < n; i++)
            Assert.True(UlpDistance(Math.Exp(x[i]), y[i]) <= 2,
                $"exp({x[i]:R}) = {y[i]:R}, Math.Exp gives {Math.Exp(x[i]):R}");
    }

    [Fact]
    public void ALaneDoesNotDependOnItsNeighbours()
    {
        // The runtime's Vector512.Exp computes a whole register by scalar Math.Exp once one lane leaves [-708, 708].
        double[] alone = [-1.6959892797603366, 0.3, 2.5, -5, 7, -0.1, 1, 2];
        double[] withOverflow = [-745, 0.3, 2.5, -5, 7, -0.1, 1, -1.6959892797603366];
        var a = new double[8];
        var b = new double[8];
        SimdMap.Run(new ExpOperator(), alone, default, default, a, SimdPath.Vector512);
        SimdMap.Run(new ExpOperator(), withOverflow, default, default, b, SimdPath.Vector512);
        Assert.True(SameBits(a[0], b[7]));
    }

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
            if (reference == 0) { Assert.Equal(0.0, SimdMath.Log(x)); continue; }
            worst = Math.Max(worst, UlpError(SimdMath.Log(x), reference));
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
            var (s, c) = SimdMath.SinCosQuarter(y);
            if (y != 0) worstSin = Math.Max(worstSin, UlpError(s, Math.Sin(y)));
            worstCos = Math.Max(worstCos, UlpError(c, Math.Cos(y)));
        }
        output.WriteLine($"worst sin error {worstSin:F3} ulp, worst cos error {worstCos:F3} ulp");
        Assert.True(worstSin <= 2.0, $"worst sin error {worstSin:F3} ulp");
        Assert.True(worstCos <= 2.0, $"worst cos error {worstCos:F3} ulp");
    }
}
