using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Data;

public sealed class RootAppSettingsTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public void RootAppSettings_GraphDefaults_AreWhatTheRunningAppUses()
    {
        var root = FindRepositoryRoot();
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")));
        var cloudApi = file.RootElement.GetProperty("CloudApi");

        var options = app.Services.GetRequiredService<IOptions<CloudApiOptions>>().Value;

        options.DefaultVersion.ShouldBe(cloudApi.GetProperty("DefaultVersion").GetString());
        options.DefaultBaseUrl.ShouldBe(cloudApi.GetProperty("DefaultBaseUrl").GetString());
        // The file's timeout differs from the code's default, so this only passes when the file is read.
        cloudApi.GetProperty("TimeoutSeconds").GetInt32().ShouldNotBe(new CloudApiOptions().TimeoutSeconds);
        options.TimeoutSeconds.ShouldBe(cloudApi.GetProperty("TimeoutSeconds").GetInt32());
    }

    [Fact]
    public void RootAppSettings_IsTheFileCopiedBesideTheApp()
    {
        var root = FindRepositoryRoot();
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .ShouldBe(File.ReadAllText(Path.Combine(root, "appsettings.json")));
        File.Exists(Path.Combine(root, "Chatobuy.Inbox", "appsettings.json")).ShouldBeFalse("the app must read the root file, not a project copy");
    }

    internal static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chatobuy.Inbox.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Chatobuy.Inbox.sln not found above the test binaries.");
    }
}
