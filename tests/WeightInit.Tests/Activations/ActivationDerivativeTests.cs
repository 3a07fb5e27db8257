using static WeightInit.Tests.Activations.ActivationCases;

namespace WeightInit.Tests.Activations;

/// <summary>f' against a central finite difference of f, at points away from the kink at 0.</summary>
public class ActivationDerivativeTests
{
    /// <summary>401 points on [-10, 10] that miss 0 by construction (offset 0.0173).</summary>
    private static double[] Points()
    {
        var x = new double[401];
        for (int i = 0; i < x.Length; i++) x[i] = -10.0 + 0.05 * i + 0.0173;
        return x;
    }

    [Theory]
    [MemberData(nameof(Keys), MemberType = typeof(ActivationCases))]
    public void DoubleDerivativeMatchesCentralDifference(string key)
    {
        // h = 1e-5: truncation h^2 |f'''| / 6 < 1e-10 and rounding eps |f| / h < 1e-9 (|f| <= 10),
        // so 1e-7 (absolute plus relative) leaves a wide margin but still catches a wrong formula.
        var f = ByKey[key];
        double[] x = Points();
        const double h = 1e-5;
        var plus = x.Select(v => v + h).ToArray();
        var minus = x.Select(v => v - h).ToArray();
        var fPlus = new double[x.Length];
        var fMinus = new double[x.Length];
        var d = new double[x.Length];
        f.Apply(plus, fPlus);
        f.Apply(minus, fMinus);
        f.Derivative(x, d);
        for (int i = 0; i < x.Length; i++)
        {
            double fd = (fPlus[i] - fMinus[i]) / (plus[i] - minus[i]);
            Assert.True(Math.Abs(fd - d[i]) <= 1e-7 * (1 + Math.Abs(d[i])),
                $"{key} at x = {x[i]:R}: f' = {d[i]:R}, central difference {fd:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Keys), MemberType = typeof(ActivationCases))]
    public void FloatDerivativeMatchesCentralDifference(string key)
    {
        // In float, h = 1/64: truncation h^2 |f'''| / 6 < 1e-4 and rounding 6e-8 |f| / h < 4e-5 (|f| <= 10);
        // tolerance 1e-3 (absolute plus relative).
        var f = ByKey[key];
        float[] x = ToFloats(Points());
        const float h = 1f / 64;
        var plus = x.Select(v => v + h).ToArray();
        var minus = x.Select(v => v - h).ToArray();
        var fPlus = new float[x.Length];
        var fMinus = new float[x.Length];
        var d = new float[x.Length];
        f.Apply(plus, fPlus);
        f.Apply(minus, fMinus);
        f.Derivative(x, d);
        for (int i = 0; i < x.Length; i++)
        {
            double fd = ((double)fPlus[i] - fMinus[i]) / ((double)plus[i] - minus[i]);
            Assert.True(Math.Abs(fd - d[i]) <= 1e-3 * (1 + Math.Abs(d[i])),
                $"{key} at x = {x[i]:R}: f' = {d[i]:R}, central difference {fd:R}");
        }
    }
}
