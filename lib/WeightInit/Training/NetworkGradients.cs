using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// The gradient of a loss with respect to every parameter of a <see cref="Network"/>: one array per
/// entry of <see cref="Network.Parameters"/>, with that parameter's shape. "Layer l" here is dense
/// layer l of <see cref="Network.DenseLayers"/> (for a network of dense layers only, its layer l).
/// </summary>
public sealed class NetworkGradients
{
    private readonly double[][] _arrays;
    private readonly (int Weights, int Biases, int FanIn, int FanOut)[] _dense;

    internal NetworkGradients(Network network)
    {
        var parameters = network.Parameters;
        _arrays = [.. parameters.Select(p => new double[p.Length])];
        var index = new Dictionary<Parameter, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < parameters.Count; i++) index[parameters[i]] = i;
        _dense = [.. network.DenseLayers.Select(d =>
            (index[d.Parameters[0]], index[d.Parameters[1]], d.InputWidth, d.OutputWidth))];
    }

    /// <summary>The number of dense layers (weight matrices).</summary>
    public int LayerCount => _dense.Length;

    /// <summary>The number of parameter arrays (the length of <see cref="Network.Parameters"/>).</summary>
    public int ParameterArrayCount => _arrays.Length;

    /// <summary>dL/dW of dense layer <paramref name="layer"/>, (out, in) row-major.</summary>
    /// <param name="layer">The dense layer's index.</param>
    /// <returns>The gradient.</returns>
    public ReadOnlySpan<double> WeightGradient(int layer) => _arrays[_dense[CheckLayer(layer)].Weights];

    /// <summary>dL/db of dense layer <paramref name="layer"/>.</summary>
    /// <param name="layer">The dense layer's index.</param>
    /// <returns>The gradient.</returns>
    public ReadOnlySpan<double> BiasGradient(int layer) => _arrays[_dense[CheckLayer(layer)].Biases];

    /// <summary>The gradient of parameter <paramref name="parameter"/> of <see cref="Network.Parameters"/>.</summary>
    /// <param name="parameter">The parameter's index.</param>
    /// <returns>The gradient, shaped like the parameter.</returns>
    public ReadOnlySpan<double> Gradient(int parameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, _arrays.Length);
        return _arrays[parameter];
    }

    /// <summary>Per-layer statistics of this gradient (norm, mean and std of dL/dW; norm of dL/db), one per dense
    /// layer.</summary>
    /// <returns>One entry per dense layer, input side first.</returns>
    public IReadOnlyList<LayerGradientStatistics> Statistics()
    {
        var result = new LayerGradientStatistics[LayerCount];
        for (int l = 0; l < LayerCount; l++)
        {
            var (weights, biases, fanIn, fanOut) = _dense[l];
            var (norm, mean, std) = NormMeanStd(_arrays[weights]);
            var (biasNorm, _, _) = NormMeanStd(_arrays[biases]);
            result[l] = new LayerGradientStatistics(l, fanIn, fanOut, norm, mean, std, biasNorm);
        }
        return result;
    }

    internal double[][] Arrays => _arrays;

    /// <summary>
    /// The Euclidean norm, the mean and the population standard deviation of <paramref name="x"/>, from the
    /// library's one overflow-safe mean/std (<see cref="ScaledMoments"/>): norm = sqrt(n) RMS.
    /// Non-finite values make every result NaN; an empty span gives zeros.
    /// </summary>
    internal static (double Norm, double Mean, double Std) NormMeanStd(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return (0, 0, 0);
        var m = ScaledMoments.Of(x);
        if (m.Count < x.Length) return (double.NaN, double.NaN, double.NaN);
        return (Math.Sqrt(x.Length) * m.RootMeanSquare, m.Mean, m.PopulationStd);
    }

    /// <summary>Throws unless these gradients have one array per parameter of <paramref name="network"/>, of the same
    /// lengths.</summary>
    /// <param name="network">The network the gradients are for.</param>
    /// <param name="paramName">The caller's name for these gradients, named in the exception.</param>
    internal void CheckShape(Network network, string paramName)
    {
        var parameters = network.Parameters;
        bool matches = parameters.Count == _arrays.Length && network.DenseLayers.Count == _dense.Length;
        for (int i = 0; matches && i < parameters.Count; i++) matches = parameters[i].Length == _arrays[i].Length;
        if (!matches)
            throw new ArgumentException("gradients must be shaped like this network's parameters; create them with " +
                "CreateGradients().", paramName);
    }

    private int CheckLayer(int layer)
    {
        Guard.Index(layer, LayerCount);
        return layer;
    }
}
