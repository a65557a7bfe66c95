using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md: nothing outside <c>Sandbox/</c> uses a Sandbox type; the inbox reaches the emulator only over HTTP.
/// The one exception is the composition root, Program.cs, which calls <c>AddSandbox()</c> and <c>MapSandbox()</c>.
/// </summary>
public sealed class SandboxIsolationTests
{
    private const string SandboxNamespace = "Chatobuy.Inbox.Sandbox";

    /// <summary>The lines Program.cs may have (and nothing else may).</summary>
    private static readonly string[] CompositionRootLines =
    [
        $"using {SandboxNamespace};",
        "builder.AddSandbox();",
        "app.MapSandbox();",
    ];

    [Fact]
    public void AppSources_OutsideSandboxFolder_DoNotUseSandboxTypes()
    {
        var project = Path.Combine(FindRepositoryRoot(), "Chatobuy.Inbox");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(project, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file).Replace('\\', '/');
            if (!(relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".razor", StringComparison.Ordinal))
                || relative.StartsWith("Sandbox/", StringComparison.Ordinal)
                || relative.StartsWith("bin/", StringComparison.Ordinal)
                || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var violations = FindViolations(File.ReadAllText(file), isCompositionRoot: relative == "Program.cs");
            if (violations.Count > 0)
            {
                offenders.Add($"{relative}: {string.Join(", ", violations)}");
            }
        }

        offenders.ShouldBeEmpty($"Only Program.cs may name the Sandbox (AddSandbox/MapSandbox). Offenders:{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
    }

    [Fact]
    public void FindViolations_TextUsingSandboxType_ReportsIt()
    {
        const string sample = """
            using Chatobuy.Inbox.Sandbox;

            public sealed class Sneaky(SandboxState state)
            {
                public string Id => state.BusinessId;
            }
            """;

        var violations = FindViolations(sample, isCompositionRoot: false);

        violations.ShouldBe([SandboxNamespace, nameof(SandboxState)], ignoreOrder: true);
    }

    [Fact]
    public void FindViolations_CompositionRootCalls_AreAllowedOnlyInProgram()
    {
        const string program = """
            using Chatobuy.Inbox.Sandbox;
            builder.AddSandbox();
            app.MapSandbox();
            """;

        FindViolations(program, isCompositionRoot: true).ShouldBeEmpty();
        FindViolations(program, isCompositionRoot: false).ShouldBe([SandboxNamespace, "AddSandbox", "MapSandbox"], ignoreOrder: true);
        FindViolations(program + "\nvar s = app.Services.GetRequiredService<SandboxState>();", isCompositionRoot: true)
            .ShouldBe([nameof(SandboxState)]);
    }

    [Fact]
    public void FindViolations_NamesThatOnlyStartWithSandbox_AreNotViolations()
    {
        const string sample = """
            public const string SandboxPath = "/sandbox/graph";
            public bool SandboxAvailable => true;
            """;

        FindViolations(sample, isCompositionRoot: false).ShouldBeEmpty();
    }

    /// <summary>The Sandbox names (namespace, types, composition-root calls) the text mentions.</summary>
    internal static IReadOnlyList<string> FindViolations(string text, bool isCompositionRoot)
    {
        if (isCompositionRoot)
        {
            var lines = text.Split('\n').Where(line => !CompositionRootLines.Contains(line.Trim()));
            text = string.Join('\n', lines);
        }

        return ForbiddenNames()
            .Where(name => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(name)}(?!\w)"))
            .Distinct()
            .ToList();
    }

    private static IEnumerable<string> ForbiddenNames()
    {
        yield return SandboxNamespace;
        yield return "AddSandbox";
        yield return "MapSandbox";
        foreach (var type in typeof(SandboxState).Assembly.GetTypes())
        {
            if (type.Namespace is { } ns && (ns == SandboxNamespace || ns.StartsWith(SandboxNamespace + ".", StringComparison.Ordinal))
                && !type.IsNested && !type.Name.Contains('<'))
            {
                yield return type.Name.Split('`')[0];
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chatobuy.Inbox.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Chatobuy.Inbox.sln not found above {AppContext.BaseDirectory}.");
    }
}
