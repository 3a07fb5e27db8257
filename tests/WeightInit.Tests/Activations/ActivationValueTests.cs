using MathNet.Numerics;
using static WeightInit.Tests.Activations.ActivationCases;

namespace WeightInit.Tests.Activations;

/// <summary>Known values, and the scalar functions against independent formulas.</summary>
public class ActivationValueTests
{
    private const double Lambda = 1.0507009873554805;
    private const double Alpha = 1.6732632423543772;

    /// <summary>Checks the scalar value and the double and float span values.</summary>
    private static void AssertValue(Activation f, double x, double expected, double expectedDerivative, double ulps = 2)
    {
        Close(expected, f.Apply(x), ulps, $"{f} f({x})");
        CloseDerivative(expectedDerivative, f.Derivative(x), ulps, $"{f} f'({x})");
        var y = new double[1];
        var d = new double[1];
        f.ApplyWithDerivative([x], y, d);
        Close(expected, y[0], ulps, $"{f} span f({x})");
        CloseDerivative(expectedDerivative, d[0], ulps, $"{f} span f'({x})");
    }

    [Fact]
    public void KnownValues()
    {
        AssertValue(Activation.Identity, -3.25, -3.25, 1.0, 0);
        AssertValue(Activation.Sigmoid, 0.0, 0.5, 0.25, 0);
        AssertValue(Activation.Tanh, 0.0, 0.0, 1.0, 0);
        AssertValue(Activation.ReLU, 2.0, 2.0, 1.0, 0);
        AssertValue(Activation.ReLU, -2.0, 0.0, 0.0, 0);
        AssertValue(Activation.LeakyReLU, -2.0, -0.02, 0.01, 0);
        AssertValue(Activation.Elu, -1.0, Math.Exp(-1) - 1, Math.Exp(-1));
        // Phi(1) = 0.841344746068542948585... (GELU(1) = Phi(1)); GELU'(1) = Phi(1) + phi(1).
        AssertValue(Activation.Gelu, 1.0, 0.8413447460685429, 0.8413447460685429 + 0.24197072451914337);
        AssertValue(Activation.Gelu, 0.0, 0.0, 0.5, 0);
        AssertValue(Activation.Selu, 1.0, Lambda, Lambda, 0);
        AssertValue(Activation.Selu, -1.0, Lambda * Alpha * (Math.Exp(-1) - 1), Lambda * Alpha * Math.Exp(-1));
        AssertValue(Activation.Swish, 0.0, 0.0, 0.5, 0);
        Assert.Equal(Lambda, SeluActivation.Lambda);
        Assert.Equal(Alpha, SeluActivation.Alpha);
    }

    [Fact]
    public void DerivativesAtTheKinksFollowPyTorch()
    {
        Assert.Equal(0.0, Activation.ReLU.Derivative(0.0));
        Assert.Equal(0.01, Activation.LeakyReLU.Derivative(0.0));
        Assert.Equal(0.5, Activation.CreateElu(0.5).Derivative(0.0));
        Assert.Equal(Lambda * Alpha, Activation.Selu.Derivative(0.0), 15);
        var d = new double[2];
        Activation.ReLU.Derivative([0.0, -0.0], d);
        Assert.Equal([0.0, 0.0], d);
    }

    [Fact]
    public void GeluMatchesMathNetErfc()
    {
        // GELU(x) = (x/2) erfc(-x/sqrt 2); GELU'(x) = Phi(x) + x phi(x). MathNet's erfc is accurate to
        // about 1e-15 relative; 1e-14 allows for it and for the rounding of -x/sqrt 2 (relative
        // error amplified by about x^2, i.e. 25 at |x| = 5).
        for (double x = -5; x <= 5; x += 0.0625)
        {
            double cdf = 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));
            double pdf = Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
            AssertRelative(x * cdf, Activation.Gelu.Apply(x), 1e-14, $"GELU({x})");
            AssertRelative(cdf + x * pdf, Activation.Gelu.Derivative(x), 1e-14, $"GELU'({x})", absolute: 1e-15);
        }
    }

    /// <summary>
    /// The direct formulas round 2-3 times, as do ours; 4 epsilon (about 4 ulps) relative covers both.
    /// sigmoid' = s(1 - s) is taken with 1 - s = 1 / (1 + e^x), which does not cancel for large x.
    /// </summary>
    [Fact]
    public void SigmoidSwishAndTanhMatchDirectFormulas()
    {
        const double fourEps = 4 * 2.220446049250313e-16;
        for (double x = -30; x <= 30; x += 0.125)
        {
            double s = 1.0 / (1.0 + Math.Exp(-x));
            AssertRelative(s, Activation.Sigmoid.Apply(x), fourEps, $"sigmoid({x})");
            AssertRelative(s / (1.0 + Math.Exp(x)), Activation.Sigmoid.Derivative(x), fourEps, $"sigmoid'({x})");
            AssertRelative(x * s, Activation.Swish.Apply(x), fourEps, $"swish({x})");
            double t = Math.Tanh(x);
            var tanh = new double[1];
            var dtanh = new double[1];
            Activation.Tanh.ApplyWithDerivative([x], tanh, dtanh);
            AssertRelative(t, tanh[0], fourEps, $"tanh span({x})");
            double sech = 1.0 / Math.Cosh(x);
            AssertRelative(sech * sech, dtanh[0], 2e-15, $"tanh' span({x})");
        }
    }

    [Fact]
    public void EluIsAccurateNearZeroWhereExpMinusOneCancels()
    {
        // ELU(x) = e^x - 1 = sum x^n / n!, summed to 40 terms from the smallest up (about 1 ulp).
        foreach (double x in new[] { -1e-4, -3e-7, -1e-10, -1e-300, -0.3, -0.49 })
        {
            double reference = ExpMinusOneBySeries(x);
            Close(reference, Activation.Elu.Apply(x), 2, $"ELU({x})");
            var y = new double[1];
            Activation.Elu.Apply([x], y);
            Close(reference, y[0], 2, $"ELU span({x})");
        }

        static double ExpMinusOneBySeries(double x)
        {
            var terms = new double[40];
            double term = 1;
            for (int n = 1; n < terms.Length; n++) terms[n] = term *= x / n;
            double sum = 0;
            for (int n = terms.Length - 1; n >= 1; n--) sum += terms[n];
            return sum;
        }
    }

    private static void AssertRelative(double expected, double actual, double relative, string what, double absolute =
        0)
    {
        double error = Math.Abs(expected - actual);
        Assert.True(error <= relative * Math.Abs(expected) || error <= absolute,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }
}
