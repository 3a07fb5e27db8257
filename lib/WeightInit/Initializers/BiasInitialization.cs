namespace WeightInit.Initializers;

/// <summary>How <see cref="BiasInitializer"/> fills a layer's biases.</summary>
public enum BiasInitialization
{
    /// <summary>b = 0, the usual choice: the random weights already break the symmetry between units.</summary>
    Zeros,

    /// <summary>
    /// b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's default for nn.Linear and nn.ConvNd biases
    /// (0 when fan_in is 0).
    /// </summary>
    PyTorchLinearDefault,
}
