using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// One .ipynb file as JSON (nbformat 4.5): loading with validation, its code cells, replacing outputs, the .NET
/// kernel's metadata, and writing as Jupyter does, atomically (temporary file, then replace). Cells keep their ids,
/// sources and metadata; unknown fields are preserved.
/// </summary>
public sealed class NotebookFile
{
    /// <summary>The kernel name every code cell runs on.</summary>
    public const string KernelName = "csharp";

    private NotebookFile(string path, JsonObject json)
    {
        Path = path;
        Json = json;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file name, e.g. <c>03-xavier-normal.ipynb</c>.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The notebook document.</summary>
    public JsonObject Json { get; }

    /// <summary>The notebook's cells.</summary>
    public JsonArray Cells => Json["cells"]!.AsArray();

    /// <summary>
    /// Reads and validates a notebook: a JSON object, nbformat 4, a <c>cells</c> array whose cells have a
    /// <c>cell_type</c> and a <c>source</c>, and code cells that run on the C# kernel.
    /// </summary>
    /// <exception cref="InvalidNotebookException">The file is not a valid notebook; the message names it.</exception>
    public static NotebookFile Load(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidNotebookException($"{name}: file not found");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidNotebookException($"{name}: invalid JSON ({ex.Message})");
        }
        if (node is not JsonObject json)
            throw new InvalidNotebookException($"{name}: the document is not a JSON object");
        if (json["nbformat"] is not JsonValue format || !format.TryGetValue(out int major) || major != 4)
            throw new InvalidNotebookException($"{name}: nbformat must be 4");
        if (json["cells"] is not JsonArray cells) throw new InvalidNotebookException($"{name}: no 'cells' array");
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue || cell["source"] is null)
                throw new InvalidNotebookException($"{name}: cell {i} has no cell_type or source");
            var kernel = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"];
            if ((string?)cell["cell_type"] == "code" && kernel is not null && kernel != KernelName)
                throw new InvalidNotebookException(
                    $"{name}: cell {i} runs on kernel '{kernel}'; only '{KernelName}' is supported");
        }
        return new NotebookFile(System.IO.Path.GetFullPath(path), json);
    }

    /// <summary>The code cells of <paramref name="notebook"/> in order: their index among all cells, and the
    /// cell.</summary>
    public static IEnumerable<(int Index, JsonObject Cell)> CodeCells(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cells = notebook["cells"] as JsonArray ?? [];
        for (var i = 0; i < cells.Count; i++)
            if (cells[i] is JsonObject cell && (string?)cell["cell_type"] == "code") yield return (i, cell);
    }

    /// <summary>
    /// Takes the outputs and execution counts of <paramref name="executed"/>, an execution of this notebook's cells,
    /// then adds the nbformat 4.5 and .NET kernel metadata where missing. Sources and metadata stay this file's.
    /// </summary>
    /// <exception cref="InvalidNotebookException">The executed notebook does not have this notebook's
    /// cells.</exception>
    public void SetOutputs(JsonObject executed)
    {
        var fresh = executed["cells"] as JsonArray ?? [];
        if (fresh.Count != Cells.Count)
            throw new InvalidNotebookException(
                $"{Name}: the execution has {fresh.Count} cells, the notebook {Cells.Count}");
        foreach (var (index, cell) in CodeCells(Json))
        {
            cell["execution_count"] = fresh[index]?["execution_count"]?.DeepClone();
            cell["outputs"] = fresh[index]?["outputs"]?.DeepClone() ?? new JsonArray();
        }
        NormalizeMetadata();
    }

    /// <summary>
    /// Adds what nbformat 4.5 and the .NET kernels need: minor version 5, a unique id per cell, the
    /// <c>.net-csharp</c> kernelspec, language_info, and the polyglot_notebook kernel info (notebook and code cells).
    /// </summary>
    public void NormalizeMetadata()
    {
        Json["nbformat"] = 4;
        Json["nbformat_minor"] = 5;
        var metadata = Json["metadata"] as JsonObject ?? new JsonObject();
        Json["metadata"] = metadata;
        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp",
        };
        metadata["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        };
        metadata["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = KernelName,
                ["items"] = new JsonArray(new JsonObject
                {
                    ["aliases"] = new JsonArray(), ["languageName"] = "csharp", ["name"] = KernelName,
                }),
            },
        };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i]!.AsObject();
            var id = (string?)cell["id"];
            if (string.IsNullOrEmpty(id) || !ids.Add(id))
            {
                id = NewCellId(ids, i);
                ids.Add(id);
            }
            // Keep "id" right after "cell_type", where Jupyter writes it.
            var ordered = new JsonObject { ["cell_type"] = cell["cell_type"]?.DeepClone(), ["id"] = id };
            foreach (var (key, value) in cell.ToList())
            {
                if (key is "cell_type" or "id") continue;
                ordered[key] = value?.DeepClone();
            }
            var cellMetadata = ordered["metadata"] as JsonObject ?? new JsonObject();
            ordered["metadata"] = cellMetadata;
            if ((string?)ordered["cell_type"] == "code")
            {
                cellMetadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = KernelName };
                if (ordered["outputs"] is null) ordered["outputs"] = new JsonArray();
                if (!ordered.ContainsKey("execution_count")) ordered["execution_count"] = null;
            }
            Cells[i] = ordered;
        }
    }

    private static string NewCellId(HashSet<string> taken, int index)
    {
        for (var n = 0; ; n++)
        {
            var id = n == 0 ? $"cell-{index:D2}" : $"cell-{index:D2}-{n}";
            if (!taken.Contains(id)) return id;
        }
    }

    /// <summary>The notebook as Jupyter writes it: one-space indentation, non-ASCII kept, trailing newline.</summary>
    public string Serialize()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return Json.ToJsonString(options) + "\n";
    }

    /// <summary>Writes the notebook to <see cref="Path"/> through a temporary file in the same folder.</summary>
    public void WriteAtomically()
    {
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, Serialize(), new UTF8Encoding(false));
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>nbformat's multiline text: a string, or an array of strings to concatenate.</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? string.Empty,
    };

    /// <summary>Splits text into lines that keep their '\n', as Jupyter stores multiline text.</summary>
    public static JsonArray ToLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>The first non-empty line of a cell's source, shortened for messages.</summary>
    public static string FirstLine(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}

/// <summary>
/// A notebook file that cannot be read as an nbformat 4 notebook, or a notebook list that does not match the folder.
/// </summary>
public sealed class InvalidNotebookException(string message) : Exception(message);
