namespace WeightInit.Theory;

/// <summary>The settings of <see cref="Lsuv"/>; the defaults are those of Mishkin &amp; Matas (2015).</summary>
public sealed record LsuvOptions
{
    /// <summary>The default tolerance Tol_var: 0.1.</summary>
    public const double DefaultTolerance = 0.1;

    /// <summary>The default iteration budget T_max per layer: 10.</summary>
    public const int DefaultMaxIterations = 10;

    /// <summary>Stop rescaling a layer once |Var - 1| &lt; Tolerance; in (0, 1) (default 0.1).</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>At most this many rescalings per layer; at least 1 (default 10).</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>Which output is normalized (default: the pre-activation).</summary>
    public LsuvTarget Target { get; init; } = LsuvTarget.PreActivation;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the option that breaks its rule.</summary>
    public void Validate()
    {
        if (!(Tolerance > 0 && Tolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance,
                $"{nameof(Tolerance)} must be in (0, 1), but it is {Tolerance}.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations);
        Guard.Defined(Target);
    }
}
