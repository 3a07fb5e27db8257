using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeightInit.Notebooks.Apps;

/// <summary>
/// What the apps take in place of the notebooks' setup cell (<c>#!import setup.dib</c>), checked against
/// notebooks/setup.dib so that the two cannot drift apart:
/// <list type="bullet">
/// <item>each <c>#r "../artifacts/notebook-lib/NAME.dll"</c> becomes <c>#:project
/// ../../lib/NAME/NAME.csproj</c>;</item>
/// <item>each <c>#r "nuget: NAME, VERSION"</c> must be a kernel-only package (<see cref="KernelOnlyPackages"/>) or a
/// package the
/// projects already bring at that version (Directory.Packages.props), so no app needs a <c>#:package</c> of its
/// own;</item>
/// <item>its FSharp.Core resolver is not needed: an app's build resolves FSharp.Core like any package
/// dependency;</item>
/// <item>its using directives must be global usings of notebooks/apps/Directory.Build.props.</item>
/// </list>
/// Anything else in setup.dib is an error naming it.
/// </summary>
/// <param name="Projects">The <c>#:project</c> paths, relative to notebooks/apps, in order.</param>
/// <param name="GlobalUsings">The namespaces every app imports: the SDK's implicit usings and the apps' Using
/// items.</param>
public sealed partial record AppSetup(IReadOnlyList<string> Projects, IReadOnlyList<string> GlobalUsings)
{
    /// <summary>Packages of setup.dib that only the notebook kernel needs: Plotly.NET.Interactive formats charts as
    /// kernel output.</summary>
    public static readonly IReadOnlySet<string> KernelOnlyPackages =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Plotly.NET.Interactive" };

    /// <summary>The project of the apps' display helper (NotebookApp), which no notebook references.</summary>
    public const string AppHelperProject = "../../lib/WeightInit.Tutorial.Apps/WeightInit.Tutorial.Apps.csproj";

    /// <summary>The implicit usings of the .NET SDK for a console app (ImplicitUsings enable).</summary>
    public static readonly IReadOnlyList<string> SdkImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
            "System.Threading.Tasks"];

    /// <summary>Reads and checks notebooks/setup.dib and notebooks/apps/Directory.Build.props of <paramref
    /// name="repositoryRoot"/>.</summary>
    /// <exception cref="AppGenerationException">setup.dib holds something the apps do not provide; the message says
    /// what.</exception>
    public static AppSetup Load(string repositoryRoot)
    {
        var setupFile = Path.Combine(repositoryRoot, "notebooks", "setup.dib");
        var propsFile = Path.Combine(repositoryRoot, "notebooks", "apps", "Directory.Build.props");
        var packagesFile = Path.Combine(repositoryRoot, "Directory.Packages.props");
        foreach (var file in new[] { setupFile, propsFile, packagesFile })
            if (!File.Exists(file)) throw new AppGenerationException($"{Path.GetRelativePath(repositoryRoot, file)}: " +
                "not found");
        var appUsings = XDocument.Load(propsFile).Descendants("Using").Select(u =>
            (string?)u.Attribute("Include")).OfType<string>().ToList();
        var pinned = XDocument.Load(packagesFile).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!,
                StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var projects = new List<string>();
        var setupUsings = new List<string>();
        foreach (var cell in Regex.Split(File.ReadAllText(setupFile), @"^#!csharp\s*$", RegexOptions.Multiline).Skip(1))
        {
            var code = new List<string>();
            foreach (var line in cell.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                var reference = Reference().Match(line);
                if (!reference.Success) { code.Add(line); continue; }
                var target = reference.Groups["target"].Value;
                var package = NugetReference().Match(target);
                if (package.Success)
                {
                    var (name, version) = (package.Groups["name"].Value.Trim(), package.Groups["version"].Value.Trim());
                    if (KernelOnlyPackages.Contains(name)) continue;
                    if (!pinned.TryGetValue(name, out var central) || central != version)
                        problems.Add($"setup.dib: {line.Trim()} is not a package the apps' projects bring " +
                            "(Directory.Packages.props pins " +
                            $"{(central is null ? "no version of it" : central)}): reference it from " +
                                "lib/WeightInit.Tutorial at that version, or teach the app generator its #:package");
                    continue;
                }
                var dll = LibraryReference().Match(target);
                var project = dll.Success ? $"lib/{dll.Groups["name"].Value}/{dll.Groups["name"].Value}.csproj" : null;
                if (project is null || !File.Exists(Path.Combine(repositoryRoot, project)))
                    problems.Add($"setup.dib: {line.Trim()} is not an assembly of a project in lib/ " +
                        "(../artifacts/notebook-lib/NAME.dll built from lib/NAME/NAME.csproj)");
                else projects.Add("../../" + project);
            }
            var text = string.Join('\n', code);
            if (text.Trim().Length == 0) continue;
            var tree = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
            var root = (CompilationUnitSyntax)tree.GetRoot();
            setupUsings.AddRange(root.Usings.Select(u => u.Name?.ToString() ?? ""));
            foreach (var member in root.Members)
            {
                // The FSharp.Core resolver: the kernel ships an older FSharp.Core than Plotly.NET asks for; a build
                // resolves it.
                if (member.ToString().Contains("AssemblyLoadContext.Default.Resolving", StringComparison.Ordinal)
                    && member.ToString().Contains("FSharp.Core", StringComparison.Ordinal)) continue;
                problems.Add("setup.dib: the app generator does not know the apps' equivalent of: " +
                    $"{Flatten(member.ToString())}");
            }
        }
        foreach (var ns in setupUsings.Where(n => !appUsings.Contains(n)))
            problems.Add($"setup.dib: using {ns}; is not among the apps' usings: add <Using Include=\"{ns}\" /> to " +
                "notebooks/apps/Directory.Build.props");
        if (projects.Count == 0) problems.Add("setup.dib: references no assembly of lib/ (#r " +
            "\"../artifacts/notebook-lib/NAME.dll\")");
        if (problems.Count > 0) throw new AppGenerationException(problems);
        projects.Add(AppHelperProject);
        return new AppSetup(projects.Distinct().ToList(), SdkImplicitUsings.Concat(appUsings).Distinct().ToList());
    }

    private static string Flatten(string code)
    {
        var flat = Regex.Replace(code, @"\s+", " ").Trim();
        return flat.Length > 100 ? flat[..97] + "..." : flat;
    }

    [GeneratedRegex(@"^\s*#r\s+""(?<target>[^""]*)""\s*$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^nuget:\s*(?<name>[^,]+),\s*(?<version>.+)$")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^\.\./artifacts/notebook-lib/(?<name>[A-Za-z0-9.]+)\.dll$")]
    private static partial Regex LibraryReference();
}
