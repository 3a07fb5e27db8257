namespace WeightInit.Theory;

/// <summary>
/// The phase of a deep random network in mean-field theory, by the slope chi_1 of the correlation map
/// at c = 1 (Poole et al. 2016; Schoenholz et al. 2017).
/// </summary>
public enum MeanFieldPhase
{
    /// <summary>chi_1 &lt; 1: nearby inputs converge to one point (c* = 1) and gradients vanish as chi_1^L.</summary>
    Ordered,

    /// <summary>chi_1 = 1 (within 1e-9): the edge of chaos, where both depth scales can diverge.</summary>
    Critical,

    /// <summary>chi_1 &gt; 1: nearby inputs decorrelate towards c* &lt; 1 and gradients explode as chi_1^L.</summary>
    Chaotic,
}
