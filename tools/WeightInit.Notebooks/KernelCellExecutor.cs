using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks;

/// <summary>
/// Executes the code cells of one notebook, in this process, on a fresh .NET Interactive kernel:
/// a <see cref="CompositeKernel"/> with one <see cref="CSharpKernel"/> named <c>csharp</c>,
/// <c>#r "nuget: ..."</c> support, <c>#!import</c>, and the loading of packages' kernel extensions
/// (<c>interactive-extensions/dotnet/*.dll</c>, e.g. Plotly.NET.Interactive's HTML formatter), as
/// the dotnet-interactive tool does in Jupyter. Process-wide state (current directory, loaded
/// assemblies, formatters) is not reset: use one process per notebook (see <see cref="ChildProcessExecutor"/>).
/// </summary>
public static class KernelCellExecutor
{
    /// <summary>
    /// Runs every code cell of <paramref name="notebookPath"/> in order with the notebook's folder (or
    /// <paramref name="workingDirectory"/>) as the current directory, as Jupyter does, stopping after the
    /// first failing cell. Note: <c>#!import</c> does not report the failure of an imported cell (the
    /// kernel swallows it), so the tests also run setup.dib's cells as cells of their own.
    /// </summary>
    public static async Task<NotebookExecution> ExecuteAsync(string notebookPath, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var document = NotebookFile.Load(notebookPath);
        var stopwatch = Stopwatch.StartNew();
        Directory.SetCurrentDirectory(workingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(notebookPath))!);
        using var kernel = CreateKernel();
        var results = new List<CellExecution>();
        var executionCount = 0;
        foreach (var (index, source) in document.CodeCells())
        {
            cancellationToken.ThrowIfCancellationRequested();
            executionCount++;
            var result = await kernel.SendAsync(new SubmitCode(source), cancellationToken);
            if (Environment.GetEnvironmentVariable("WEIGHTINIT_NOTEBOOK_TRACE") == "1")
            {
                foreach (var e in result.Events) Console.Error.WriteLine($"[trace] cell {index}: {e}");
            }
            var cell = ToCellExecution(index, executionCount, result.Events);
            results.Add(cell);
            if (cell.Failed) break;
        }
        return new NotebookExecution(results, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>Creates the kernel the notebooks run on.</summary>
    public static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective(async (k, packages) =>
            {
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                await LoadKernelExtensionsAsync(k, packages);
            }, forceRestore: false);
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        composite.UseImportMagicCommand();
        return composite;
    }

    /// <summary>
    /// Loads the kernel extensions shipped in the packages' <c>interactive-extensions/dotnet</c> folders,
    /// the folder dotnet-interactive loads them from.
    /// </summary>
    private static async Task LoadKernelExtensionsAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        foreach (var package in packages)
        {
            var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder)) continue;
            foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
                foreach (var type in ExtensionTypes(assembly))
                {
                    var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                    await extension.OnLoadAsync(kernel.RootKernel);
                }
            }
        }
    }

    private static IEnumerable<Type> ExtensionTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IKernelExtension).IsAssignableFrom(t));

    private static CellExecution ToCellExecution(int cellIndex, int executionCount, IReadOnlyList<KernelEvent> events)
    {
        var outputs = new List<JsonObject>();
        var byValueId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? error = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced o: AppendStream(outputs, "stdout", PlainText(o.FormattedValues)); break;
                case StandardErrorValueProduced o: AppendStream(outputs, "stderr", PlainText(o.FormattedValues)); break;
                case ReturnValueProduced r:
                    AddDisplay(outputs, byValueId, r, new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = executionCount });
                    break;
                case DisplayedValueUpdated u when u.ValueId is not null && byValueId.TryGetValue(u.ValueId, out var existing):
                    existing["data"] = MimeBundle(u.FormattedValues);
                    break;
                case DisplayEvent d:
                    AddDisplay(outputs, byValueId, d, new JsonObject { ["output_type"] = "display_data" });
                    break;
                case CommandFailed f when f.Command is SubmitCode:
                    error = f.Message;
                    outputs.Add(ErrorOutput(f.Message));
                    break;
            }
        }
        // A failure reported on a nested command (e.g. a failing #r) also fails the cell.
        if (error is null && events.Count > 0 && events[^1] is CommandFailed last)
        {
            error = last.Message;
        }
        return new CellExecution(cellIndex, new JsonArray(outputs.Cast<JsonNode>().ToArray()), error);
    }

    private static JsonObject ErrorOutput(string message) => new()
    {
        ["output_type"] = "error",
        ["ename"] = "Error",
        ["evalue"] = message,
        ["traceback"] = new JsonArray(message.Split('\n').Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
    };

    private static void AddDisplay(List<JsonObject> outputs, Dictionary<string, JsonObject> byValueId, DisplayEvent display, JsonObject output)
    {
        var data = MimeBundle(display.FormattedValues);
        if (data.Count == 0) return;
        output["data"] = data;
        output["metadata"] = new JsonObject();
        outputs.Add(output);
        if (display.ValueId is not null) byValueId[display.ValueId] = output;
    }

    private static JsonObject MimeBundle(IEnumerable<FormattedValue> values)
    {
        var data = new JsonObject();
        foreach (var v in values)
        {
            if (v.SuppressDisplay || data.ContainsKey(v.MimeType)) continue;
            data[v.MimeType] = NotebookFile.ToLines(v.Value);
        }
        return data;
    }

    private static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? string.Concat(values.Select(v => v.Value));

    private static void AppendStream(List<JsonObject> outputs, string name, string text)
    {
        if (outputs.Count > 0 && (string?)outputs[^1]["output_type"] == "stream" && (string?)outputs[^1]["name"] == name)
        {
            var previous = NotebookFile.JoinText(outputs[^1]["text"]);
            outputs[^1]["text"] = NotebookFile.ToLines(previous + text);
            return;
        }
        outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = NotebookFile.ToLines(text) });
    }
}
