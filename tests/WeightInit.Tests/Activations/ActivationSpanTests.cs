using static WeightInit.Tests.Activations.ActivationCases;

namespace WeightInit.Tests.Activations;

/// <summary>
/// The vectorized span overloads against the scalar <see cref="Activation.Apply(double)"/> and
/// <see cref="Activation.Derivative(double)"/>. Tolerance: 4 ulps for double (the span code uses
/// Vector512.Exp where the scalar code uses Math.Exp/Math.Tanh, each within about 1 ulp, and a few
/// roundings differ), 1 ulp for float (both round a double result once); for f' also an absolute
/// 4 (1) ulps of 1, see <see cref="ActivationCases.CloseDerivative(double, double, double, string)"/>.
/// </summary>
public class ActivationSpanTests
{
    private const double DoubleUlps = 4;
    private const double FloatUlps = 1;

    [Theory]
    [MemberData(nameof(KeysAndLengths), MemberType = typeof(ActivationCases))]
    public void DoubleSpansMatchScalar(string key, int n)
    {
        var f = ByKey[key];
        double[] x = Inputs(n);
        var y = new double[n];
        var d = new double[n];
        var fusedY = new double[n];
        var fusedD = new double[n];
        f.Apply(x, y);
        f.Derivative(x, d);
        f.ApplyWithDerivative(x, fusedY, fusedD);
        for (int i = 0; i < n; i++)
        {
            Close(f.Apply(x[i]), y[i], DoubleUlps, $"{key} f({x[i]:R})");
            CloseDerivative(f.Derivative(x[i]), d[i], DoubleUlps, $"{key} f'({x[i]:R})");
            Close(f.Apply(x[i]), fusedY[i], DoubleUlps, $"{key} fused f({x[i]:R})");
            CloseDerivative(f.Derivative(x[i]), fusedD[i], DoubleUlps, $"{key} fused f'({x[i]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(KeysAndLengths), MemberType = typeof(ActivationCases))]
    public void FloatSpansMatchScalar(string key, int n)
    {
        var f = ByKey[key];
        float[] x = ToFloats(Inputs(n));
        var y = new float[n];
        var d = new float[n];
        var fusedY = new float[n];
        var fusedD = new float[n];
        f.Apply(x, y);
        f.Derivative(x, d);
        f.ApplyWithDerivative(x, fusedY, fusedD);
        for (int i = 0; i < n; i++)
        {
            Close((float)f.Apply(x[i]), y[i], FloatUlps, $"{key} f({x[i]:R})");
            CloseDerivative((float)f.Derivative(x[i]), d[i], FloatUlps, $"{key} f'({x[i]:R})");
            Close((float)f.Apply(x[i]), fusedY[i], FloatUlps, $"{key} fused f({x[i]:R})");
            CloseDerivative((float)f.Derivative(x[i]), fusedD[i], FloatUlps, $"{key} fused f'({x[i]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(Keys), MemberType = typeof(ActivationCases))]
    public void ResultDoesNotDependOnPositionInSpan(string key)
    {
        // The tail goes through the same vector code as the body, so a value gives bit-identical
        // results whether it sits in a full vector or in the tail.
        var f = ByKey[key];
        double[] x = Inputs(1000);
        var all = new double[1000];
        f.Apply(x, all);
        for (int start = 990; start < 1000; start++)
        {
            var part = new double[1000 - start];
            f.Apply(x.AsSpan(start), part);
            for (int i = 0; i < part.Length; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(all[start + i]), BitConverter.DoubleToInt64Bits(part[i]));
        }
    }

    [Theory]
    [MemberData(nameof(KeysAndLengths), MemberType = typeof(ActivationCases))]
    public void InPlaceEqualsOutOfPlaceDouble(string key, int n)
    {
        var f = ByKey[key];
        double[] x = Inputs(n);
        var y = new double[n];
        var d = new double[n];
        f.Apply(x, y);
        f.Derivative(x, d);

        var inPlace = (double[])x.Clone();
        f.Apply(inPlace, inPlace);
        Assert.Equal(y, inPlace);

        inPlace = (double[])x.Clone();
        f.Derivative(inPlace, inPlace);
        Assert.Equal(d, inPlace);

        inPlace = (double[])x.Clone();
        var fusedD = new double[n];
        f.ApplyWithDerivative(inPlace, inPlace, fusedD); // y overwrites x
        Assert.Equal(y, inPlace);
        Assert.Equal(d, fusedD);

        inPlace = (double[])x.Clone();
        var fusedY = new double[n];
        f.ApplyWithDerivative(inPlace, fusedY, inPlace); // dydx overwrites x
        Assert.Equal(y, fusedY);
        Assert.Equal(d, inPlace);
    }

    [Theory]
    [MemberData(nameof(KeysAndLengths), MemberType = typeof(ActivationCases))]
    public void InPlaceEqualsOutOfPlaceFloat(string key, int n)
    {
        var f = ByKey[key];
        float[] x = ToFloats(Inputs(n));
        var y = new float[n];
        var d = new float[n];
        f.Apply(x, y);
        f.Derivative(x, d);

        var inPlace = (float[])x.Clone();
        f.Apply(inPlace, inPlace);
        Assert.Equal(y, inPlace);

        inPlace = (float[])x.Clone();
        f.Derivative(inPlace, inPlace);
        Assert.Equal(d, inPlace);

        inPlace = (float[])x.Clone();
        var fusedD = new float[n];
        f.ApplyWithDerivative(inPlace, inPlace, fusedD);
        Assert.Equal(y, inPlace);
        Assert.Equal(d, fusedD);

        inPlace = (float[])x.Clone();
        var fusedY = new float[n];
        f.ApplyWithDerivative(inPlace, fusedY, inPlace);
        Assert.Equal(y, fusedY);
        Assert.Equal(d, inPlace);
    }

    [Fact]
    public void DestinationOfWrongLengthIsRejected()
    {
        var x = new double[8];
        var ex = Assert.Throws<ArgumentException>(() => Activation.Tanh.Apply(x, new double[7]));
        Assert.Equal("destination", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => Activation.Gelu.Derivative(new float[8], new float[9]));
        Assert.Equal("destination", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.ReLU.ApplyWithDerivative(x, new double[8], new double[3]));
        Assert.Equal("dydx", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.ReLU.ApplyWithDerivative(x, new double[3], new double[8]));
        Assert.Equal("y", ex.ParamName);
    }

    [Fact]
    public void PartlyOverlappingDestinationIsRejected()
    {
        var buffer = new double[20];
        var ex = Assert.Throws<ArgumentException>(() =>
            Activation.Sigmoid.Apply(buffer.AsSpan(0, 16), buffer.AsSpan(1, 16)));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("overlap", ex.Message);
    }

    [Fact]
    public void FusedOutputsSharingMemoryAreRejected()
    {
        var x = new double[8];
        var shared = new double[8];
        var ex = Assert.Throws<ArgumentException>(() => Activation.Elu.ApplyWithDerivative(x, shared, shared));
        Assert.Equal("dydx", ex.ParamName);
    }
}
