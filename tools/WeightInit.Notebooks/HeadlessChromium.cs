namespace WeightInit.Notebooks;

/// <summary>
/// Runs Debian's chromium headless on a local page and returns the page's DOM once its scripts are done
/// (<c>--dump-dom</c> with a virtual time budget). Every start gets a fresh profile folder; the network is
/// closed (every host name resolves to nothing), so a page can never fetch anything.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Loads <paramref name="pagePath"/> and returns its serialized DOM.</summary>
    /// <param name="chromiumPath">The chromium executable.</param>
    /// <param name="pagePath">A local HTML file.</param>
    /// <param name="timeout">Wall-clock limit for the whole browser run; the browser is killed past it.</param>
    /// <param name="cancellationToken">Cancels the run (the browser is killed).</param>
    /// <exception cref="TimeoutException">The browser did not finish within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The browser exited with a non-zero code.</exception>
    public static async Task<string> DumpDomAsync(string chromiumPath, string pagePath, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var profile = Directory.CreateTempSubdirectory("weightinit-chromium-");
        try
        {
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND", // offline by construction: nothing resolves
                "--allow-file-access-from-files",
                "--force-device-scale-factor=1", "--window-size=1280,1024",
                $"--virtual-time-budget={(int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)}",
                $"--user-data-dir={profile.FullName}",
                "--dump-dom",
                new Uri(Path.GetFullPath(pagePath)).AbsoluteUri,
            ];
            var run = await ChildProcess.RunAsync(chromiumPath, arguments, Directory.GetCurrentDirectory(), timeout,
                cancellationToken: cancellationToken);
            if (run.TimedOut)
                throw new TimeoutException(
                    $"chromium did not finish {Path.GetFileName(pagePath)} within {timeout.TotalSeconds:0} s.");
            if (run.ExitCode != 0)
                throw new InvalidOperationException(
                    $"chromium exited with code {run.ExitCode} on {Path.GetFileName(pagePath)}:{Environment.NewLine}" +
                    run.Tail(5));
            return run.Stdout;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
