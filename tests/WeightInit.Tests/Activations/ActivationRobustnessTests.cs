using static WeightInit.Tests.Activations.ActivationCases;

namespace WeightInit.Tests.Activations;

/// <summary>Large |x| never gives NaN; NaN in gives NaN out; the limits come out exactly.</summary>
public class ActivationRobustnessTests
{
    private static readonly double[] Large =
        [1e4, -1e4, 1000, -1000, 745, -745, 1e10, -1e10, 1e300, -1e300, double.MaxValue, -double.MaxValue];

    [Theory]
    [MemberData(nameof(Keys), MemberType = typeof(ActivationCases))]
    public void LargeInputsGiveNumbers(string key)
    {
        var f = ByKey[key];
        var y = new double[Large.Length];
        var d = new double[Large.Length];
        f.ApplyWithDerivative(Large, y, d);
        var yf = new float[Large.Length];
        var df = new float[Large.Length];
        float[] largeFloats =
            [1e4f, -1e4f, 1000f, -1000f, 745f, -745f, 1e10f, -1e10f, 3e38f, -3e38f, float.MaxValue, -float.MaxValue];
        f.ApplyWithDerivative(largeFloats, yf, df);
        for (int i = 0; i < Large.Length; i++)
        {
            Assert.False(double.IsNaN(f.Apply(Large[i])), $"{key} f({Large[i]}) scalar");
            Assert.False(double.IsNaN(f.Derivative(Large[i])), $"{key} f'({Large[i]}) scalar");
            Assert.False(double.IsNaN(y[i]), $"{key} f({Large[i]}) span");
            Assert.False(double.IsNaN(d[i]), $"{key} f'({Large[i]}) span");
            Assert.False(float.IsNaN(yf[i]), $"{key} f({largeFloats[i]}) float span");
            Assert.False(float.IsNaN(df[i]), $"{key} f'({largeFloats[i]}) float span");
        }
    }

    /// <summary>Each limit, checked in the scalar, double-span and float-span forms.</summary>
    public static TheoryData<string, double, double, double> Limits => new()
    {
        { "Sigmoid", -1000, 0, 0 },
        { "Sigmoid", 1000, 1, 0 },
        { "Tanh", 1e4, 1, 0 },
        { "Tanh", -1e4, -1, 0 },
        { "GELU", 1e4, 1e4, 1 },
        { "GELU", -1e4, 0, 0 },
        { "Swish", 1e4, 1e4, 1 },
        { "Swish", -1e4, 0, 0 },
        { "ELU", -1e4, -1, 0 },
        { "ELU(0.5)", -1e4, -0.5, 0 },
        { "SELU", -1e4, -1.0507009873554805 * 1.6732632423543772, 0 },
        { "ReLU", -1e4, 0, 0 },
        { "LeakyReLU", -1e4, -100, 0.01 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void LimitsAreExact(string key, double x, double expected, double expectedDerivative)
    {
        var f = ByKey[key];
        Assert.Equal(expected, f.Apply(x), 15);
        Assert.Equal(expectedDerivative, f.Derivative(x));
        var y = new double[1];
        var d = new double[1];
        f.ApplyWithDerivative([x], y, d);
        Assert.Equal(expected, y[0], 15);
        Assert.Equal(expectedDerivative, d[0]);
        var yf = new float[1];
        var df = new float[1];
        f.ApplyWithDerivative([(float)x], yf, df);
        Assert.Equal((float)expected, yf[0]);
        Assert.Equal((float)expectedDerivative, df[0]);
    }

    [Fact]
    public void SaturatingDerivativesAreTinyButNotNaNInTheTails()
    {
        // sigmoid'(30) = e^-30 / (1 + e^-30)^2 ~ 9.36e-14 and tanh'(15) = 4 e^-30 / (1 + e^-30)^2:
        // computed without cancellation, to full relative accuracy.
        Assert.Equal(Math.Exp(-30) / Math.Pow(1 + Math.Exp(-30), 2), Activation.Sigmoid.Derivative(30), 1e-27);
        Assert.Equal(4 * Math.Exp(-30) / Math.Pow(1 + Math.Exp(-30), 2), Activation.Tanh.Derivative(15), 1e-26);
        var d = new double[2];
        Activation.Tanh.Derivative([15.0, -15.0], d);
        Assert.Equal(4 * Math.Exp(-30) / Math.Pow(1 + Math.Exp(-30), 2), d[0], 1e-26);
        Assert.Equal(d[0], d[1]);
    }

    [Theory]
    [MemberData(nameof(Keys), MemberType = typeof(ActivationCases))]
    public void NaNInGivesNaNOut(string key)
    {
        var f = ByKey[key];
        Assert.True(double.IsNaN(f.Apply(double.NaN)), "scalar f");
        Assert.True(double.IsNaN(f.Derivative(double.NaN)), "scalar f'");
        double[] x = Inputs(40);
        x[3] = double.NaN;
        x[37] = double.NaN; // in the tail
        var y = new double[40];
        var d = new double[40];
        f.ApplyWithDerivative(x, y, d);
        var single = new double[40];
        f.Derivative(x, single);
        float[] xf = ToFloats(x);
        var yf = new float[40];
        var df = new float[40];
        f.ApplyWithDerivative(xf, yf, df);
        for (int i = 0; i < 40; i++)
        {
            bool nan = i is 3 or 37;
            Assert.Equal(nan, double.IsNaN(y[i]));
            Assert.Equal(nan, double.IsNaN(d[i]));
            Assert.Equal(nan, double.IsNaN(single[i]));
            Assert.Equal(nan, float.IsNaN(yf[i]));
            Assert.Equal(nan, float.IsNaN(df[i]));
        }
    }
}
