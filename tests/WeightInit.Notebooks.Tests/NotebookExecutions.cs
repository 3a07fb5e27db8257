using System.Collections.Concurrent;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// Runs each notebook at most once per test run, through the runner's own code path (a fresh kernel
/// process per notebook, sanitized outputs) in check mode, which never writes the notebook; the
/// execution tests and the output comparison tests share the result. One notebook at a time.
/// </summary>
internal static class NotebookExecutions
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRunResult>>> Results = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static Task<NotebookRunResult> Of(string name) =>
        Results.GetOrAdd(name, n => new Lazy<Task<NotebookRunResult>>(() => RunAsync(n))).Value;

    private static async Task<NotebookRunResult> RunAsync(string name)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var options = new RunnerOptions(Repository.NotebooksFolder, Repository.Root, [], Check: true, TimeSpan.FromSeconds(300));
            return await new NotebookRunner(options, []).RunAsync(name);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
