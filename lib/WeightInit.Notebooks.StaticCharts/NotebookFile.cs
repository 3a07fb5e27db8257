using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>Reads and writes .ipynb files the way Jupyter lays them out (one-space indent, non-ASCII kept).</summary>
public static class NotebookFile
{
    private static readonly JsonSerializerOptions Layout = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a notebook.</summary>
    /// <exception cref="FormatException">The file is not a JSON object.</exception>
    public static JsonObject Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new FormatException($"{Path.GetFileName(path)} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{Path.GetFileName(path)} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Writes a notebook through a temporary file in the same folder, then replaces the target.</summary>
    public static void Write(string path, JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, notebook.ToJsonString(Layout) + "\n", new UTF8Encoding(false));
        File.Move(temporary, full, overwrite: true);
    }
}
