using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Training;

/// <summary>
/// Batch normalization (Ioffe &amp; Szegedy 2015, "Batch Normalization: Accelerating Deep Network
/// Training by Reducing Internal Covariate Shift"): each feature j is normalized over the batch and
/// then scaled and shifted by learnable gamma_j and beta_j,
/// y = gamma (x - mu_B) / sqrt(sigma_B^2 + epsilon) + beta,
/// with mu_B and sigma_B^2 the batch mean and (biased, 1/B) variance of the feature.
/// </summary>
/// <remarks>
/// <para>Training mode uses the batch's statistics and needs at least 2 samples. After each training
/// step the trainer folds them into running statistics (Keras's convention for the momentum m):
/// running_mean = m running_mean + (1 - m) mu_B and running_var = m running_var + (1 - m) s_B^2,
/// where s_B^2 = sigma_B^2 B / (B - 1) is the unbiased batch variance (as in PyTorch, whose momentum
/// is 1 - m). Inference mode (evaluation, prediction) uses the running statistics, which start at
/// mean 0 and variance 1, as in PyTorch and Keras.</para>
/// <para>Backward, with x^ = (x - mu_B)/sqrt(sigma_B^2 + epsilon) and G = dLoss/dy:
/// dbeta = sum over the batch of G, dgamma = sum of G x^, and
/// dLoss/dx = gamma / (B sqrt(sigma_B^2 + epsilon)) (B G - dbeta - x^ dgamma).</para>
/// </remarks>
public sealed class BatchNormLayer : NormalizationLayer
{
    /// <summary>The default momentum of the running statistics, 0.9 (PyTorch's momentum 0.1).</summary>
    public const double DefaultMomentum = 0.9;

    private readonly double[] _runningMean, _runningVariance;
    private readonly double[] _batchMean, _batchVariance, _inverseStd, _columnA, _columnB, _columnC;
    private double[] _normalized = [];
    private int _batchCount;

    /// <summary>Creates a batch normalization with gamma = 1, beta = 0 and running statistics (0, 1).</summary>
    /// <param name="width">Features per sample; at least 1.</param>
    /// <param name="momentum">The running statistics' momentum m, in [0, 1); 0 keeps only the last batch.</param>
    /// <param name="epsilon">Added to the variance before the square root; finite and positive.</param>
    public BatchNormLayer(int width, double momentum = DefaultMomentum, double epsilon = DefaultEpsilon)
        : base(Widths.Check(width), CheckMomentum(momentum, epsilon))
    {
        Momentum = momentum;
        _runningMean = new double[width];
        _runningVariance = new double[width];
        _runningVariance.AsSpan().Fill(1);
        _batchMean = new double[width];
        _batchVariance = new double[width];
        _inverseStd = new double[width];
        _columnA = new double[width];
        _columnB = new double[width];
        _columnC = new double[width];
    }

    /// <summary>The momentum m of the running statistics.</summary>
    public double Momentum { get; }

    /// <summary>The running mean used in inference mode, one per feature.</summary>
    public ReadOnlySpan<double> RunningMean => _runningMean;

    /// <summary>The running (unbiased) variance used in inference mode, one per feature.</summary>
    public ReadOnlySpan<double> RunningVariance => _runningVariance;

    /// <inheritdoc/>
    public override BatchNormLayer Clone()
    {
        var copy = WithAffineOf(new BatchNormLayer(Width, Momentum, Epsilon));
        _runningMean.CopyTo(copy._runningMean, 0);
        _runningVariance.CopyTo(copy._runningVariance, 0);
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"BatchNorm({Width})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        int n = Width;
        if (!context.IsTraining)
        {
            // y = x s + t with s = gamma / sqrt(running_var + eps) and t = beta - running_mean s.
            for (int j = 0; j < n; j++)
            {
                _columnA[j] = _scale[j] / Math.Sqrt(_runningVariance[j] + Epsilon);
                _columnB[j] = _shift[j] - _runningMean[j] * _columnA[j];
            }
            for (int r = 0; r < count; r++)
            {
                var row = output.Slice(r * n, n);
                SimdMap.Run(new MultiplyAddOperator(), input.Slice(r * n, n), _columnA, _columnB, row);
            }
            return;
        }
        if (count < 2)
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Batch normalization in training mode needs at least 2 samples per batch (a batch of 1 has no " +
                    $"variance), but the batch has {count}.");
        SimdReduce.SumRows(input, count, _batchMean);
        for (int j = 0; j < n; j++) _batchMean[j] /= count;
        _batchVariance.AsSpan().Clear();
        for (int r = 0; r < count; r++)
        {
            SimdMap.Run(new AddSquaredDifference(), _batchVariance, input.Slice(r * n, n), _batchMean,
                _batchVariance);
        }
        for (int j = 0; j < n; j++)
        {
            _batchVariance[j] /= count;
            _inverseStd[j] = 1 / Math.Sqrt(_batchVariance[j] + Epsilon);
        }
        var normalized = Buffer(ref _normalized, count * n);
        for (int r = 0; r < count; r++)
        {
            var xhat = normalized.Slice(r * n, n);
            SimdMap.Run(new SubtractMultiply(), input.Slice(r * n, n), _batchMean, _inverseStd, xhat);
            SimdMap.Run(new MultiplyAddOperator(), xhat, _scale, _shift, output.Slice(r * n, n));
        }
        _batchCount = count;
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int n = Width;
        var normalized = _normalized.AsSpan(0, count * n);
        Span<double> scaleGradient = parameterGradients[0], shiftGradient = parameterGradients[1];
        SimdReduce.SumRows(outputGradient, count, shiftGradient);
        scaleGradient.Clear();
        for (int r = 0; r < count; r++)
        {
            SimdMap.Run(new MultiplyAddOperator(), outputGradient.Slice(r * n, n), normalized.Slice(r * n, n),
                scaleGradient, scaleGradient);
        }
        if (inputGradient.IsEmpty) return;
        // dx = A G + B + C x^ with A = gamma / sqrt(var + eps), B = -A dbeta / count, C = -A dgamma / count.
        for (int j = 0; j < n; j++)
        {
            double a = _scale[j] * _inverseStd[j];
            _columnA[j] = a;
            _columnB[j] = -a * shiftGradient[j] / count;
            _columnC[j] = -a * scaleGradient[j] / count;
        }
        for (int r = 0; r < count; r++)
        {
            var dx = inputGradient.Slice(r * n, n);
            SimdMap.Run(new MultiplyAddOperator(), normalized.Slice(r * n, n), _columnC, _columnB, dx);
            SimdMap.Run(new MultiplyAddOperator(), outputGradient.Slice(r * n, n), _columnA, dx, dx);
        }
    }

    /// <summary>Checks the momentum (before the base constructor, which checks epsilon); returns epsilon.</summary>
    private static double CheckMomentum(double momentum, double epsilon)
    {
        Guard.FiniteBelowOne(momentum);
        return epsilon;
    }

    internal override void CommitBatchStatistics()
    {
        if (_batchCount < 2) return;
        double m = Momentum, unbiased = (double)_batchCount / (_batchCount - 1);
        for (int j = 0; j < Width; j++)
        {
            _runningMean[j] = m * _runningMean[j] + (1 - m) * _batchMean[j];
            _runningVariance[j] = m * _runningVariance[j] + (1 - m) * _batchVariance[j] * unbiased;
        }
        _batchCount = 0;
    }

    /// <summary>(a - b) * c: the normalized x^ from a = x, b = the batch mean, c = 1 / sqrt(var + eps).</summary>
    internal readonly struct SubtractMultiply : IMapOperator
    {
        public static int Inputs => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            (a - b) * c;
    }

    /// <summary>a + (b - c)^2: a running sum of squared deviations from a = the sum, b = x, c = the mean.</summary>
    internal readonly struct AddSquaredDifference : IMapOperator
    {
        public static int Inputs => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
        {
            var d = b - c;
            return a + d * d;
        }
    }
}
