namespace WeightInit.Initializers;

/// <summary>The three variance-scaling schemes of the modern recommendation table
/// (<see cref="InitializationAdvice"/>).</summary>
public enum InitializationScheme
{
    /// <summary>Glorot (Xavier): variance 1 / fan_avg (Glorot &amp; Bengio 2010).</summary>
    Glorot,

    /// <summary>He (Kaiming): variance 2 / fan_in (He et al. 2015).</summary>
    He,

    /// <summary>LeCun: variance 1 / fan_in (LeCun et al. 1998; Klambauer et al. 2017 for SELU).</summary>
    LeCun,
}
