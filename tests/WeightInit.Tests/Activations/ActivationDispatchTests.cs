using System.Reflection;
using WeightInit.Activations;

namespace WeightInit.Tests.Activations;

public class ActivationDispatchTests
{
    // Every library activation hands its span overloads to the vectorized kernel loops; losing that
    // hand-over would silently fall back to the scalar loops of the base class (same values, much slower).
    [Fact]
    public void Every_library_activation_uses_the_vectorized_span_loops()
    {
        var field = typeof(Activation).GetField("_spans", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(field);
        var parameterized = new Activation[] { Activation.CreateLeakyReLU(0.2), Activation.CreateElu(0.5), Activation.CreateSwish(1.7) };
        foreach (var activation in Activation.All.Concat(parameterized))
            Assert.True(field!.GetValue(activation) is not null, $"{activation.Name} has no vectorized span loops");
    }
}
