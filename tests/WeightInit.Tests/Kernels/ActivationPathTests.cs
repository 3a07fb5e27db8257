using static WeightInit.Tests.Activations.ActivationCases;
using static WeightInit.Tests.Kernels.KernelPaths;

namespace WeightInit.Tests.Kernels;

/// <summary>
/// Every activation's span kernel on every path and odd length: the same bits as the scalar path, and within the
/// tolerance of <see cref="Activations.ActivationSpanTests"/> of the activation's scalar reference (Apply/Derivative of
/// double).
/// </summary>
public class ActivationPathTests
{
    public static TheoryData<string, string> KeysAndPaths
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var key in ByKey.Keys)
                foreach (var path in All) data.Add(key, path.ToString());
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KeysAndPaths))]
    public void DoubleSpansMatchTheScalarPathAndTheScalarReference(string key, string path)
    {
        var f = ByKey[key];
        var p = Parse(path);
        foreach (int n in OddLengths)
        {
            double[] x = Inputs(n);
            var (y, d, fy, fd) = Run(f, x, p);
            var (y0, d0, _, _) = Run(f, x, SimdPath.Scalar);
            SameBits(y0, y, $"{key} f on {path}, n = {n}");
            SameBits(d0, d, $"{key} f' on {path}, n = {n}");
            SameBits(y0, fy, $"{key} fused f on {path}, n = {n}");
            SameBits(d0, fd, $"{key} fused f' on {path}, n = {n}");
            for (int i = 0; i < n; i++)
            {
                Close(f.Apply(x[i]), y[i], 4, $"{key} f({x[i]:R})");
                CloseDerivative(f.Derivative(x[i]), d[i], 4, $"{key} f'({x[i]:R})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KeysAndPaths))]
    public void FloatSpansMatchTheScalarPathAndTheScalarReference(string key, string path)
    {
        var f = ByKey[key];
        var p = Parse(path);
        foreach (int n in OddLengths)
        {
            float[] x = ToFloats(Inputs(n));
            var y = new float[n];
            var d = new float[n];
            var fy = new float[n];
            var fd = new float[n];
            f.Apply<float>(x, y, p);
            f.Derivative<float>(x, d, p);
            f.ApplyWithDerivative<float>(x, fy, fd, p);
            var y0 = new float[n];
            var d0 = new float[n];
            f.Apply<float>(x, y0, SimdPath.Scalar);
            f.Derivative<float>(x, d0, SimdPath.Scalar);
            SameBits(y0, y, $"{key} f on {path}, n = {n}");
            SameBits(d0, d, $"{key} f' on {path}, n = {n}");
            SameBits(y0, fy, $"{key} fused f on {path}, n = {n}");
            SameBits(d0, fd, $"{key} fused f' on {path}, n = {n}");
            for (int i = 0; i < n; i++)
            {
                Close((float)f.Apply(x[i]), y[i], 1, $"{key} f({x[i]:R})");
                CloseDerivative((float)f.Derivative(x[i]), d[i], 1, $"{key} f'({x[i]:R})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths), MemberType = typeof(KernelPaths))]
    public void InPlaceEqualsOutOfPlace(string path)
    {
        var p = Parse(path);
        foreach (var f in ByKey.Values)
        {
            double[] x = Inputs(33);
            var y = new double[33];
            f.Apply<double>(x, y, p);
            f.Apply<double>(x, x, p);
            SameBits(y, x, $"{f} in place on {path}");
        }
    }

    private static (double[] Y, double[] D, double[] FusedY, double[] FusedD) Run(Activation f, double[] x,
        SimdPath path)
    {
        int n = x.Length;
        var y = new double[n];
        var d = new double[n];
        var fy = new double[n];
        var fd = new double[n];
        f.Apply<double>(x, y, path);
        f.Derivative<double>(x, d, path);
        f.ApplyWithDerivative<double>(x, fy, fd, path);
        return (y, d, fy, fd);
    }
}
