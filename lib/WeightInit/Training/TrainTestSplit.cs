namespace WeightInit.Training;

/// <summary>A data set split into a training part and a test part.</summary>
/// <param name="Train">The training samples.</param>
/// <param name="Test">The held-out test samples.</param>
/// <param name="TrainIndices">The training samples' indices in the original set, ascending.</param>
/// <param name="TestIndices">The test samples' indices in the original set, ascending.</param>
public sealed record TrainTestSplit(LabeledDataset Train, LabeledDataset Test, int[] TrainIndices, int[] TestIndices);
