namespace WeightInit.Scaling;

/// <summary>
/// One row of a <see cref="MaximalUpdateNetwork"/>'s table: how layer l's weights W_l start and how fast Adam moves
/// them, at the network's width.
/// </summary>
/// <param name="Layer">l, in 1..L.</param>
/// <param name="Role">Input (l = 1), hidden (1 &lt; l &lt; L) or output (l = L).</param>
/// <param name="WidthMultiplier">m_l = n_(l-1) / base width, how far the layer's fan-in has grown from the base
/// network's; 1 for the input layer, whose fan-in (the data's width) does not grow.</param>
/// <param name="WeightScale">The factor muP applies to the description's draw of W_l (1 where the description already
/// has muP's variance; 0 for a zero readout).</param>
/// <param name="EntryStd">The standard deviation of W_l's entries as the network starts: the description's, times
/// <paramref name="WeightScale"/>.</param>
/// <param name="LearningRateMultiplier">The factor on Adam's learning rate for W_l
/// (<see cref="Training.Parameter.LearningRateMultiplier"/>; every bias keeps 1).</param>
public sealed record MaximalUpdateLayer(int Layer, MaximalUpdateRole Role, double WidthMultiplier, double WeightScale,
    double EntryStd, double LearningRateMultiplier);
