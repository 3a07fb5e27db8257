namespace WeightInit.Training;

/// <summary>A network's mean loss and accuracy on a data set.</summary>
/// <param name="Loss">The mean loss per sample.</param>
/// <param name="Accuracy">The fraction of samples classified correctly, Correct / Count.</param>
/// <param name="Correct">The number of samples classified correctly.</param>
/// <param name="Count">The number of samples.</param>
public readonly record struct EvaluationResult(double Loss, double Accuracy, int Correct, int Count);
