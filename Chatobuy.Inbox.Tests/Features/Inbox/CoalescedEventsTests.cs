using System.Net;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>
/// A webhook delivery is told once per conversation it touched (what open pages and workers hear), while integrators on
/// the hub still hear every message.
/// </summary>
public sealed class CoalescedEventsTests(InboxApp app) : IClassFixture<InboxApp>
{
    private static readonly string[] Customers = ["16505550201", "16505550202", "16505550203"];

    [Fact]
    public async Task Delivery_FiftyMessagesInThreeConversations_ThreeEventsWithEveryMessage()
    {
        var channel = await app.AddChannelAsync();
        var events = app.Services.GetRequiredService<InboxEvents>();
        var told = new List<IConversationEvent>();
        var sentinelSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = events.Subscribe<IConversationEvent>(e =>
        {
            if (e.ConversationId == -1)
            {
                sentinelSeen.TrySetResult();
            }
            else
            {
                told.Add(e);
            }

            return Task.CompletedTask;
        }, filter: e => e.ChannelId == channel.Id);
        using var client = app.CreateHttpClient();

        var response = await PostFiftyAsync(client, channel);

        // Everything the delivery published was queued before its 200; a marker published now comes after all of it.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        events.Publish(new ConversationUpdated(channel.Id, -1));
        await sentinelSeen.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var stored = await app.MessagesAsync(channel.Id);
        stored.Count.ShouldBe(50);
        told.ShouldAllBe(e => e is ConversationChanged);
        var changes = told.Cast<ConversationChanged>().ToList();
        changes.Count.ShouldBe(3);
        changes.Select(c => c.ConversationId).ShouldBe(stored.Select(m => m.ConversationId).Distinct(), ignoreOrder: true);
        foreach (var change in changes)
        {
            change.Created.ShouldBe(stored.Where(m => m.ConversationId == change.ConversationId).Select(m => m.Id).Order());
            change.Updated.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Delivery_FiftyMessagesInThreeConversations_HubTellsIntegratorsEachMessage()
    {
        var channel = await app.AddChannelAsync();
        await using var hub = await ConnectAsync();
        var created = new List<InboxMessageEvent>();
        var conversations = new List<InboxConversationEvent>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Arrived()
        {
            if (created.Count == 50 && conversations.Count == 3)
            {
                all.TrySetResult();
            }
        }

        hub.On<InboxMessageEvent>(nameof(IInboxClient.MessageCreated), e =>
        {
            lock (created)
            {
                created.Add(e);
                Arrived();
            }
        });
        hub.On<InboxConversationEvent>(nameof(IInboxClient.ConversationUpdated), e =>
        {
            lock (created)
            {
                conversations.Add(e);
                Arrived();
            }
        });
        await hub.InvokeAsync(nameof(InboxHub.WatchChannels), new[] { channel.Id });
        using var client = app.CreateHttpClient();

        (await PostFiftyAsync(client, channel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await all.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var stored = await app.MessagesAsync(channel.Id);
        lock (created)
        {
            created.Select(e => e.MessageId).ShouldBe(stored.Select(m => m.Id), ignoreOrder: true);
            created.ShouldAllBe(e => e.ChannelId == channel.Id);
            conversations.Select(e => e.ConversationId).ShouldBe(stored.Select(m => m.ConversationId).Distinct(), ignoreOrder: true);
        }
    }

    /// <summary>One delivery of 50 text messages from three customers, interleaved.</summary>
    private static Task<HttpResponseMessage> PostFiftyAsync(HttpClient client, Channel channel) =>
        MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId,
            Enumerable.Range(0, 50).Select(i => MetaWebhook.Text(Customers[i % 3], $"message {i}"))));

    private async Task<HubConnection> ConnectAsync()
    {
        await using var scope = app.CreateScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Coalescing test", "tests");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, InboxHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key.Plaintext))
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
