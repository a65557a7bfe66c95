using System.Net;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>The hub over real HTTP, as an integrator with an API key: a customer's message reaches a subscribed client as soon as it is committed.</summary>
public sealed class InboxHubTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public async Task CustomerMessage_AfterCommit_ReachesAClientWatchingTheChannel()
    {
        var channel = await app.AddChannelAsync();
        await using var hub = await ConnectAsync();
        var received = new TaskCompletionSource<InboxMessageEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<InboxMessageEvent>(nameof(IInboxClient.MessageCreated), e => received.TrySetResult(e));
        await hub.InvokeAsync(nameof(InboxHub.WatchChannels), new[] { channel.Id });
        using var client = app.CreateHttpClient();

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}",
            MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505550111", "live!")]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        message.ChannelId.ShouldBe(channel.Id);
        var stored = (await app.MessagesAsync(channel.Id)).ShouldHaveSingleItem();
        message.MessageId.ShouldBe(stored.Id);
        message.ConversationId.ShouldBe(stored.ConversationId);
    }

    [Fact]
    public async Task Client_OtherChannel_IsNotTold()
    {
        var watched = await app.AddChannelAsync();
        var other = await app.AddChannelAsync();
        await using var hub = await ConnectAsync();
        var events = new List<InboxMessageEvent>();
        var watchedArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<InboxMessageEvent>(nameof(IInboxClient.MessageCreated), e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            if (e.ChannelId == watched.Id)
            {
                watchedArrived.TrySetResult();
            }
        });
        await hub.InvokeAsync(nameof(InboxHub.WatchChannels), new[] { watched.Id });
        using var client = app.CreateHttpClient();

        await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{other.Id}", MetaWebhook.Envelope(other.WabaId, other.PhoneNumberId, [MetaWebhook.Text("16505550112", "not for you")]));
        await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{watched.Id}", MetaWebhook.Envelope(watched.WabaId, watched.PhoneNumberId, [MetaWebhook.Text("16505550113", "for you")]));

        await watchedArrived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        lock (events)
        {
            events.ShouldAllBe(e => e.ChannelId == watched.Id);
        }
    }

    [Fact]
    public async Task Hub_WithoutSignIn_RefusesTheConnection()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, InboxHub.Path)).Build();
        var failure = await Should.ThrowAsync<HttpRequestException>(() => hub.StartAsync());
        failure.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HubConnection> ConnectAsync()
    {
        await using var scope = app.CreateScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Hub test", "tests");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, InboxHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key.Plaintext))
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
