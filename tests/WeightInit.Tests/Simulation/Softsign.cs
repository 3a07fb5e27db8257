namespace WeightInit.Tests.Simulation;

/// <summary>
/// x / (1 + |x|), an activation the simulator has no special rule for, so it must take the
/// saturation and the backward pass's derivative from <see cref="Activation.Derivative(double)"/>.
/// </summary>
internal sealed class Softsign : Activation
{
    public static Softsign Instance { get; } = new();

    public override string Name => "Softsign";

    public override double Apply(double x) => x / (1 + Math.Abs(x));

    public override double Derivative(double x) => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));
}
