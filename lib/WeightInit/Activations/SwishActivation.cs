using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// Swish f(x) = x sigmoid(b x) (b = <see cref="Beta"/>, 1 by default, which is SiLU), with
/// f'(x) = s + b x s (1 - s) where s = sigmoid(b x). Ramachandran, Zoph &amp; Le (2017, "Searching for
/// Activation Functions"); the b = 1 case is the SiLU of Elfwing, Uchibe &amp; Doya (2018, "Sigmoid-Weighted
/// Linear Units for Neural Network Function Approximation in Reinforcement Learning"), PyTorch's nn.SiLU.
/// </summary>
/// <remarks>
/// s and 1 - s are both computed from e^-|bx| (no overflow, no cancellation; bx is formed exactly with an
/// FMA, so a non-integer b loses no accuracy in the tails), so f(-1e4) = 0 (as -0),
/// f(1e4) = 1e4, f'(-1e4) = 0 and f'(1e4) = 1. Smooth everywhere; f'(0) = 1/2.
/// </remarks>
internal sealed class SwishActivation : KernelActivation<SwishActivation.Kernel>
{
    /// <summary>Creates a Swish.</summary>
    /// <param name="beta">The slope b inside the sigmoid; finite (b = 0 gives x/2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is NaN or infinite.</exception>
    public SwishActivation(double beta = 1.0)
        : base(new Kernel(beta))
    {
        Guard.Finite(beta);
        Beta = beta;
    }

    /// <summary>The slope b inside the sigmoid.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public override string Name => "Swish";

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"Swish(beta: {Beta})");

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel(double beta) : IActivationKernel
    {
        public double Apply(double x)
        {
            var (b, bLow) = Product(x);
            double e = ExpMinusAbs(b, bLow);
            double r = 1.0 / (1.0 + e);
            return x * (b >= 0 ? r : e * r);
        }

        public double Derivative(double x)
        {
            var (b, bLow) = Product(x);
            double e = ExpMinusAbs(b, bLow);
            double r = 1.0 / (1.0 + e);
            double s = b >= 0 ? r : e * r;
            double complement = b >= 0 ? e * r : r;
            return s * Math.FusedMultiplyAdd(b, complement, 1.0);
        }

        /// <summary>Beyond this |beta x| sigmoid is exactly 0 or 1 in double; clamping there keeps beta x
        /// finite.</summary>
        private const double ProductClamp = 800.0;

        /// <summary>beta x = b + bLow exactly, with b clamped to +-800 (and bLow then 0).</summary>
        private (double B, double BLow) Product(double x)
        {
            double b = beta * x;
            if (Math.Abs(b) > ProductClamp) return (Math.CopySign(ProductClamp, b), 0.0);
            return (b, Math.FusedMultiplyAdd(beta, x, -b));
        }

        /// <summary>e^-|b| for the exact product b + bLow = beta x (bLow from an FMA): the rounding of
        /// beta x would otherwise cost |beta x| ulps in the tail.</summary>
        private static double ExpMinusAbs(double b, double bLow) =>
            Math.Exp(-Math.Abs(b)) * (1.0 + (b >= 0 ? -bLow : bLow));

        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> => Apply(x, out _);

        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double>
        {
            Apply(x, out var derivative);
            return derivative;
        }

        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            var betaV = TV.Create(beta);
            var b = betaV * x;
            var bLow = TV.FusedMultiplyAdd(betaV, x, -b); // exact: the low part of beta x
            var big = TV.GreaterThan(TV.Abs(b), TV.Create(ProductClamp));
            b = TV.ConditionalSelect(big, TV.Create(ProductClamp) | (b & TV.Create(-0.0)), b);
            bLow = TV.AndNot(bLow, big);
            var nonNegative = TV.GreaterThanOrEqual(b, TV.Zero);
            // e^-|b| with b = beta x exactly (b + bLow): e^-|b| (1 - sign(b) bLow).
            var e = SimdMath.Exp(-TV.Abs(b)) * (TV.One + TV.ConditionalSelect(nonNegative, -bLow, bLow));
            var r = TV.One / (TV.One + e);
            var er = e * r;
            var s = TV.ConditionalSelect(nonNegative, r, er);
            var complement = TV.ConditionalSelect(nonNegative, er, r);
            derivative = s * TV.FusedMultiplyAdd(b, complement, TV.One);
            return x * s;
        }
    }
}
