namespace WeightInit.Training;

/// <summary>
/// How a forward or backward pass runs: in training mode (normalization layers use the batch's
/// statistics and every layer keeps what its backward pass needs) or inference mode (running
/// statistics, nothing kept), and, on the steps the diagnostics record, the recorder that the
/// activation sites report to.
/// </summary>
internal sealed class PassContext
{
    private PassContext(bool isTraining, DiagnosticsRecorder? recorder)
    {
        IsTraining = isTraining;
        Recorder = recorder;
    }

    /// <summary>Inference: running statistics, no caches, no recording.</summary>
    public static PassContext Inference { get; } = new(false, null);

    /// <summary>Training without recording.</summary>
    public static PassContext Training { get; } = new(true, null);

    /// <summary>Training, reporting every activation site to <paramref name="recorder"/>.</summary>
    public static PassContext Recording(DiagnosticsRecorder recorder) => new(true, recorder);

    /// <summary>Whether this is a training pass (batch statistics, caches for the backward pass).</summary>
    public bool IsTraining { get; }

    /// <summary>The recorder of this step, or null.</summary>
    public DiagnosticsRecorder? Recorder { get; }
}
