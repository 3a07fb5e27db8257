using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Tests;

/// <summary>The kernel a notebook names is the one the repository's tool registered (what Jupyter and VS Code
/// pick).</summary>
public sealed class KernelSpecCheckTests
{
    // What `jupyter kernelspec list --json` prints after `dotnet dotnet-interactive jupyter install` (1.0.712001).
    private static JsonObject Registered(string language = "C#", string display = ".NET (C#)",
        string command = "dotnet") => new()
    {
        ["kernelspecs"] = new JsonObject
        {
            ["python3"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["language"] = "python", ["display_name"] = "Python 3", ["argv"] = new JsonArray("python3"),
                },
            },
            [".net-csharp"] = new JsonObject
            {
                ["resource_dir"] = "/somewhere/kernels/.net-csharp",
                ["spec"] = new JsonObject
                {
                    ["argv"] = new JsonArray(command, "interactive", "jupyter", "--default-kernel", "csharp",
                        "{connection_file}", "--http-port-range", "2048-3000"),
                    ["display_name"] = display, ["language"] = language,
                },
            },
        },
    };

    private static JsonObject Notebook(string kernel = ".net-csharp") => new()
    {
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["name"] = kernel, ["display_name"] = ".NET (C#)", ["language"] = "C#" },
        },
    };

    [Fact]
    public void ANotebookNamingTheRegisteredKernelPasses() =>
        Assert.Empty(KernelSpecCheck.Problems(Registered(), [("01.ipynb", Notebook())]));

    [Fact]
    public void AKernelThatIsNotRegisteredIsNamedWithTheScriptToRun()
    {
        var problem = Assert.Single(KernelSpecCheck.Problems(Registered(), [("01.ipynb", Notebook(".net-fsharp"))]));
        Assert.Equal("01.ipynb: its kernel '.net-fsharp' is not registered (registered: python3, .net-csharp); run " +
            "scripts/jupyter-kernel-setup.sh", problem);
    }

    [Fact]
    public void AnotherLanguageDisplayNameOrCommandIsNamed()
    {
        Assert.Contains("speaks F#",
            Assert.Single(KernelSpecCheck.Problems(Registered(language: "F#"), [("01.ipynb", Notebook())])));
        Assert.Contains("is shown as 'C#'",
            Assert.Single(KernelSpecCheck.Problems(Registered(display: "C#"), [("01.ipynb", Notebook())])));
        Assert.Contains("not the repository's local tool",
            Assert.Single(KernelSpecCheck.Problems(Registered(command: "/opt/dotnet-interactive"),
                [("01.ipynb", Notebook())])));
    }
}
