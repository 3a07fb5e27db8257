using System.Numerics;
using static WeightInit.Tests.Kernels.KernelPaths;
using static WeightInit.Tests.LinearAlgebra.GemmReference;

namespace WeightInit.Tests.Kernels;

/// <summary>
/// The matrix product's kernels (the register-tile micro-kernel, the row-stream kernel, the small-batch kernel) on
/// every
/// path, forced even where the hardware does not accelerate it, with each of m, k and n in turn taking the odd lengths:
/// every element is the documented chain of fused multiply-adds, bit for bit. The other two sizes are small and odd
/// (m = 10 > 8 rows reaches the packed micro-kernel in every form; m &lt;= 8 the row-stream kernel).
/// </summary>
public class GemmPathTests
{
    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void FloatProductsAreTheFmaChainOnEveryPath(string path, int length) => Check<float>(Parse(path), length);

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void DoubleProductsAreTheFmaChainOnEveryPath(string path, int length) => Check<double>(Parse(path), length);

    private static void Check<T>(SimdPath path, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int M, int K, int N)[] shapes = [(length, 9, 19), (10, length, 11), (10, 7, length)];
        foreach (var (m, k, n) in shapes)
            foreach (var form in Forms)
            {
                var a = Random<T>(Math.Max(1, m * k), 3);
                var b = Random<T>(Math.Max(1, k * n), 4);
                var c = new T[Math.Max(1, m * n)];
                var options = new GemmOptions(path, 1);
                if (length == 0)
                {
                    // An empty operand is no product: the library names the size that broke the rule.
                    var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
                        Run(form, a, b, c, m, k, n, false, options));
                    Assert.Equal(m == 0 ? "m" : k == 0 ? "k" : "n", e.ParamName);
                    continue;
                }
                Run(form, a, b, c, m, k, n, false, options);
                AssertBitIdentical(FmaChain(form, a, b, null, m, k, n), c,
                    $"{form} on {path}, m = {m}, k = {k}, n = {n}");
                var c0 = Random<T>(m * n, 5);
                var acc = (T[])c0.Clone();
                Run(form, a, b, acc, m, k, n, true, options);
                AssertBitIdentical(FmaChain(form, a, b, c0, m, k, n), acc,
                    $"{form} accumulate on {path}, m = {m}, k = {k}, n = {n}");
            }
    }
}
