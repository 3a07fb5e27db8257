using System.Globalization;
using WeightInit.Tests.Support;
using static WeightInit.Tests.Activations.ActivationCases;

namespace WeightInit.Tests.Activations;

/// <summary>
/// Scalar and span results against data/reference/activations/reference.csv (mpmath at 50 digits,
/// rounded once to double). Tolerance: f within 4 ulps of the exact value; f' within 4 ulps or 4 ulps
/// of 1 absolutely (at the zeros of GELU' and Swish'). Float spans: within 1 float ulp of the exact
/// value rounded to float, plus the absolute arm for f'.
/// </summary>
public class ActivationReferenceTests
{
    private static readonly Lazy<IReadOnlyList<(string Key, double X, double F, double D)>> Rows = new(Load);

    private static IReadOnlyList<(string, double, double, double)> Load()
    {
        string path = RepositoryFiles.PathOf("data", "reference", "activations", "reference.csv");
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var p = line.Split(',');
            return (p[0], Parse(p[1]), Parse(p[2]), Parse(p[3]));
        }).ToList();

        static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(Keys), MemberType = typeof(ActivationCases))]
    public void MatchesHighPrecisionReference(string key)
    {
        var f = ByKey[key];
        var rows = Rows.Value.Where(r => r.Key == key).ToArray();
        Assert.Equal(47, rows.Length);
        double[] x = rows.Select(r => r.X).ToArray();
        var y = new double[x.Length];
        var d = new double[x.Length];
        f.ApplyWithDerivative(x, y, d);
        float[] xf = ToFloats(x);
        var yf = new float[x.Length];
        var df = new float[x.Length];
        f.ApplyWithDerivative(xf, yf, df);
        for (int i = 0; i < rows.Length; i++)
        {
            var (_, xi, fi, di) = rows[i];
            Close(fi, f.Apply(xi), 4, $"{key} scalar f({xi:R})");
            CloseDerivative(di, f.Derivative(xi), 4, $"{key} scalar f'({xi:R})");
            Close(fi, y[i], 4, $"{key} span f({xi:R})");
            CloseDerivative(di, d[i], 4, $"{key} span f'({xi:R})");
            if ((double)(float)xi == xi) // the float input is the same number
            {
                Close((float)fi, yf[i], 1, $"{key} float span f({xi:R})");
                CloseDerivative((float)di, df[i], 1, $"{key} float span f'({xi:R})");
            }
        }
    }
}
