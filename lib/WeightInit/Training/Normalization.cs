namespace WeightInit.Training;

/// <summary>The normalization layer a network builder puts after each hidden dense layer (<see cref="Network.Create"/>,
/// <see cref="ResidualNetwork"/>).</summary>
public enum Normalization
{
    /// <summary>None: dense layers with their activation.</summary>
    None,

    /// <summary>Batch normalization (<see cref="BatchNormLayer"/>) between each dense layer and its
    /// activation.</summary>
    BatchNorm,

    /// <summary>Layer normalization (<see cref="LayerNormLayer"/>) between each dense layer and its
    /// activation.</summary>
    LayerNorm,
}
