namespace WeightInit.Simulation;

/// <summary>The floating-point type a simulation computes in (weights, activations and products).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members are named after the IEEE types they select, System.Single and System.Double.")]
public enum FloatPrecision
{
    /// <summary>IEEE 754 binary32 (<see cref="float"/>): largest finite value about 3.4e38, smallest subnormal about
    /// 1.4e-45.</summary>
    Single,

    /// <summary>IEEE 754 binary64 (<see cref="double"/>): largest finite value about 1.8e308, smallest subnormal about
    /// 4.9e-324.</summary>
    Double,
}
