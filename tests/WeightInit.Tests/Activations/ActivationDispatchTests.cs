namespace WeightInit.Tests.Activations;

public class ActivationDispatchTests
{
    private static readonly Activation[] Parameterized =
        [Activation.CreateLeakyReLU(0.2), Activation.CreateElu(0.5), Activation.CreateSwish(1.7)];

    // Every library activation hands its span methods to the vectorized kernel loops; losing that
    // hand-over would silently fall back to the scalar loops of the base class (same values, much slower).
    [Fact]
    public void EveryLibraryActivationUsesTheVectorizedSpanLoops()
    {
        foreach (var activation in Activation.All.Concat(Parameterized))
            Assert.True(activation.HasVectorizedSpans, $"{activation.Name} has no vectorized span loops");
    }

    // The simulator and the theory choose by the activation's type, not by identity with the shared
    // instances: a `new ReLUActivation()` must get ReLU's rule, as Activation.ReLU does.
    public static TheoryData<string> Shared => [.. Activation.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Shared))]
    public void ANewInstanceGetsTheSameTreatmentAsTheSharedOne(string name)
    {
        var shared = Activation.FromName(name);
        Activation fresh = shared switch
        {
            LeakyReLUActivation leaky => new LeakyReLUActivation(leaky.NegativeSlope),
            EluActivation elu => new EluActivation(elu.Alpha),
            SwishActivation swish => new SwishActivation(swish.Beta),
            _ => (Activation)Activator.CreateInstance(shared.GetType())!,
        };
        Assert.NotSame(shared, fresh);
        Assert.Equal(Saturation.SlopeLimit(shared, 0.9), Saturation.SlopeLimit(fresh, 0.9));
        Assert.Equal(LinearNetworkTheory.SecondMomentFactor(shared), LinearNetworkTheory.SecondMomentFactor(fresh));
    }

    [Fact]
    public void FreshInstancesGetTheirSlopeLimitsAndSecondMomentFactors()
    {
        Assert.Equal(0.19, Saturation.SlopeLimit(new IdentityActivation(), 0.9), 1e-15);
        Assert.Equal(0.0, Saturation.SlopeLimit(new ReLUActivation(), 0.9));
        Assert.Equal(0.19, Saturation.SlopeLimit(new TanhActivation(), 0.9), 1e-15);
        Assert.Equal(0.19 / 4, Saturation.SlopeLimit(new SigmoidActivation(), 0.9), 1e-15);
        Assert.Equal(0.19 / 2, Saturation.SlopeLimit(new GeluActivation(), 0.9), 1e-15);
        Assert.Equal(1.0, LinearNetworkTheory.SecondMomentFactor(new IdentityActivation()));
        Assert.Equal(0.5, LinearNetworkTheory.SecondMomentFactor(new ReLUActivation()));
    }
}
