using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// Draws from N(mean, std^2) restricted to [low, high] (absolute bounds, as PyTorch's
/// <c>trunc_normal_</c>). Exact methods only, chosen by where the standardized interval
/// (alpha, beta) = ((low - mean)/std, (high - mean)/std) lies:
/// <list type="bullet">
/// <item>The interval is first reflected, if needed, so that a + b &gt;= 0 for the sampled (a, b); the
/// draw is negated back. All tail work then happens in the upper tail, where the upper-tail
/// probability Q(x) = erfc(x/sqrt 2)/2 keeps full relative precision.</item>
/// <item>a &lt; 25: inversion. q = Q(a) - U (Q(a) - Q(b)) with U uniform on [0, 1), then z = -Phi^-1(q)
/// (Wichura's AS 241; <see cref="StandardNormal.Quantile"/>). Q(a) and Q(b) are computed once per call
/// with <see cref="StandardNormal.UpperTail(double)"/>.</item>
/// <item>a &gt;= 25 (beyond the reach of Q in double): accept-reject of Robert (1995, "Simulation of
/// truncated normal variables", Statistics and Computing 5, 121-125): an exponential proposal
/// a + Exp(lambda), lambda = (a + sqrt(a^2 + 4))/2, accepted with probability exp(-(z - lambda)^2/2) and
/// z &lt;= b; or, for a narrow interval (lambda (b - a) &lt; 1), a uniform proposal on [a, b] accepted with
/// probability exp(-(z^2 - a^2)/2). Both accept with probability above 1/3. The exponentials are compared in
/// log form with <see cref="SimdMath.Log(double)"/>.</item>
/// </list>
/// The result is clamped to [low, high] (only rounding can step out), so the bounds hold exactly.
/// </summary>
internal sealed class TruncatedNormalSampler
{
    /// <summary>From this standardized lower bound on, the sampler switches from inversion to rejection.</summary>
    public const double RejectionThreshold = 25.0;

    private readonly double _mean, _std, _low, _high, _sign, _a, _b, _qa, _qWidth, _lambda;
    private readonly bool _rejection, _uniformProposal;

    public TruncatedNormalSampler(double mean, double std, double low, double high)
    {
        _mean = mean;
        _std = std;
        _low = low;
        _high = high;
        if (std == 0)
            return;
        double alpha = (low - mean) / std, beta = (high - mean) / std;
        if (alpha + beta >= 0)
        {
            _sign = 1; _a = alpha; _b = beta;
        }
        else
        {
            _sign = -1; _a = -beta; _b = -alpha;
        }
        if (_a >= RejectionThreshold)
        {
            _rejection = true;
            _lambda = 0.5 * (_a + Math.Sqrt(_a * _a + 4.0));
            _uniformProposal = _lambda * (_b - _a) < 1.0;
        }
        else
        {
            _qa = StandardNormal.UpperTail(_a);
            _qWidth = _qa - StandardNormal.UpperTail(_b);
        }
    }

    /// <summary>One draw, using <paramref name="random"/> for the uniform variates.</summary>
    public double Sample(RandomSource random)
    {
        if (_std == 0)
            return Math.Clamp(_mean, _low, _high);
        double z = _rejection ? SampleTail(random) : SampleByInversion(random);
        z = Math.Clamp(z, _a, _b);
        double x = Math.FusedMultiplyAdd(_sign * z, _std, _mean);
        return Math.Clamp(x, _low, _high);
    }

    private double SampleByInversion(RandomSource random)
    {
        double q = Math.FusedMultiplyAdd(-random.NextDouble(), _qWidth, _qa);
        return -StandardNormal.Quantile(q);
    }

    private double SampleTail(RandomSource random)
    {
        while (true)
        {
            double z, logAcceptance;
            if (_uniformProposal)
            {
                z = Math.FusedMultiplyAdd(random.NextDouble(), _b - _a, _a);
                logAcceptance = -0.5 * (z - _a) * (z + _a);
            }
            else
            {
                z = _a - SimdMath.Log(OpenUnit(random)) / _lambda;
                if (z > _b)
                    continue;
                logAcceptance = -0.5 * (z - _lambda) * (z - _lambda);
            }
            if (SimdMath.Log(OpenUnit(random)) <= logAcceptance)
                return z;
        }
    }

    private static double OpenUnit(RandomSource random) => 1.0 - random.NextDouble(); // (0, 1]
}
