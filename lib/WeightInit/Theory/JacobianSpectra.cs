using MathNet.Numerics.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Theory;

/// <summary>
/// The singular values of a deep network's input-output Jacobian J_l = D_l W_l ... D_1 W_1 layer by layer, at one
/// input: the mean squared singular value after every layer and all singular values at chosen depths, for a dense
/// network (<see cref="InputOutputJacobian"/>) or a convolutional one (<see cref="ConvolutionalJacobian"/>).
/// Dynamical isometry (Saxe, McClelland &amp; Ganguli 2013; Pennington, Schoenholz &amp; Ganguli 2017) is every
/// singular value near 1 at any depth.
/// </summary>
/// <remarks>
/// Both build J as an n x n matrix layer by layer and rescale it to unit mean squared singular value after every
/// layer, the scale kept as a logarithm, so nothing overflows over thousands of layers. The singular values are
/// MathNet.Numerics' SVD of the rescaled J (about 0.2 s at n = 512), scaled back; SVD in double resolves singular
/// values down to about 1e-16 times the largest, so smaller ones are rounding. The input is a random direction
/// (stream 0 of <see cref="JacobianOptions.Seed"/>) scaled so that the first layer's pre-activations have length
/// <see cref="InputLength"/> in expectation: |x_0|^2 / n = (q^1 - sigma_b^2) / sigma_w^2.
/// </remarks>
public abstract class JacobianSpectra
{
    private readonly double[] _logMeanSquares, _lengths;
    private readonly Dictionary<int, double[]> _spectra = [];
    private readonly HashSet<int> _spectrumDepths;
    private double _logScale;

    private protected JacobianSpectra(JacobianOptions options, MeanFieldModel model, int depth)
    {
        Options = options;
        options.Validate(model.BiasVariance, depth);
        InputLength = options.InputLength ?? DefaultInputLength(model);
        _spectrumDepths = [.. options.SpectrumDepths ?? [depth]];
        _logMeanSquares = new double[depth];
        _lengths = new double[depth];
        LogMeanSquaredSingularValues = Array.AsReadOnly(_logMeanSquares);
        PreActivationLengths = Array.AsReadOnly(_lengths);
    }

    /// <summary>The input length, spectrum depths and seed asked for.</summary>
    public JacobianOptions Options { get; }

    /// <summary>q^1 as used: <see cref="JacobianOptions.InputLength"/>, or the fixed point q* of the network's
    /// mean-field model when it is positive, or 1 (or sigma_b^2 if larger).</summary>
    public double InputLength { get; }

    /// <summary>ln(tr(J_l^T J_l) / n) for l = 1..L (element l - 1): the log of the mean squared singular value after l
    /// layers.</summary>
    public IReadOnlyList<double> LogMeanSquaredSingularValues { get; }

    /// <summary>tr(J_l^T J_l) / n for l = 1..L (0 or infinity where beyond double's range; see
    /// <see cref="LogMeanSquaredSingularValues"/>).</summary>
    public IReadOnlyList<double> MeanSquaredSingularValues => LogMeanSquaredSingularValues.Select(Math.Exp).ToArray();

    /// <summary>The measured length |h_l|^2 / n of every layer's pre-activations, l = 1..L (element l - 1).</summary>
    public IReadOnlyList<double> PreActivationLengths { get; }

    /// <summary>The depths whose spectrum was computed, ascending.</summary>
    public IReadOnlyList<int> SpectrumDepths => _spectra.Keys.Order().ToArray();

    /// <summary>All n singular values of J after <paramref name="depth"/> layers, descending.</summary>
    /// <param name="depth">One of <see cref="SpectrumDepths"/>.</param>
    /// <returns>A copy of the singular values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The spectrum at that depth was not computed.</exception>
    public double[] SingularValues(int depth) => _spectra.TryGetValue(depth, out var s)
        ? (double[])s.Clone()
        : throw new ArgumentOutOfRangeException(nameof(depth), depth,
            $"The spectrum was computed at depths {string.Join(", ", SpectrumDepths)} only.");

    /// <summary>Fills <paramref name="x"/> with the input: stream 0 of the seed, scaled to the first layer's length
    /// <see cref="InputLength"/> (see the remarks).</summary>
    private protected void DrawInput(Span<double> x, MeanFieldModel model)
    {
        new RandomSource(Options.Seed).Fork(0).FillNormal(x, 0, 1);
        Rescale(x, Math.Sqrt(x.Length * Math.Max(0, InputLength - model.BiasVariance) / model.WeightVariance) /
            Math.Sqrt(GaussianExpectation.Dot(x, x)));
    }

    /// <summary>
    /// Records layer <paramref name="layer"/>: the length of its pre-activations <paramref name="h"/>, and the mean
    /// squared singular value of <paramref name="jacobian"/> (n x n, row-major: J_l or its transpose, times the scale
    /// of the layers before), which it then rescales in place to 1; the spectrum when the depth was asked for.
    /// </summary>
    /// <exception cref="InvalidOperationException">The mean square is 0 or not finite.</exception>
    private protected void Record(int layer, ReadOnlySpan<double> h, double[] jacobian, int n)
    {
        _lengths[layer - 1] = GaussianExpectation.Dot(h, h) / h.Length;
        double meanSquare = GaussianExpectation.Dot(jacobian, jacobian) / n;
        if (meanSquare == 0 || !double.IsFinite(meanSquare))
            throw new InvalidOperationException($"The Jacobian's mean squared singular value is {meanSquare} " +
                $"after layer {layer}: every unit's derivative is 0 (or the values are not finite).");
        _logScale += Math.Log(meanSquare);
        _logMeanSquares[layer - 1] = _logScale;
        Rescale(jacobian, 1 / Math.Sqrt(meanSquare));
        if (_spectrumDepths.Contains(layer)) _spectra[layer] = SingularValues(jacobian, n, Math.Exp(_logScale / 2));
    }

    /// <summary>q* of the model when it is positive, otherwise 1 (or sigma_b^2 if larger).</summary>
    private static double DefaultInputLength(MeanFieldModel model)
    {
        var fixedPoint = model.FindLengthFixedPoint();
        return fixedPoint.Exists && fixedPoint.Length > 0 ? fixedPoint.Length : Math.Max(1, model.BiasVariance);
    }

    /// <summary>The singular values of the n x n row-major matrix, times <paramref name="scale"/>,
    /// descending.</summary>
    private static double[] SingularValues(double[] matrix, int n, double scale)
    {
        // Read as column-major, the data are the transpose, which has the same singular values.
        var m = Matrix<double>.Build.Dense(n, n, (double[])matrix.Clone());
        var s = m.Svd(computeVectors: false).S.ToArray();
        for (int i = 0; i < s.Length; i++) s[i] *= scale;
        Array.Sort(s, (a, b) => b.CompareTo(a));
        return s;
    }

    private static void Rescale(Span<double> values, double factor)
    {
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
    }
}
