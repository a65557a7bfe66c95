using System.Net;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Events;

/// <summary>Two app instances on one Redis: what one ingests is told to the subscribers of the other.</summary>
public sealed class MultiInstanceEventsTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private InboxApp _first = default!;
    private InboxApp _second = default!;

    public async Task InitializeAsync()
    {
        _first = new InboxApp();
        _first.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        await _first.InitializeAsync();
        _second = new InboxApp();
        _second.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task CustomerMessage_IngestedOnOneInstance_ReachesASubscriberOnTheOther()
    {
        var channel = await _first.AddChannelAsync();
        var told = new TaskCompletionSource<ConversationChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _second.Services.GetRequiredService<InboxEvents>().Subscribe<ConversationChanged>(e =>
        {
            if (e.ChannelId == channel.Id)
            {
                told.TrySetResult(e);
            }

            return Task.CompletedTask;
        });
        using var client = _first.CreateHttpClient();

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}",
            MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505550177", "from the first instance")]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = await told.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var stored = (await _first.MessagesAsync(channel.Id)).ShouldHaveSingleItem();
        stored.Text.ShouldBe("from the first instance");
        message.Created.ShouldBe([stored.Id]);
        message.Updated.ShouldBeEmpty();
        message.ConversationId.ShouldBe(stored.ConversationId);
    }
}
