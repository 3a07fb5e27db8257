using System.Text.Json.Nodes;

namespace WeightInit.Notebooks;

/// <summary>
/// Checks that Jupyter (and so VS Code's Jupyter extension, which reads the same kernel specs) opens every notebook on
/// the kernel the repository's pinned tool registered, without editing the notebook: the kernel named in a notebook's
/// <c>metadata.kernelspec.name</c> is installed, speaks the notebook's language, shows the same display name, and
/// starts <c>dotnet interactive jupyter</c>: the local tool of .config/dotnet-tools.json, which <c>dotnet</c> finds
/// from the notebook's folder (the folder Jupyter and VS Code start a kernel in).
/// </summary>
public static class KernelSpecCheck
{
    /// <summary>The command a registered .NET kernel must start: the repository's local dotnet-interactive
    /// tool.</summary>
    public static readonly IReadOnlyList<string> ToolCommand = ["dotnet", "interactive", "jupyter"];

    /// <summary>The problems of <paramref name="notebooks"/> against the output of
    /// <c>jupyter kernelspec list --json</c>.</summary>
    /// <param name="kernelSpecs">The JSON that <c>jupyter kernelspec list --json</c> prints.</param>
    /// <param name="notebooks">Each notebook's file name and document.</param>
    /// <returns>One message per problem, naming the notebook; empty when every notebook opens on its kernel.</returns>
    public static IReadOnlyList<string> Problems(JsonObject kernelSpecs,
        IEnumerable<(string Name, JsonObject Notebook)> notebooks)
    {
        ArgumentNullException.ThrowIfNull(kernelSpecs);
        ArgumentNullException.ThrowIfNull(notebooks);
        var specs = kernelSpecs["kernelspecs"] as JsonObject ?? [];
        var problems = new List<string>();
        foreach (var (name, notebook) in notebooks)
        {
            var wanted = notebook["metadata"]?["kernelspec"];
            var kernel = (string?)wanted?["name"];
            if (kernel is null)
            {
                problems.Add($"{name}: its metadata names no kernelspec");
                continue;
            }
            if (specs[kernel]?["spec"] is not JsonObject spec)
            {
                problems.Add($"{name}: its kernel '{kernel}' is not registered (registered: " +
                    $"{string.Join(", ", specs.Select(s => s.Key))}); run scripts/jupyter-kernel-setup.sh");
                continue;
            }
            var (language, display) = ((string?)spec["language"], (string?)spec["display_name"]);
            if (language != (string?)wanted!["language"])
                problems.Add($"{name}: kernel '{kernel}' speaks {language}, the notebook's metadata says " +
                    $"{(string?)wanted["language"]}");
            if (display != (string?)wanted["display_name"])
                problems.Add($"{name}: kernel '{kernel}' is shown as '{display}', the notebook's metadata says " +
                    $"'{(string?)wanted["display_name"]}'");
            var argv = (spec["argv"] as JsonArray ?? []).Select(a => (string?)a ?? "").ToList();
            if (!argv.Take(ToolCommand.Count).SequenceEqual(ToolCommand))
                problems.Add($"{name}: kernel '{kernel}' starts '{string.Join(' ', argv)}', not the repository's " +
                    $"local tool ({string.Join(' ', ToolCommand)} ...)");
        }
        return problems;
    }

    /// <summary>
    /// Checks <paramref name="notebookPaths"/> against the kernels Jupyter lists now; writes each problem to
    /// <paramref name="error"/>. Returns true when there is none.
    /// </summary>
    public static async Task<bool> ReportAsync(IEnumerable<string> notebookPaths, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        ProcessResult listed;
        try
        {
            listed = await ChildProcess.RunAsync("jupyter", ["kernelspec", "list", "--json"],
                Directory.GetCurrentDirectory(), TimeSpan.FromMinutes(2), cancellationToken: cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"FAIL jupyter is not installed ({e.Message}); run scripts/setup.sh (as root)");
            return false;
        }
        if (listed.ExitCode != 0)
        {
            error.WriteLine($"FAIL jupyter kernelspec list --json exited with {listed.ExitCode}:{Environment.NewLine}" +
                listed.Tail(10));
            return false;
        }
        var problems = Problems(JsonNode.Parse(listed.Stdout)!.AsObject(),
            notebookPaths.Select(p => (Path.GetFileName(p), NotebookFile.Load(p).Json)));
        foreach (var p in problems) error.WriteLine("FAIL " + p);
        return problems.Count == 0;
    }
}
