using WeightInit.Initializers;

namespace WeightInit.Transformers;

/// <summary>
/// One row of a <see cref="GptParametrization"/>'s table: how a <see cref="GptParameterGroup"/> starts and how fast
/// Adam moves it.
/// </summary>
/// <param name="Group">The parameters the row is about.</param>
/// <param name="Initializer">What fills them (shape (out, in) for a weight matrix or row block, so fan_in =
/// in).</param>
/// <param name="Mean">The mean of the initial values.</param>
/// <param name="Std">The standard deviation of the initial values (b / sqrt(3) for U(-b, b); 0 for a constant).</param>
/// <param name="LearningRateMultiplier">The factor on the optimizer's learning rate
/// (<see cref="Training.Parameter.LearningRateMultiplier"/>).</param>
public sealed record GptParameterRule(GptParameterGroup Group, IWeightInitializer Initializer, double Mean, double Std,
    double LearningRateMultiplier);
