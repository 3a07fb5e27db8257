namespace WeightInit.Scaling;

/// <summary>
/// A model of one width as <see cref="CoordinateCheck"/> sees it: named places whose values it can measure on a fixed
/// probe input, and a training step.
/// </summary>
public interface ICoordinateCheckSubject
{
    /// <summary>The names of the measured places, the same for every width, in a fixed order.</summary>
    IReadOnlyList<string> Sites { get; }

    /// <summary>
    /// The values at every site on the fixed probe input with the current parameters (copies, in the order of
    /// <see cref="Sites"/>).
    /// </summary>
    /// <returns>One array per site.</returns>
    IReadOnlyList<double[]> Probe();

    /// <summary>One training step (the subject's own batch, optimizer and learning rate).</summary>
    void TrainStep();
}
