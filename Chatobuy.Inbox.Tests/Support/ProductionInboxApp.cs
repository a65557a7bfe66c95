using Microsoft.Extensions.Hosting;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>The whole app as it runs in Production: the Sandbox follows the app's own rule (closed) instead of being forced on.</summary>
public sealed class ProductionInboxApp : IAsyncLifetime
{
    public InboxApp App { get; } = new() { EnvironmentName = Environments.Production, SandboxEnabled = null };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
