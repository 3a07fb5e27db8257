namespace WeightInit.Training;

/// <summary>
/// Settings of mini-batch stochastic gradient descent. Every setter checks its value and throws an
/// <see cref="ArgumentOutOfRangeException"/> naming the property.
/// </summary>
public sealed class TrainingOptions
{
    private double _learningRate = 0.01;
    private double _momentum;
    private double _weightDecay;
    private int _batchSize = 32;

    /// <summary>The step size eta; finite and positive. Default 0.01.</summary>
    public double LearningRate
    {
        get => _learningRate;
        init { Guard.FinitePositive(value, nameof(LearningRate)); _learningRate = value; }
    }

    /// <summary>
    /// The momentum coefficient mu in [0, 1) (heavy ball, in PyTorch's form v = mu v + g,
    /// w = w - eta v; Polyak, 1964; Sutskever et al., 2013). Default 0: plain SGD.
    /// </summary>
    public double Momentum
    {
        get => _momentum;
        init
        {
            Guard.FiniteNonNegative(value, nameof(Momentum));
            if (value >= 1)
                throw new ArgumentOutOfRangeException(nameof(Momentum), value, $"Momentum must be less than 1, but it is {value}.");
            _momentum = value;
        }
    }

    /// <summary>
    /// The L2 weight decay lambda >= 0, added to the weights' gradient as lambda w (not to the
    /// biases'). Default 0.
    /// </summary>
    public double WeightDecay
    {
        get => _weightDecay;
        init { Guard.FiniteNonNegative(value, nameof(WeightDecay)); _weightDecay = value; }
    }

    /// <summary>Samples per mini-batch; at least 1. Default 32. The last batch of an epoch may be smaller.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(BatchSize)); _batchSize = value; }
    }

    /// <summary>The seed of the shuffles that fix the batch order of every epoch. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"SGD(lr={LearningRate}, momentum={Momentum}, decay={WeightDecay}, batch={BatchSize}, seed={Seed})";
}
