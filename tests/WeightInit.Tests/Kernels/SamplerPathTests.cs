using static WeightInit.Tests.Kernels.KernelPaths;

namespace WeightInit.Tests.Kernels;

/// <summary>The samplers' kernels on every path and odd length: the same bits as the scalar path, the promise of
/// <see cref="RandomSource"/>.</summary>
public class SamplerPathTests
{
    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void FillsGiveTheScalarBitsOnEveryPath(string path, int n)
    {
        var scalar = new RandomSource(31) { Path = SimdPath.Scalar };
        var forced = new RandomSource(31) { Path = Parse(path) };
        double[] a = new double[n], b = new double[n];
        float[] fa = new float[n], fb = new float[n];
        scalar.FillNormal(a, 0.5, 2); forced.FillNormal(b, 0.5, 2);
        SameBits(a, b, $"normal double on {path}");
        scalar.FillNormal(fa, 0, 1); forced.FillNormal(fb, 0, 1);
        SameBits(fa, fb, $"normal float on {path}");
        scalar.FillUniform(a, -1, 3); forced.FillUniform(b, -1, 3);
        SameBits(a, b, $"uniform double on {path}");
        scalar.FillUniform(fa, 0, 1); forced.FillUniform(fb, 0, 1);
        SameBits(fa, fb, $"uniform float on {path}");
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void AffineStoreIsOneFusedMultiplyAddOnEveryPath(string path, int n)
    {
        var source = new double[n];
        new RandomSource(3).FillNormal(source, 0, 1);
        var d = new double[n];
        var f = new float[n];
        AffineKernels.Store<double>(Parse(path), source, d, 0.1, 0.3);
        AffineKernels.Store<float>(Parse(path), source, f, 0.1, 0.3);
        SameBits(source.Select(x => Math.FusedMultiplyAdd(x, 0.1, 0.3)).ToArray(), d, "double");
        SameBits(source.Select(x => (float)Math.FusedMultiplyAdd(x, 0.1, 0.3)).ToArray(), f, "float");
    }
}
