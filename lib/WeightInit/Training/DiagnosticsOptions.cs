using WeightInit.Activations;

namespace WeightInit.Training;

/// <summary>
/// What the <see cref="Trainer"/> records about a run when <see cref="TrainingOptions.Diagnostics"/> is set
/// (the pictures of Karpathy's "Building makemore Part 3: Activations &amp; Gradients, BatchNorm", 2022):
/// on every <see cref="Interval"/>-th step, per activation site, fixed-bin histograms of the
/// pre-activations, the activations and the gradients with respect to the activations, the saturated
/// and dead fractions, and per weight matrix the gradient-to-data ratio; on every step, per weight
/// matrix, the update-to-data ratio. See <see cref="TrainingDiagnostics"/>.
/// Every setter checks its value and throws an <see cref="ArgumentOutOfRangeException"/> naming the property.
/// </summary>
public sealed class DiagnosticsOptions
{
    private int _interval = 10;
    private int _bins = 40;
    private double _saturationThreshold = Saturation.DefaultThreshold;

    /// <summary>
    /// Record the histograms, fractions and gradient-to-data ratios on steps 0, k, 2k, ... (counted
    /// from the trainer's first step); at least 1. Default 10.
    /// </summary>
    public int Interval
    {
        get => _interval;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Interval)); _interval = value; }
    }

    /// <summary>Bins of every histogram, spread evenly from the smallest to the largest finite value; at least 2.
    /// Default 40.</summary>
    public int Bins
    {
        get => _bins;
        init { ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(Bins)); _bins = value; }
    }

    /// <summary>
    /// The threshold t of <see cref="Saturation"/>'s rule, in (0, 1): a unit is saturated where its slope |f'(z)| is
    /// below (1 - t^2) |f'(0)|, which for tanh is exactly |tanh(z)| &gt; t; default
    /// <see cref="Saturation.DefaultThreshold"/>
    /// (Karpathy's 0.97). ReLU is never counted as saturated; see the dead fraction instead. The same option as
    /// <see cref="Simulation.SimulationOptions.SaturationThreshold"/>.
    /// </summary>
    public double SaturationThreshold
    {
        get => _saturationThreshold;
        init
        {
            Saturation.CheckThreshold(value, nameof(SaturationThreshold));
            _saturationThreshold = value;
        }
    }
}
