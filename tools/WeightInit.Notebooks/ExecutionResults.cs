using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>The outcome of executing one code cell on the kernel.</summary>
/// <param name="CellIndex">Index of the cell in the notebook's <c>cells</c> array (markdown cells count).</param>
/// <param name="Outputs">The cell's outputs in nbformat 4 form (stream, display_data, execute_result, error).</param>
/// <param name="Error">The kernel's error message when the cell failed (compile or runtime); otherwise null.</param>
public sealed record CellExecution(int CellIndex, JsonArray Outputs, string? Error)
{
    /// <summary>True when the kernel reported CommandFailed for this cell.</summary>
    public bool Failed => Error is not null;
}

/// <summary>The outcome of executing one notebook top to bottom on a fresh kernel.</summary>
/// <param name="Cells">One entry per executed code cell, in order; execution stops after the first failing cell.</param>
/// <param name="KernelSeconds">Time spent inside the kernel (creation and all cells), excluding process start.</param>
public sealed record NotebookExecution(IReadOnlyList<CellExecution> Cells, double KernelSeconds)
{
    /// <summary>The first failing cell, or null when every cell succeeded.</summary>
    public CellExecution? FirstFailure => Cells.FirstOrDefault(c => c.Failed);

    /// <summary>Serializes the execution for the parent process.</summary>
    public JsonObject ToJson() => new()
    {
        ["kernelSeconds"] = KernelSeconds,
        ["cells"] = new JsonArray(Cells.Select(c => (JsonNode)new JsonObject
        {
            ["index"] = c.CellIndex,
            ["outputs"] = c.Outputs.DeepClone(),
            ["error"] = c.Error,
        }).ToArray()),
    };

    /// <summary>Reads an execution written by <see cref="ToJson"/>.</summary>
    public static NotebookExecution FromJson(JsonObject json)
    {
        var cells = json["cells"]!.AsArray().Select(n => new CellExecution(
            (int)n!["index"]!,
            n["outputs"]!.AsArray().DeepClone().AsArray(),
            (string?)n["error"])).ToList();
        return new NotebookExecution(cells, (double)json["kernelSeconds"]!);
    }
}
