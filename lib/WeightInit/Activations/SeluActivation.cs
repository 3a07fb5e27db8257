namespace WeightInit.Activations;

/// <summary>
/// The scaled ELU f(x) = l x for x &gt; 0 and l a (e^x - 1) for x &lt;= 0, with f'(x) = l for x &gt; 0 and
/// l a e^x for x &lt;= 0, where l = <see cref="Lambda"/> ~ 1.0507 and a = <see cref="Alpha"/> ~ 1.6733
/// are the constants of Klambauer, Unterthiner, Mayr &amp; Hochreiter (2017, "Self-Normalizing Neural
/// Networks") that make mean 0 and variance 1 a fixed point for LeCun-normal weights (variance 1/fan_in).
/// </summary>
/// <remarks>
/// At the kink, f'(0) = l a (the x &lt;= 0 branch, as PyTorch's backward takes it). f(-1e4) = -l a.
/// </remarks>
internal sealed class SeluActivation : KernelActivation<EluActivation.Kernel>
{
    /// <summary>l = 1.0507009873554804934193349852946 (Klambauer et al. 2017), as PyTorch uses it.</summary>
    public const double Lambda = 1.0507009873554804934193349852946;

    /// <summary>a = 1.6732632423543772848170429916717 (Klambauer et al. 2017), as PyTorch uses it.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>Creates SELU; <see cref="Activation.Selu"/> is the shared instance.</summary>
    public SeluActivation() : base(new EluActivation.Kernel(Alpha, Lambda)) { }

    /// <inheritdoc/>
    public override string Name => "SELU";
}
