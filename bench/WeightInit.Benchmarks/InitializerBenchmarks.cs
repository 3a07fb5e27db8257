namespace WeightInit.Benchmarks;

/// <summary>
/// Time to fill one 512 x 512 weight matrix (the article's layer) with each initializer, double and float,
/// median of 7 runs after a warm-up; Melem/s in brackets.
/// </summary>
internal static class InitializerBenchmarks
{
    private const int Width = 512;
    private const int Repetitions = 7;

    public static void Run(string[] _)
    {
        int[] shape = [Width, Width];
        var d = new double[Width * Width];
        var f = new float[Width * Width];
        var random = new RandomSource(1);
        var initializers = new IWeightInitializer[]
        {
            Init.Zeros(), Init.Uniform(-1, 1), Init.Normal(), Init.TruncatedNormal(), Init.XavierNormal(),
                Init.XavierUniform(),
            Init.HeNormal(), Init.HeUniform(), Init.LeCunNormal(), Init.KerasGlorotNormal(), Init.SimpleUniform(),
            Init.Sparse(0.9), Init.Eye(), Init.Orthogonal(),
        };
        Console.WriteLine($"{Width} x {Width}; median of {Repetitions}; ms (Melem/s)");
        Console.WriteLine($"{"initializer",-62} {"double",18} {"float",18}");
        foreach (var init in initializers)
        {
            double td = Harness.MedianSeconds(() => init.Fill(d, shape, random), Repetitions);
            double tf = Harness.MedianSeconds(() => init.Fill(f, shape, random), Repetitions);
            Console.WriteLine($"{init.Name,-62} {Cell(td),18} {Cell(tf),18}");
        }
    }

    private static string Cell(double seconds) => $"{seconds * 1e3:F2} ({Width * Width / seconds / 1e6:F0})";
}
