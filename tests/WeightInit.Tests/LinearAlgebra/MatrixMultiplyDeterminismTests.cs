using System.Numerics;
using static WeightInit.Tests.LinearAlgebra.GemmReference;

namespace WeightInit.Tests.LinearAlgebra;

/// <summary>
/// The documented operation sequence: every element equals the plain loop c = fma(a_p, b_p, c),
/// p = 0 .. k-1, bit for bit, on every SIMD path this machine accelerates (and the automatic choice,
/// which takes a plain loop for tiny products) and for 1, 2 and 3 workers (and the automatic number);
/// hence 1 and 2 threads give bit-identical results.
/// </summary>
public class MatrixMultiplyDeterminismTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 3, 5, 7 }, { 17, 17, 17 }, { 1, 513, 17 }, { 19, 260, 70 }, { 70, 33, 19 }, { 13, 40, 100 },
            { 7, 20, 64 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FloatEqualsFmaChainOnEveryPathAndThreadCount(int m, int k, int n) => CheckEveryPath<float>(m, k, n);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DoubleEqualsFmaChainOnEveryPathAndThreadCount(int m, int k, int n) => CheckEveryPath<double>(m, k, n);

    [Fact]
    public void LargeProductIsBitIdenticalForOneAndTwoThreads()
    {
        // Large enough that the automatic mode goes parallel, with edge tiles in both directions and two k blocks.
        const int m = 200, k = 513, n = 129;
        foreach (var form in Forms)
        {
            var a = Random<float>(m * k, 5);
            var b = Random<float>(k * n, 6);
            var one = new float[m * n];
            var two = new float[m * n];
            Run(form, a, b, one, m, k, n, false, new GemmOptions(SimdPath.Auto, 1));
            Run(form, a, b, two, m, k, n, false, new GemmOptions(SimdPath.Auto, 2));
            AssertBitIdentical(one, two, $"{form} 1 vs 2 threads");
            AssertBitIdentical(FmaChain(form, a, b, null, m, k, n), one, $"{form} vs FMA chain");
        }
    }

    [Theory]
    [InlineData(5, 300, 37)]
    [InlineData(16, 64, 64)]
    public void AccumulateContinuesTheChainFromC(int m, int k, int n)
    {
        foreach (var path in AvailablePaths())
            foreach (var form in Forms)
            {
                var a = Random<double>(m * k, 21);
                var b = Random<double>(k * n, 22);
                var c0 = Random<double>(m * n, 23);
                var c = (double[])c0.Clone();
                Run(form, a, b, c, m, k, n, accumulate: true, new GemmOptions(path, 2));
                AssertBitIdentical(FmaChain(form, a, b, c0, m, k, n), c, $"{form} {path} accumulate");
            }
    }

    [Fact]
    public void OverwriteIgnoresPreviousContentsAndLeavesTheRestOfCUntouched()
    {
        const int m = 9, k = 10, n = 11;
        foreach (var form in Forms)
        {
            var a = Random<float>(m * k + 3, 31);
            var b = Random<float>(k * n + 5, 32);
            var c = new float[m * n + 7];
            Array.Fill(c, float.NaN);
            Run(form, a, b, c, m, k, n, accumulate: false, GemmOptions.Default);
            AssertBitIdentical(FmaChain(form, a, b, null, m, k, n), c[..(m * n)], $"{form} overwrite");
            Assert.All(c[(m * n)..], x => Assert.True(float.IsNaN(x)));
        }
    }

    [Fact]
    public void ThePublicProductsComputeTheDocumentedChainsInDoubleAndFloat()
    {
        PublicProducts<double>(41);
        PublicProducts<float>(43);
    }

    private static void PublicProducts<T>(ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int m = 4, k = 6, n = 5;
        var a = Random<T>(m * k, seed);
        var b = Random<T>(k * n, seed + 1);
        var c = new T[m * n];
        string type = typeof(T).Name;
        MatrixMultiply.MultiplyTransposed(a, b, c, m, k, n);
        AssertBitIdentical(FmaChain(ProductForm.MultiplyTransposed, a, b, null, m, k, n), c,
            $"MultiplyTransposed {type}");
        MatrixMultiply.Multiply(a, b, c, m, k, n);
        AssertBitIdentical(FmaChain(ProductForm.Multiply, a, b, null, m, k, n), c, $"Multiply {type}");
        MatrixMultiply.TransposeMultiply(a, b, c, m, k, n);
        AssertBitIdentical(FmaChain(ProductForm.TransposeMultiply, a, b, null, m, k, n), c,
            $"TransposeMultiply {type}");
        var c0 = (T[])c.Clone();
        MatrixMultiply.Multiply(a, b, c, m, k, n, accumulate: true);
        AssertBitIdentical(FmaChain(ProductForm.Multiply, a, b, c0, m, k, n), c, $"Multiply accumulate {type}");
    }

    private static void CheckEveryPath<T>(int m, int k, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var form in Forms)
        {
            var a = Random<T>(m * k, 1);
            var b = Random<T>(k * n, 2);
            var expected = FmaChain(form, a, b, null, m, k, n);
            foreach (var path in AvailablePaths().Append(SimdPath.Auto))
                foreach (int threads in new[] { 0, 1, 2, 3 })
                {
                    var c = new T[m * n];
                    Run(form, a, b, c, m, k, n, false, new GemmOptions(path, threads));
                    AssertBitIdentical(expected, c, $"{form} {path} {threads} thread(s) m={m} k={k} n={n}");
                }
        }
    }
}
