using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>
/// Removes what a saved notebook must not show: machine paths (the notebook folder, the repository,
/// the NuGet cache, the home folder, the temporary folder) are replaced by neutral names, and
/// kernel noise (e.g. "Loading extensions from ..." messages and the kernel's own script blocks) is dropped.
/// </summary>
public sealed partial class OutputSanitizer
{
    private readonly (string Path, string Replacement)[] _paths;

    /// <summary>Creates a sanitizer for notebooks under <paramref name="repositoryRoot"/>.</summary>
    public OutputSanitizer(string repositoryRoot, string notebookFolder)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(home, ".nuget", "packages");
        var candidates = new List<(string, string)>
        {
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(notebookFolder)), "."),
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot)), "<repo>"),
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(nuget)), "<nuget-packages>"),
            (Path.TrimEndingDirectorySeparator(Path.GetTempPath()), "<temp>"),
            ("/tmp", "<temp>"),
            (home, "~"),
        };
        // Longest first, so that a path inside another is replaced by its own name.
        _paths = candidates.Where(c => c.Item1.Length > 1).DistinctBy(c => c.Item1).OrderByDescending(c => c.Item1.Length).ToArray();
    }

    /// <summary>The paths this sanitizer replaces, longest first.</summary>
    public IReadOnlyList<(string Path, string Replacement)> Paths => _paths;

    /// <summary>Returns the outputs without noise and with machine paths replaced.</summary>
    public JsonArray Sanitize(JsonArray outputs)
    {
        var result = new JsonArray();
        foreach (var node in outputs)
        {
            var output = node!.DeepClone().AsObject();
            if (IsNoise(output)) continue;
            ReplacePaths(output);
            result.Add(output);
        }
        return result;
    }

    /// <summary>
    /// Sanitizes every code cell's outputs of <paramref name="notebook"/> in place (e.g. a notebook executed by Jupyter, whose
    /// outputs carry the kernel's "Loading extensions from" lines with the NuGet cache's path); returns how many outputs it dropped.
    /// </summary>
    public int SanitizeNotebook(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var dropped = 0;
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (cell["outputs"] is not JsonArray outputs) continue;
            var clean = Sanitize(outputs);
            dropped += outputs.Count - clean.Count;
            cell["outputs"] = clean;
        }
        return dropped;
    }

    /// <summary>True for outputs that only report the kernel's own work (extension loading, kernel scripts).</summary>
    public static bool IsNoise(JsonObject output)
    {
        var text = AllText(output);
        return text.Contains("Loading extensions from", StringComparison.Ordinal)
            || text.Contains("Loaded kernel extension", StringComparison.Ordinal)
            || KernelScript().IsMatch(text);
    }

    /// <summary>All strings in an output (stream text and every mime type's data), concatenated.</summary>
    public static string AllText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonObject o => string.Concat(o.Select(p => AllText(p.Value))),
        JsonArray a => string.Concat(a.Select(AllText)),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => string.Empty,
    };

    private void ReplacePaths(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue(out string? s)) o[key] = Replace(s);
                    else if (o[key] is { } child) ReplacePaths(child);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue(out string? s)) a[i] = Replace(s);
                    else if (a[i] is { } child) ReplacePaths(child);
                }
                break;
        }
    }

    /// <summary>Replaces every machine path in <paramref name="text"/>.</summary>
    public string Replace(string text)
    {
        foreach (var (path, replacement) in _paths)
        {
            text = text.Replace(path, replacement, StringComparison.Ordinal);
        }
        return text;
    }

    // The dotnet-interactive Jupyter kernel's loader script (it configures require.js for its own JS API).
    [GeneratedRegex(@"dotnet-interactive\.js|dotnetInteractiveRequire|loadDotnetInteractiveApi", RegexOptions.CultureInvariant)]
    private static partial Regex KernelScript();
}
