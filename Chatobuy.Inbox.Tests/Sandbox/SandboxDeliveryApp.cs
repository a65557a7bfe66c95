using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>
/// The whole app with webhook retries and message statuses compressed to milliseconds (and 10 messages/s per number), already set up (first Admin created) so the
/// emulator-only endpoints outside <c>/sandbox/graph</c> are not sent to the set-up page.
/// </summary>
public sealed class SandboxDeliveryApp : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public async Task InitializeAsync()
    {
        App.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        App.Settings["Sandbox:Webhooks:GatherMilliseconds"] = "300";
        App.Settings["Sandbox:StatusDelaysMilliseconds"] = "20,60,100";
        App.Settings["Sandbox:MessagesPerSecond"] = "10";
        await App.InitializeAsync();
        await using var scope = App.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateFirstAdminAsync("admin@example.com", "Sandbox Admin", "correct-horse-42");
        result.Succeeded.ShouldBeTrue(result.Error);
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
