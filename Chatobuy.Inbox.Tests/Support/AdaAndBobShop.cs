using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>One app shared by a test class: Ada (Admin), Bob (Agent) and the Sandbox channel "Support".</summary>
public sealed class AdaAndBobShop : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Channel Support { get; private set; } = default!;

    public string AdaId { get; private set; } = "";

    public string BobId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        (AdaId, BobId) = await AdaAndBob.CreateAsync(App);
        Support = await SandboxChannel.ConnectAsync(App, "Support");
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
