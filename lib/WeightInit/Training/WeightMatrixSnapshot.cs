namespace WeightInit.Training;

/// <summary>A weight matrix and its gradient on one recorded step (before that step's update).</summary>
/// <param name="Matrix">The matrix's index (see <see cref="TrainingDiagnostics.WeightMatrices"/>).</param>
/// <param name="WeightStd">std(W) over its entries.</param>
/// <param name="GradientStd">std(dLoss/dW) over its entries.</param>
/// <param name="GradientToData">GradientStd / WeightStd (infinite for an all-equal W, e.g. Fixup's zero layers, with a
/// nonzero gradient; NaN when both are 0).</param>
public readonly record struct WeightMatrixSnapshot(int Matrix, double WeightStd, double GradientStd,
    double GradientToData);
