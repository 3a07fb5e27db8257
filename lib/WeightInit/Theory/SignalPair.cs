namespace WeightInit.Theory;

/// <summary>
/// The mean-field state of two inputs a and b at one layer: the lengths q^a = E[h_a^2], q^b = E[h_b^2]
/// of their pre-activations (mean over units) and the correlation c = q^{ab} / sqrt(q^a q^b).
/// </summary>
/// <param name="Length1">q^a, non-negative.</param>
/// <param name="Length2">q^b, non-negative.</param>
/// <param name="Correlation">c, in [-1, 1].</param>
public readonly record struct SignalPair(double Length1, double Length2, double Correlation);
