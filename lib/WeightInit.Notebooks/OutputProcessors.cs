namespace WeightInit.Notebooks;

/// <summary>The output processors the runner applies, in order, before writing a notebook.</summary>
public static class OutputProcessors
{
    /// <summary>The default list (static chart images are added here by their own processor).</summary>
    public static IReadOnlyList<IOutputProcessor> Default() => [];
}
