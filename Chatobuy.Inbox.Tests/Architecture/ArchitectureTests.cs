using System.Text;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox;
using Microsoft.AspNetCore.Components;

namespace Chatobuy.Inbox.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md's nevers, read from the compiled app (signatures and the IL of every method body, so a
/// reference hidden in a lambda, an <c>@inject</c> or a global using counts too): the inbox and the Sandbox do not
/// use each other, <c>CloudApi/</c> uses no feature, and components leave <c>Data/</c> to their feature's services.
/// </summary>
public sealed class ArchitectureTests
{
    private const string App = "Chatobuy.Inbox";

    private static readonly Type[] AppTypes = typeof(SandboxExtensions).Assembly.GetTypes();

    [Fact]
    public void Features_DoNotUseTheSandbox()
    {
        var offenders = Offenders(TypesIn("Features"), referenced => IsIn(referenced, "Sandbox"));

        offenders.ShouldBeEmpty(Describe("Features/ must not use the Sandbox (reach it over HTTP, by configuration).", offenders));
    }

    [Fact]
    public void CloudApi_DoesNotUseTheSandbox()
    {
        var offenders = Offenders(TypesIn("CloudApi"), referenced => IsIn(referenced, "Sandbox"));

        offenders.ShouldBeEmpty(Describe("CloudApi/ must not use the Sandbox.", offenders));
    }

    [Fact]
    public void Sandbox_DoesNotUseFeaturesOrCloudApi()
    {
        var offenders = Offenders(TypesIn("Sandbox"), referenced => IsIn(referenced, "Features") || IsIn(referenced, "CloudApi"));

        offenders.ShouldBeEmpty(Describe("The Sandbox must use neither Features/ nor CloudApi/.", offenders));
    }

    [Fact]
    public void CloudApi_UsesNoFeature()
    {
        var offenders = Offenders(TypesIn("CloudApi"), referenced => IsIn(referenced, "Features"));

        offenders.ShouldBeEmpty(Describe("CloudApi/ must not use any feature.", offenders));
    }

    [Fact]
    public void Components_DoNotTouchData()
    {
        var components = TypesIn("Features").Concat(TypesIn("Components"))
            .Where(type => typeof(IComponent).IsAssignableFrom(TypeReferences.Owner(type)));

        var offenders = Offenders(components, referenced => IsIn(referenced, "Data"));

        offenders.ShouldBeEmpty(Describe("Components must not touch Data/; load and save through their feature's services.", offenders));
    }

    /// <summary>
    /// What IL cannot show: constants are copied into the caller, and an <c>_Imports.razor</c> may import a namespace
    /// its components never use yet. So the sources of each area must not name a forbidden namespace either.
    /// </summary>
    [Theory]
    [InlineData("Sandbox", "Chatobuy.Inbox.Features")]
    [InlineData("Sandbox", "Chatobuy.Inbox.CloudApi")]
    [InlineData("CloudApi", "Chatobuy.Inbox.Features")]
    public void Sources_OfAnArea_DoNotNameAForbiddenNamespace(string folder, string forbidden)
    {
        var offenders = SourcesNaming(SourcesUnder(folder, "*.cs").Concat(SourcesUnder(folder, "*.razor")), forbidden);

        offenders.ShouldBeEmpty(Describe($"{folder}/ must not name {forbidden}.", offenders));
    }

    [Theory]
    [InlineData("Features")]
    [InlineData("Components")]
    public void ComponentSources_DoNotNameData(string folder)
    {
        var sources = SourcesUnder(folder, "*.razor").Concat(SourcesUnder(folder, "*.razor.cs"));

        var offenders = SourcesNaming(sources, "Chatobuy.Inbox.Data").Concat(SourcesNaming(sources, "InboxDbContext")).ToList();

        offenders.ShouldBeEmpty(Describe($"Components in {folder}/ (and their _Imports.razor) must not name Data/.", offenders));
    }

    [Fact]
    public void Offenders_FeaturesUsingData_AreSeen()
    {
        var offenders = Offenders(TypesIn("Features"), referenced => IsIn(referenced, "Data"));

        offenders.ShouldContain(line => line.EndsWith(" uses Chatobuy.Inbox.Data.InboxDbContext", StringComparison.Ordinal));
    }

    [Fact]
    public void TypeReferences_ReferenceOnlyInsideALambda_IsFoundForTheDeclaringType()
    {
        var referenced = typeof(Sample).GetNestedTypes(System.Reflection.BindingFlags.NonPublic)
            .SelectMany(TypeReferences.Of)
            .ToHashSet();

        referenced.ShouldContain(typeof(StringBuilder));
        TypeReferences.Owner(typeof(Sample).GetNestedTypes(System.Reflection.BindingFlags.NonPublic)[0]).ShouldBe(typeof(Sample));
    }

    [Fact]
    public void Offenders_TypeUsingAForbiddenType_IsListedWithWhatItUses()
    {
        var sample = typeof(Sample).GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Append(typeof(Sample));

        var offenders = Offenders(sample, referenced => referenced == typeof(StringBuilder));

        offenders.ShouldBe([$"{typeof(Sample).FullName} uses {typeof(StringBuilder).FullName}"]);
        Describe("Rule.", offenders).ShouldContain($"{typeof(Sample).FullName} uses {typeof(StringBuilder).FullName}");
    }

    /// <summary>Every "<c>Owner uses Referenced</c>" pair among <paramref name="types"/> (nested types count for their owner).</summary>
    internal static IReadOnlyList<string> Offenders(IEnumerable<Type> types, Func<Type, bool> forbidden) =>
        types
            .SelectMany(type => TypeReferences.Of(type)
                .Where(forbidden)
                .Select(referenced => $"{TypeReferences.Owner(type).FullName} uses {TypeReferences.Owner(referenced).FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> SourcesNaming(IEnumerable<string> files, string name) =>
        files
            .Where(file => Regex.IsMatch(File.ReadAllText(file), $@"(?<![\w.]){Regex.Escape(name)}(?!\w)"))
            .Select(file => $"{Path.GetRelativePath(ProjectDirectory, file).Replace('\\', '/')} names {name}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> SourcesUnder(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(ProjectDirectory, folder), pattern, SearchOption.AllDirectories);

    private static string ProjectDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Chatobuy.Inbox.sln")))
                {
                    return Path.Combine(directory.FullName, App);
                }
            }

            throw new InvalidOperationException($"Chatobuy.Inbox.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    private static string Describe(string rule, IReadOnlyList<string> offenders) =>
        $"{rule} Offenders:{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}";

    /// <summary>The app's types (nested ones included) whose namespace is <c>Chatobuy.Inbox.&lt;area&gt;</c> or below.</summary>
    private static IEnumerable<Type> TypesIn(string area) => AppTypes.Where(type => IsIn(type, area));

    private static bool IsIn(Type type, string area)
    {
        var prefix = $"{App}.{area}";
        return type.Assembly == typeof(SandboxExtensions).Assembly
            && type.Namespace is { } ns
            && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal));
    }
}

/// <summary>A type whose only use of <see cref="StringBuilder"/> is inside a lambda (the compiler moves it to a nested type).</summary>
file static class Sample
{
    public static Func<string> Build() => () => new StringBuilder("only in a lambda").ToString();
}
