namespace WeightInit.Training;

/// <summary>The checks a chain of layers must pass (networks and residual branches).</summary>
internal static class NetworkValidation
{
    /// <summary>No null layer, and each layer's input width equals the previous layer's output width.</summary>
    public static void CheckChain(Layer[] layers, string paramName)
    {
        for (int l = 0; l < layers.Length; l++)
        {
            if (layers[l] is null)
                throw new ArgumentException($"Layer {l} is null.", paramName);
            if (l > 0 && layers[l].InputWidth != layers[l - 1].OutputWidth)
                throw new ArgumentException(
                    $"Layer {l} takes {layers[l].InputWidth} inputs, but layer {l - 1} gives " +
                        $"{layers[l - 1].OutputWidth} outputs.", paramName);
        }
    }

    /// <summary>No layer object appears twice anywhere in the tree (inside residual blocks too): every layer needs its
    /// own parameters and buffers.</summary>
    public static void CheckDistinct(Layer[] layers, string paramName)
    {
        var seen = new Dictionary<Layer, string>(ReferenceEqualityComparer.Instance);
        void Visit(Layer layer, string where)
        {
            if (!seen.TryAdd(layer, where))
                throw new ArgumentException($"Layer {seen[layer]} and layer {where} are the same object; every layer " +
                    $"needs its own parameters.", paramName);
            var inner = layer.Sublayers;
            for (int i = 0; i < inner.Count; i++) Visit(inner[i], $"{where}.{i}");
        }
        for (int l = 0; l < layers.Length; l++) Visit(layers[l],
            l.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
