namespace WeightInit.Scaling;

/// <summary>One measurement of a coordinate check: a site of the model of one width after some steps.</summary>
/// <param name="Width">The model's width.</param>
/// <param name="Step">The steps taken (0: at initialization).</param>
/// <param name="Site">The place measured.</param>
/// <param name="MeanAbsActivation">mean |x_t| over the site's values on the probe input (the <c>mup</c> package's
/// "l1").</param>
/// <param name="MeanAbsChange">mean |x_t - x_0|: how far training has moved the site's values (0 at step 0).</param>
public sealed record CoordinateCheckPoint(int Width, int Step, string Site, double MeanAbsActivation,
    double MeanAbsChange);
