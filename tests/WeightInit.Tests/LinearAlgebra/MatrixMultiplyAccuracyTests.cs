using System.Numerics;
using static WeightInit.Tests.LinearAlgebra.GemmReference;

namespace WeightInit.Tests.LinearAlgebra;

/// <summary>
/// The three products against a naive double-precision reference, within the rounding-error bound
/// 4 k u sum_p |A[i,p] B[p,j]| (see <see cref="GemmReference.DoubleReference{T}"/>), for odd and
/// non-square sizes, in float (u = 2^-24) and double (u = 2^-53), on the automatic path.
/// </summary>
public class MatrixMultiplyAccuracyTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 3, 3, 3 }, { 17, 17, 17 }, { 1, 513, 17 }, { 17, 1, 513 }, { 513, 17, 1 },
        { 9, 257, 33 }, { 37, 300, 45 }, { 133, 70, 65 }, { 2, 600, 420 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FloatProductsMatchDoubleReference(int m, int k, int n) =>
        CheckAllForms<float>(m, k, n, Math.ScaleB(1, -24));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DoubleProductsMatchDoubleReference(int m, int k, int n) =>
        CheckAllForms<double>(m, k, n, Math.ScaleB(1, -53));

    [Fact]
    public void LargeOddFloatProductsMatchDoubleReference() =>
        CheckAllForms<float>(511, 513, 127, Math.ScaleB(1, -24), ProductForm.MultiplyTransposed);

    [Fact]
    public void LargeOddDoubleProductsMatchDoubleReference() =>
        CheckAllForms<double>(513, 511, 129, Math.ScaleB(1, -53), ProductForm.TransposeMultiply);

    private static void CheckAllForms<T>(int m, int k, int n, double unitRoundoff, params ProductForm[] forms)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var form in forms.Length == 0 ? Forms : forms)
        {
            var a = Random<T>(m * k, 11);
            var b = Random<T>(k * n, 12);
            var c = new T[m * n];
            Run(form, a, b, c, m, k, n, accumulate: false, GemmOptions.Default);
            var (value, bound) = DoubleReference(form, a, b, m, k, n, unitRoundoff);
            for (int i = 0; i < c.Length; i++)
            {
                double error = Math.Abs(double.CreateChecked(c[i]) - value[i]);
                Assert.True(error <= bound[i],
                    $"{form} {typeof(T).Name} m={m} k={k} n={n}: element {i} = {c[i]} differs from {value[i]} by " +
                        $"{error:E3} > bound {bound[i]:E3}.");
            }
        }
    }
}
