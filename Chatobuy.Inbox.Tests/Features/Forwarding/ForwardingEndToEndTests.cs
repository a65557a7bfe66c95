using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Forwarding;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>
/// The whole app with its Sandbox, forwarding to a receiver on loopback: the customer's message (Meta's object inside),
/// the agent's reply and its statuses, assignment and resolution arrive signed and in order; the API lists and replays.
/// </summary>
public sealed class ForwardingEndToEndTests : IAsyncLifetime
{
    private const string Customer = "5511912345678";
    private readonly InboxApp _app = new();
    private ForwardingReceiver _receiver = default!;
    private Channel _channel = default!;
    private string _secret = "";

    public async Task InitializeAsync()
    {
        _receiver = await ForwardingReceiver.StartAsync();
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        _app.Settings["Forwarding:PollIntervalMilliseconds"] = "100";
        _app.Settings["Forwarding:BaseDelaySeconds"] = "1";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Forwarding");
        await using (var db = await _app.DbAsync())
        {
            await db.Channels.Where(c => c.Id == _channel.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ForwardingWebhookUrl, _receiver.Url));
        }

        _secret = (await _app.Services.GetRequiredService<ForwardingService>().RotateSecretAsync(_channel.Id))!;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task CustomerMessage_ReachesTheReceiver_SignedWithMetasValueInside_ThenTheConversationsEventsInOrder()
    {
        var conversationId = await SandboxCustomer.WritesAsync(_app, _channel, Customer, "Is my order ready?");

        var received = (await _receiver.WaitForAsync(r => r.Any(e => e.Type == ForwardingEventTypes.MessageReceived)))
            .First(e => e.Type == ForwardingEventTypes.MessageReceived);
        ForwardingSignature.Verify(_secret, received.Signature, received.Body, DateTimeOffset.UtcNow).ShouldBeTrue();
        var message = (await _app.MessagesAsync(_channel.Id)).Single();
        var envelope = received.Json;
        envelope["id"]!.GetValue<string>().ShouldBe(received.EventId);
        envelope["channelId"]!.GetValue<string>().ShouldBe(_channel.Id);
        envelope["conversationId"]!.GetValue<long>().ShouldBe(conversationId);
        envelope["messageId"]!.GetValue<long>().ShouldBe(message.Id);
        envelope["contactId"]!.GetValue<long>().ShouldBeGreaterThan(0);
        envelope["field"]!.GetValue<string>().ShouldBe("messages");
        // Meta's message object, as the Sandbox (Meta) sent it.
        var value = envelope["value"]!;
        value["id"]!.GetValue<string>().ShouldBe(message.WaMessageId);
        value["from"]!.GetValue<string>().ShouldBe(Customer);
        value["type"]!.GetValue<string>().ShouldBe("text");
        value["text"]!["body"]!.GetValue<string>().ShouldBe("Is my order ready?");

        // The agent answers, assigns and resolves.
        await using (var scope = _app.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<OutboundService>()
                .SendAsync(new SendRequest(conversationId, Guid.NewGuid().ToString("N"), "Yes, it ships today."), CancellationToken.None);
            sent.Error.ShouldBeNull();
        }

        await using (var scope = _app.CreateScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<InboxService>();
            var agent = (await inbox.AgentsAsync()).FirstOrDefault();
            (await inbox.AssignAsync(conversationId, agent?.Id)).ShouldBeNull();
            (await inbox.SetStatusAsync(conversationId, ConversationStatus.Resolved)).ShouldBeNull();
        }

        var all = await _receiver.WaitForAsync(r =>
            r.Any(e => e.Type == ForwardingEventTypes.ConversationResolved)
            && r.Any(e => e.Type == ForwardingEventTypes.MessageStatus && e.Json["value"]!["status"]!.GetValue<string>() == "read"));
        var types = all.Where(e => e.ConversationId == conversationId).Select(e => e.Type).ToList();
        types.IndexOf(ForwardingEventTypes.MessageReceived).ShouldBe(0);
        types.ShouldContain(ForwardingEventTypes.MessageSent);
        types.IndexOf(ForwardingEventTypes.MessageSent).ShouldBeLessThan(types.IndexOf(ForwardingEventTypes.MessageStatus));
        types.IndexOf(ForwardingEventTypes.ConversationAssigned).ShouldBeLessThan(types.IndexOf(ForwardingEventTypes.ConversationResolved));
        var statuses = all.Where(e => e.Type == ForwardingEventTypes.MessageStatus).Select(e => e.Json["value"]!["status"]!.GetValue<string>()).ToList();
        // In the order Meta's webhooks came in, which Meta does not promise to be the order of the statuses.
        statuses.ShouldBe(["sent", "delivered", "read"], ignoreOrder: true);
        all.ShouldAllBe(e => ForwardingSignature.Verify(_secret, e.Signature, e.Body, DateTimeOffset.UtcNow, null));
        all.Select(e => e.EventId).ShouldBeUnique();
    }

    [Fact]
    public async Task Api_ListsDeliveries_AndReplaysOneWithTheSameEventId()
    {
        await SandboxCustomer.WritesAsync(_app, _channel, "5511900000001", "Hello");
        await _receiver.WaitForAsync(r => r.Any(e => e.Type == ForwardingEventTypes.MessageReceived));
        using var client = await ApiClients.WithNewKeyAsync(_app);

        JsonObject page = default!;
        for (var i = 0; i < 100; i++)
        {
            page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/channels/{_channel.Id}/deliveries"))!;
            if (page["items"]!.AsArray().Any(d => d!["state"]!.GetValue<string>() == "delivered"))
            {
                break;
            }

            await Task.Delay(100);
        }

        var delivered = page["items"]!.AsArray().First(d => d!["type"]!.GetValue<string>() == ForwardingEventTypes.MessageReceived)!;
        delivered["state"]!.GetValue<string>().ShouldBe("delivered");
        delivered["lastStatusCode"]!.GetValue<int>().ShouldBe(200);
        delivered["attempts"]!.GetValue<int>().ShouldBe(1);
        delivered["response"]!.GetValue<string>().ShouldBe("answer 200 from the test receiver");
        var failed = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/channels/{_channel.Id}/deliveries?failed=true"))!;
        failed["items"]!.AsArray().ShouldBeEmpty();
        failed["total"]!.GetValue<int>().ShouldBe(0);

        var replay = await client.PostAsync($"/api/v1/channels/{_channel.Id}/deliveries/{delivered["id"]}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await replay.Content.ReadFromJsonAsync<JsonObject>())!["replayOf"]!.GetValue<long>().ShouldBe(delivered["id"]!.GetValue<long>());
        var eventId = delivered["eventId"]!.GetValue<string>();
        await _receiver.WaitForAsync(r => r.Count(e => e.EventId == eventId) == 2);

        (await client.PostAsync($"/api/v1/channels/{_channel.Id}/deliveries/999999/replay", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/channels/nope/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SendTestEvent_ReachesTheReceiver()
    {
        var result = await _app.Services.GetRequiredService<ForwardingService>().SendTestAsync(_channel.Id);

        result.Succeeded.ShouldBeTrue(result.Error);
        var test = (await _receiver.WaitForAsync(r => r.Any(e => e.Type == ForwardingEventTypes.Test))).First(e => e.Type == ForwardingEventTypes.Test);
        ForwardingSignature.Verify(_secret, test.Signature, test.Body, DateTimeOffset.UtcNow).ShouldBeTrue();
        test.Json["data"]!["message"]!.GetValue<string>().ShouldContain("test event");
    }
}
