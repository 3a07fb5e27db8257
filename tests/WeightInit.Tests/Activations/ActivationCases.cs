namespace WeightInit.Tests.Activations;

/// <summary>The activations under test, by a readable key, and shared inputs and comparisons.</summary>
public static class ActivationCases
{
    /// <summary>Every default instance plus non-default parameters of the parametrized ones.</summary>
    public static readonly IReadOnlyDictionary<string, Activation> ByKey = new Dictionary<string, Activation>
    {
        ["Identity"] = Activation.Identity,
        ["Sigmoid"] = Activation.Sigmoid,
        ["Tanh"] = Activation.Tanh,
        ["ReLU"] = Activation.ReLU,
        ["LeakyReLU"] = Activation.LeakyReLU,
        ["LeakyReLU(0.2)"] = Activation.CreateLeakyReLU(0.2),
        ["ELU"] = Activation.Elu,
        ["ELU(0.5)"] = Activation.CreateElu(0.5),
        ["SELU"] = Activation.Selu,
        ["GELU"] = Activation.Gelu,
        ["Swish"] = Activation.Swish,
        ["Swish(1.7)"] = Activation.CreateSwish(1.7),
    };

    public static TheoryData<string> Keys => new(ByKey.Keys);

    public static readonly int[] Lengths = [0, 1, 7, 15, 16, 17, 1000];

    public static TheoryData<string, int> KeysAndLengths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var key in ByKey.Keys)
                foreach (int n in Lengths) data.Add(key, n);
            return data;
        }
    }

    /// <summary>
    /// n inputs: a fixed part (0, +-0, values around the kinks, tails out to +-40) followed by seeded
    /// N(0, 4^2) draws, so every length mixes both.
    /// </summary>
    public static double[] Inputs(int n)
    {
        double[] fixedPart =
        [
            0.0, -0.0, 1e-300, -1e-300, 1e-10, -1e-10, 0.3, -0.3, 0.49, -0.51, 1.0, -1.0, 2.5, -2.5, -0.7517916,
            -1.2784645, 5.0, -5.0, 9.0, -9.0, 17.5, -17.5, 25.0, -25.0, 39.0, -39.0, 120.0, -120.0,
        ];
        var x = new double[n];
        var random = new RandomSource(20261129);
        for (int i = 0; i < n; i++) x[i] = i < fixedPart.Length ? fixedPart[i] : 4.0 * random.NextStandardNormal();
        return x;
    }

    public static float[] ToFloats(double[] x) => Array.ConvertAll(x, v => (float)v);

    /// <summary>Distance in units in the last place between two doubles (0 for +0 and -0, for two NaNs).</summary>
    public static double UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) && double.IsNaN(b)) return 0;
        if (double.IsNaN(a) || double.IsNaN(b)) return double.PositiveInfinity;
        long ia = Ordered(BitConverter.DoubleToInt64Bits(a)), ib = Ordered(BitConverter.DoubleToInt64Bits(b));
        return (double)Int128.Abs((Int128)ia - ib);

        static long Ordered(long bits) => bits < 0 ? long.MinValue - bits : bits;
    }

    /// <inheritdoc cref="UlpDistance(double, double)"/>
    public static double UlpDistance(float a, float b)
    {
        if (float.IsNaN(a) && float.IsNaN(b)) return 0;
        if (float.IsNaN(a) || float.IsNaN(b)) return double.PositiveInfinity;
        int ia = Ordered(BitConverter.SingleToInt32Bits(a)), ib = Ordered(BitConverter.SingleToInt32Bits(b));
        return Math.Abs((double)ia - ib);

        static int Ordered(int bits) => bits < 0 ? int.MinValue - bits : bits;
    }

    /// <summary>
    /// The agreement asked of f values: within <paramref name="ulps"/> units in the last place.
    /// </summary>
    public static void Close(double expected, double actual, double ulps, string what) =>
        Assert.True(UlpDistance(expected, actual) <= ulps,
            $"{what}: expected {expected:R}, got {actual:R} ({UlpDistance(expected, actual)} ulps)");

    /// <inheritdoc cref="Close(double, double, double, string)"/>
    public static void Close(float expected, float actual, double ulps, string what) =>
        Assert.True(UlpDistance(expected, actual) <= ulps,
            $"{what}: expected {expected:R}, got {actual:R} ({UlpDistance(expected, actual)} ulps)");

    /// <summary>
    /// The agreement asked of f' values: within <paramref name="ulps"/> ulps, or within
    /// <paramref name="ulps"/> ulps of 1 absolutely. The absolute arm is needed where f' is a difference
    /// of O(1) terms and crosses zero (Swish near x = -1.28, GELU near x = -0.75), where any
    /// implementation has only absolute accuracy.
    /// </summary>
    public static void CloseDerivative(double expected, double actual, double ulps, string what) =>
        Assert.True(UlpDistance(expected, actual) <= ulps || Math.Abs(expected - actual) <= ulps * Math.Pow(2, -52),
            $"{what}: expected {expected:R}, got {actual:R} ({UlpDistance(expected, actual)} ulps)");

    /// <inheritdoc cref="CloseDerivative(double, double, double, string)"/>
    public static void CloseDerivative(float expected, float actual, double ulps, string what) =>
        Assert.True(UlpDistance(expected, actual) <= ulps || Math.Abs(expected - actual) <= ulps * Math.Pow(2, -23),
            $"{what}: expected {expected:R}, got {actual:R} ({UlpDistance(expected, actual)} ulps)");
}
