using WeightInit.Tests.Initializers;

namespace WeightInit.Tests.Support;

/// <summary>
/// The numeric API is generic over float and double; any other element type (Half, which satisfies the
/// constraints) gets a <see cref="NotSupportedException"/> that names it, from every generic entry point.
/// </summary>
public class ElementTypeTests
{
    private static readonly Half[] A = new Half[4], B = new Half[4], C = new Half[4];

    private static void AssertNotSupported(Action call) =>
        Assert.Contains("Half", Assert.Throws<NotSupportedException>(call).Message);

    [Fact]
    public void MatrixProductsSupportFloatAndDoubleOnly()
    {
        AssertNotSupported(() => MatrixMultiply.MultiplyTransposed<Half>(A, B, C, 2, 2, 2));
        AssertNotSupported(() => MatrixMultiply.Multiply<Half>(A, B, C, 2, 2, 2));
        AssertNotSupported(() => MatrixMultiply.TransposeMultiply<Half>(A, B, C, 2, 2, 2));
    }

    [Fact]
    public void RandomFillsSupportFloatAndDoubleOnly()
    {
        var random = new RandomSource(1);
        AssertNotSupported(() => random.FillUniform<Half>(A, 0, 1));
        AssertNotSupported(() => random.FillNormal<Half>(A, 0, 1));
        AssertNotSupported(() => random.FillTruncatedNormal<Half>(A, 0, 1, -2, 2));
    }

    public static TheoryData<string> Initializers
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in DistributionCases.All) data.Add(c.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Initializers))]
    public void EveryInitializerSupportsFloatAndDoubleOnly(string name)
    {
        var c = DistributionCases.Get(name);
        var weights = new Half[c.Shape.Aggregate(1, (a, b) => a * b)];
        AssertNotSupported(() => c.Initializer.Fill<Half>(weights, c.Shape, new RandomSource(1)));
    }

    [Fact]
    public void StructuredInitializersSupportFloatAndDoubleOnly()
    {
        var weights = new Half[2 * 2 * 3];
        foreach (var init in new IWeightInitializer[] { Init.Zeros(), Init.Ones(), Init.Constant(2), Init.Eye(),
            Init.Dirac(), Init.Orthogonal(), Init.Sparse(0.5) })
            AssertNotSupported(() => init.Fill<Half>(weights, [2, 2, 3], new RandomSource(1)));
    }

    [Fact]
    public void ActivationSpansSupportFloatAndDoubleOnly()
    {
        AssertNotSupported(() => Activation.Tanh.Apply<Half>(A, C));
        AssertNotSupported(() => Activation.Tanh.Derivative<Half>(A, C));
        AssertNotSupported(() => Activation.Tanh.ApplyWithDerivative<Half>(A, B, C));
    }

    [Fact]
    public void StatisticsSupportFloatAndDoubleOnly()
    {
        Half[] one = [Half.One, Half.Zero];
        AssertNotSupported(() => SampleMoments.Of<Half>(one));
        AssertNotSupported(() => FixedBinHistogram.Of<Half>(one, 0, 1, 2));
        AssertNotSupported(() => KolmogorovSmirnov.TwoSampleStatistic<Half>(one, one));
    }
}
