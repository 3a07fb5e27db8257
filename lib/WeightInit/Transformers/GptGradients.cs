using WeightInit.Kernels;
namespace WeightInit.Transformers;

/// <summary>
/// The gradient of a loss with respect to every parameter of a <see cref="GptModel"/>: one array per entry of
/// <see cref="GptModel.Parameters"/>, shaped like it. With tied embeddings the token embedding's gradient holds both
/// its parts (embedding and readout).
/// </summary>
public sealed class GptGradients
{
    private readonly double[][] _arrays;

    internal GptGradients(GptModel model) => _arrays = [.. model.Parameters.Select(p => new double[p.Length])];

    /// <summary>The number of parameter arrays.</summary>
    public int Count => _arrays.Length;

    /// <summary>The gradient of parameter <paramref name="parameter"/> of <see cref="GptModel.Parameters"/>.</summary>
    /// <param name="parameter">The parameter's index.</param>
    /// <returns>The gradient, shaped like the parameter.</returns>
    public ReadOnlySpan<double> Gradient(int parameter)
    {
        Guard.Index(parameter, _arrays.Length);
        return _arrays[parameter];
    }

    /// <summary>
    /// The Euclidean norm of the whole gradient, sqrt(sum of g^2) over every parameter (summed in parameter order).
    /// </summary>
    /// <returns>The norm.</returns>
    public double Norm()
    {
        double sum = 0;
        foreach (var array in _arrays) sum += SimdReduce.Sum(new MultiplyOperator(), array, array, default);
        return Math.Sqrt(sum);
    }

    internal double[][] Arrays => _arrays;

    /// <summary>Multiplies every gradient by <paramref name="factor"/> (gradient clipping).</summary>
    internal void Scale(double factor)
    {
        foreach (var array in _arrays)
            SimdMap.Run(new ScaleOperator(factor), array, default, default, array);
    }

    /// <summary>Throws unless these gradients are shaped like <paramref name="model"/>'s parameters.</summary>
    internal void CheckShape(GptModel model, string paramName)
    {
        var parameters = model.Parameters;
        bool matches = parameters.Count == _arrays.Length;
        for (int i = 0; matches && i < parameters.Count; i++) matches = parameters[i].Length == _arrays[i].Length;
        if (!matches)
            throw new ArgumentException("gradients must be shaped like this model's parameters; create them with " +
                "CreateGradients().", paramName);
    }
}
