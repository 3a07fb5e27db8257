using WeightInit.Tests.Support;
using Xunit.Abstractions;

namespace WeightInit.Tests.Kernels;

/// <summary>
/// The library's one standard normal (GELU, the truncated normal's moments and sampler) against MathNet's
/// erfc, an independent implementation.
/// </summary>
public class StandardNormalTests(ITestOutputHelper output)
{
    private static double ReferenceUpperTail(double x) => 0.5 * StatisticalAssert.Erfc(x / Math.Sqrt(2.0));

    /// <summary>Rows of data/reference/normal/reference.csv (mpmath at 50 digits): x, Q(x), Phi(x), phi(x).</summary>
    private static IEnumerable<(double X, double UpperTail, double Cdf, double Density)> Reference()
    {
        string path = RepositoryFiles.PathOf("data", "reference", "normal", "reference.csv");
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            var v = line.Split(',').Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture))
                .ToArray();
            yield return (v[0], v[1], v[2], v[3]);
        }
    }

    /// <summary>The error in units in the last place of the reference.</summary>
    private static double UlpError(double computed, double reference) =>
        Math.Abs(computed - reference) / (Math.BitIncrement(reference) - reference);

    // Full relative accuracy wherever the value is a normal double (down to Q(37) = 5.7e-300), on all 1217
    // points from -38 to 38. Measured worst: Q 4 ulp, Phi 4 ulp, phi 2 ulp; asserted: 8 ulp.
    private const double Tolerance = 8;

    [Fact]
    public void UpperTailCdfAndDensityMatchMpmathToTheLastBits()
    {
        int checkedRows = 0;
        double worstTail = 0, worstCdf = 0, worstDensity = 0;
        foreach (var (x, q, p, d) in Reference())
        {
            if (q >= 1e-300) worstTail = Math.Max(worstTail, UlpError(StandardNormal.UpperTail(x), q));
            if (p >= 1e-300) worstCdf = Math.Max(worstCdf, UlpError(StandardNormal.Cdf(x), p));
            if (d >= 1e-300) worstDensity = Math.Max(worstDensity, UlpError(StandardNormal.Density(x), d));
            checkedRows++;
        }
        Assert.Equal(1217, checkedRows);
        output.WriteLine($"worst errors: Q {worstTail:F2} ulp, Phi {worstCdf:F2} ulp, phi {worstDensity:F2} ulp");
        Assert.True(worstTail <= Tolerance, $"worst error of Q: {worstTail:F2} ulp");
        Assert.True(worstCdf <= Tolerance, $"worst error of Phi: {worstCdf:F2} ulp");
        Assert.True(worstDensity <= Tolerance, $"worst error of phi: {worstDensity:F2} ulp");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.975)]
    [InlineData(0.025)]
    [InlineData(1e-10)]
    [InlineData(1e-100)]
    [InlineData(1e-300)]
    [InlineData(0.9999999)]
    public void QuantileInvertsTheNormalCdf(double p)
    {
        double z = StandardNormal.Quantile(p);
        // Round trip through MathNet's CDF: a relative error e in z becomes a relative error of about z^2 e in
        // Phi(z) (d ln Phi / dz ~ |z| in the tail), so a quantile good to 1e-15 (a few ulps) must give back
        // p to max(1, z^2) 1e-15.
        double back = p <= 0.5 ? ReferenceUpperTail(-z) : 1 - ReferenceUpperTail(z);
        double tolerance = Math.Max(1, z * z) * 1e-15 * Math.Min(p, 1 - p);
        Assert.True(Math.Abs(back - p) <= tolerance, $"Phi(Phi^-1({p:R})) = {back:R}, tolerance {tolerance:G3}");
    }
}
