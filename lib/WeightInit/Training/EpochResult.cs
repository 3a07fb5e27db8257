namespace WeightInit.Training;

/// <summary>What one epoch of training achieved (epoch 0 describes the network before training).</summary>
/// <param name="Epoch">The epoch's number, 1 for the first (0 before training).</param>
/// <param name="MeanBatchLoss">The mean of the mini-batch losses seen during the epoch (NaN for epoch 0).</param>
/// <param name="TrainLoss">The mean loss on the whole training set after the epoch.</param>
/// <param name="TrainAccuracy">The training accuracy after the epoch.</param>
/// <param name="TestLoss">The mean loss on the test set after the epoch (NaN without a test set).</param>
/// <param name="TestAccuracy">The test accuracy after the epoch (NaN without a test set).</param>
/// <param name="LastStepGradients">Per-layer statistics of the epoch's last mini-batch gradient (empty for epoch
/// 0).</param>
/// <param name="Elapsed">The wall-clock time of the epoch's training and evaluation.</param>
public sealed record EpochResult(
    int Epoch, double MeanBatchLoss, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy,
    IReadOnlyList<LayerGradientStatistics> LastStepGradients, TimeSpan Elapsed);
