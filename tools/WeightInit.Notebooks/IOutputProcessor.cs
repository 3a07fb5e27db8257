using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// A step applied to a notebook's fresh outputs after sanitizing and before the notebook is written
/// (for example, adding a static image beside each Plotly HTML output). Processors run in the order
/// they are given to <see cref="NotebookRunner"/>; they are not run by <c>--check</c>, which compares text only.
/// </summary>
public interface IOutputProcessor
{
    /// <summary>A short name used in messages.</summary>
    string Name { get; }

    /// <summary>
    /// Processes the outputs of one notebook in place. <paramref name="notebook"/> is the notebook's
    /// JSON with the fresh outputs already set on its code cells (<c>cells[i].outputs</c>); a processor
    /// may add or replace entries of an output's <c>data</c> (e.g. <c>image/png</c> next to <c>text/html</c>)
    /// but should not remove outputs.
    /// </summary>
    Task ProcessAsync(ProcessedNotebook notebook, CancellationToken cancellationToken);
}

/// <summary>A notebook handed to the <see cref="IOutputProcessor"/>s.</summary>
/// <param name="Name">The notebook's file name, e.g. <c>04-xavier-uniform.ipynb</c>.</param>
/// <param name="Path">The notebook's full path.</param>
/// <param name="Json">The notebook document with fresh outputs; processors edit it in place.</param>
public sealed record ProcessedNotebook(string Name, string Path, JsonObject Json)
{
    /// <summary>Every output of every code cell, with the cell's index.</summary>
    public IEnumerable<(int CellIndex, JsonObject Output)> Outputs()
    {
        var cells = Json["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            if ((string?)cells[i]!["cell_type"] != "code" || cells[i]!["outputs"] is not JsonArray outputs) continue;
            foreach (var o in outputs) yield return (i, o!.AsObject());
        }
    }
}
