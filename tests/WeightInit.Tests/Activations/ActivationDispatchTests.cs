using WeightInit.Activations;
using WeightInit.Simulation;

namespace WeightInit.Tests.Activations;

public class ActivationDispatchTests
{
    private static readonly Activation[] Parameterized = [Activation.CreateLeakyReLU(0.2), Activation.CreateElu(0.5), Activation.CreateSwish(1.7)];

    // Every library activation hands its span methods to the vectorized kernel loops; losing that
    // hand-over would silently fall back to the scalar loops of the base class (same values, much slower).
    [Fact]
    public void Every_library_activation_uses_the_vectorized_span_loops()
    {
        foreach (var activation in Activation.All.Concat(Parameterized))
            Assert.True(activation.HasVectorizedSpans, $"{activation.Name} has no vectorized span loops");
    }

    // The simulator and the theory choose by the activation's type, not by identity with the shared
    // instances: a `new ReLUActivation()` must get ReLU's rule, as Activation.ReLU does.
    public static TheoryData<string> Shared => [.. Activation.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Shared))]
    public void A_new_instance_gets_the_same_treatment_as_the_shared_one(string name)
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
        Assert.Equal(SaturationRules.For(shared), SaturationRules.For(fresh));
        Assert.Equal(LinearNetworkTheory.SecondMomentFactor(shared), LinearNetworkTheory.SecondMomentFactor(fresh));
    }

    [Fact]
    public void Identity_relu_tanh_and_sigmoid_get_their_own_saturation_rules_whatever_the_instance()
    {
        Assert.Equal(SaturationRule.Identity, SaturationRules.For(new IdentityActivation()));
        Assert.Equal(SaturationRule.ReLU, SaturationRules.For(new ReLUActivation()));
        Assert.Equal(SaturationRule.Tanh, SaturationRules.For(new TanhActivation()));
        Assert.Equal(SaturationRule.Sigmoid, SaturationRules.For(new SigmoidActivation()));
        Assert.Equal(SaturationRule.FromDerivative, SaturationRules.For(new GeluActivation()));
        Assert.Equal(1.0, LinearNetworkTheory.SecondMomentFactor(new IdentityActivation()));
        Assert.Equal(0.5, LinearNetworkTheory.SecondMomentFactor(new ReLUActivation()));
    }
}
