using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>What Sandbox tests reach for: its settings, its state, and a Graph connection to it.</summary>
public abstract class SandboxTestBase(InboxApp app) : IClassFixture<InboxApp>
{
    protected InboxApp App => app;

    protected SandboxOptions Options => app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;

    protected SandboxState State => app.Services.GetRequiredService<SandboxState>();

    protected GraphConnection SandboxConnection(string? token = null) =>
        new(app.BaseAddress + "sandbox/graph", "v23.0", token ?? Options.AccessToken);
}
