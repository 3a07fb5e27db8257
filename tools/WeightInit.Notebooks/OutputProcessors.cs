namespace WeightInit.Notebooks;

/// <summary>The output processors the runner applies, in order, before writing a notebook.</summary>
public static class OutputProcessors
{
    /// <summary>
    /// The default list: <see cref="StaticChartImageProcessor"/> when notebooks are written; none in check mode, which
    /// compares text outputs only and writes nothing (so it needs no browser).
    /// </summary>
    /// <exception cref="WeightInit.Notebooks.StaticCharts.ChartToolsMissingException">Notebooks are to be written but chromium
    /// or the pinned plotly.js is missing; the message says how to install them.</exception>
    public static IReadOnlyList<IOutputProcessor> Default(RunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Check ? [] : [StaticChartImageProcessor.Create(options.RepositoryRoot, Console.Out)];
    }
}
