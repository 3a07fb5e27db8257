using static WeightInit.Tests.Kernels.KernelPaths;

namespace WeightInit.Tests.Kernels;

/// <summary>
/// The trainer's span operations (the shared arithmetic operators, the layers' and optimizers' own, the fixed-order
/// sums) on every path and odd length, against scalar references written out here.
/// </summary>
public class TrainingKernelPathTests
{
    private static double[] Values(int n, ulong seed)
    {
        var x = new double[n];
        new RandomSource(seed).FillNormal(x, 0.5, 2);
        return x;
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void MapIsTheScalarExpressionOnEveryPath(string path, int n)
    {
        double[] a = Values(n, 1), b = Values(n, 2), c = Values(n, 3);
        var y = new double[n];
        SimdMap.Run(new MultiplyAddOperator(), a, b, c, y, Parse(path));
        SameBits(Enumerable.Range(0, n).Select(i => a[i] * b[i] + c[i]).ToArray(), y, "a * b + c");
        SimdMap.Run(new LayerNormLayer.LinearCombination(0.3, -1.5, 2.25), a, b, c, y, Parse(path));
        SameBits(Enumerable.Range(0, n).Select(i => 0.3 * a[i] + -1.5 + 2.25 * b[i]).ToArray(), y, "p a + q + r b");
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void EveryLayerAndOptimizerOperationIsItsScalarExpressionOnEveryPath(string path, int n)
    {
        var p = Parse(path);
        double[] a = Values(n, 11), b = Values(n, 12), c = Values(n, 13);
        double[] v = b.Select(Math.Abs).ToArray(); // Adam's second moment is never negative
        var y = new double[n];
        void Check<TOperation>(TOperation operation, Func<int, double> expected, string what, double[]? second = null)
            where TOperation : struct, IMapOperator
        {
            var bb = second ?? b;
            SimdMap.Run(operation, a, bb, c, y, p);
            SameBits(Enumerable.Range(0, n).Select(expected).ToArray(), y, $"{what} on {path}, n = {n}");
        }
        Check(new IdentityOperator(), i => a[i], "a");
        Check(new MultiplyOperator(), i => a[i] * b[i], "a * b");
        Check(new BatchNormLayer.SubtractMultiply(), i => (a[i] - b[i]) * c[i], "(a - b) * c");
        Check(new BatchNormLayer.AddSquaredDifference(), i => a[i] + (b[i] - c[i]) * (b[i] - c[i]), "a + (b - c)^2");
        Check(new AddScaledOperator(-0.7), i => a[i] + -0.7 * b[i], "a + s b");
        Check(new ScaleOperator(1.3), i => 1.3 * a[i], "s a");
        Check(new SquaredDeviationOperator(0.2), i => (a[i] - 0.2) * (a[i] - 0.2), "(a - m)^2");
        Check(new LayerNormLayer.ShiftThenScale(0.2, 3.5), i => (a[i] - 0.2) * 3.5, "(a - m) s");
        Check(new DiagnosticsRecorder.AddAbsolute(), i => a[i] + Math.Abs(b[i]), "a + |b|");
        Check(new AddOperator(), i => a[i] + b[i], "a + b");
        Check(new AdamOptimizer.ExponentialAverage(0.9), i => 0.9 * a[i] + (1 - 0.9) * b[i], "Adam first moment");
        Check(new AdamOptimizer.ExponentialAverageOfSquares(0.999), i => 0.999 * a[i] + (1 - 0.999) * (b[i] * b[i]),
            "Adam second moment");
        Check(new AdamOptimizer.AdamStep(0.01, 1.25, 1e-8), i => 0.01 * a[i] / (Math.Sqrt(v[i]) * 1.25 + 1e-8),
            "Adam step", v);
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void SumFollowsItsDocumentedOrderOnEveryPath(string path, int n)
    {
        double[] a = Values(n, 4), b = Values(n, 5);
        double sum = SimdReduce.Sum(new MultiplyOperator(), a, b, default, Parse(path));
        Assert.Equal(CanonicalSum(Enumerable.Range(0, n).Select(i => a[i] * b[i]).ToArray()), sum);
    }

    /// <summary>SimdReduce.Sum's order in plain scalar code.</summary>
    private static double CanonicalSum(double[] v)
    {
        int n = v.Length, quads = n - n % 4;
        var lanes = new double[8];
        for (int i = 0; i < quads; i++) lanes[i % 8] += v[i];
        var s = new double[4];
        for (int j = 0; j < 4; j++) s[j] = lanes[j] + lanes[j + 4];
        for (int i = quads; i < n; i++) s[i % 4] += v[i];
        return (s[0] + s[1]) + (s[2] + s[3]);
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void SumAndSumOfSquaresFollowTheirDocumentedOrderOnEveryPath(string path, int n)
    {
        double[] x = Values(n, 6);
        var lanes = new double[8];
        var squares = new double[8];
        int body = n / 8 * 8;
        for (int i = 0; i < body; i++) { lanes[i % 8] += x[i]; squares[i % 8] += x[i] * x[i]; }
        double Fold(double[] l) => (l[0] + l[4] + (l[1] + l[5])) + (l[2] + l[6] + (l[3] + l[7]));
        double sum = Fold(lanes), sum2 = Fold(squares);
        for (int i = body; i < n; i++) { sum += x[i]; sum2 += x[i] * x[i]; }
        Assert.Equal((sum, sum2), OnePassMoments.SumAndSumOfSquares(x, Parse(path)));
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths), MemberType = typeof(KernelPaths))]
    public void SgdUpdateIsTheScalarStepOnEveryPath(string path, int n)
    {
        double[] w = Values(n, 7), g = Values(n, 8), v = Values(n, 9);
        double[] w0 = (double[])w.Clone(), v0 = (double[])v.Clone();
        SgdOptimizer.Step(w, g, v, 0.1, 0.9, 1e-3, Parse(path));
        for (int i = 0; i < n; i++)
        {
            double gi = g[i] + 1e-3 * w0[i];
            double vi = 0.9 * v0[i] + gi;
            Assert.True(SameBits(vi, v[i]) && SameBits(w0[i] - 0.1 * vi, w[i]), $"element {i}");
        }
    }
}
