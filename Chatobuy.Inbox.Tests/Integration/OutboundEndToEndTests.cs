using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>Agent replies through the outbound pipeline to the Sandbox, with statuses coming back by webhook.</summary>
public sealed class OutboundEndToEndTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,80,150";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Replies");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Reply_InsideTheWindow_GoesSentDeliveredRead()
    {
        var conversation = await CustomerWritesAsync("5511900000001", "Hello?");
        var service = _app.Services.GetRequiredService<OutboundService>();

        var sent = await service.SendAsync(new SendRequest(conversation, "reply-1", "Hi there!"), CancellationToken.None);

        sent.Error.ShouldBeNull();
        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status == MessageStatus.Read);
        message.Status.ShouldBe(MessageStatus.Read);
        message.WaMessageId.ShouldNotBeNull();
        await using var db = await _app.DbAsync();
        (await db.MessageStatusUpdates.Where(u => u.WaMessageId == message.WaMessageId).Select(u => u.Status).ToListAsync())
            .ShouldBe([MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read], ignoreOrder: true);
    }

    [Fact]
    public async Task Reply_CustomerSilentFor25Hours_MetaAcceptsThenFails131047()
    {
        const string customer = "5511900000002";
        var conversation = await CustomerWritesAsync(customer, "Old question");
        using var client = _app.CreateHttpClient();
        (await client.PostAsJsonAsync($"/sandbox/customers/{customer}/last-seen", new JsonObject { ["phone_number_id"] = _channel.PhoneNumberId, ["hours_ago"] = 25 }))
            .EnsureSuccessStatusCode();
        await using (var db = await _app.DbAsync())
        {
            // The inbox still believes the window is open (its clock says the customer wrote just now): Meta decides.
            (await db.Conversations.SingleAsync(c => c.Id == conversation)).LastInboundAt.ShouldNotBeNull();
        }

        var service = _app.Services.GetRequiredService<OutboundService>();
        var sent = await service.SendAsync(new SendRequest(conversation, "late-1", "Are you still there?"), CancellationToken.None);

        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status == MessageStatus.Failed);
        message.Status.ShouldBe(MessageStatus.Failed);
        message.ErrorCode.ShouldBe(131047);
        message.ErrorDetails!.ShouldContain("more than 24 hours have passed");
    }

    [Fact]
    public async Task ReadReceipts_PerChannelPolicy_SentWhenOpenedOrOnReplyOrNever()
    {
        const string customer = "5511900000003";
        var conversation = await CustomerWritesAsync(customer, "Anyone?");
        var outbox = _app.Services.GetRequiredService<Chatobuy.Inbox.Sandbox.State.SandboxOutbox>();
        await using var scope = _app.CreateScope();
        var receipts = scope.ServiceProvider.GetRequiredService<ReadReceipts>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();

        // Default policy: when an agent opens the conversation.
        (await receipts.AgentRepliedAsync(conversation)).ShouldBeFalse();
        outbox.ReadMark(_channel.PhoneNumberId, customer).ShouldBeNull();
        (await receipts.ConversationOpenedAsync(conversation)).ShouldBeTrue();
        outbox.ReadMark(_channel.PhoneNumberId, customer).ShouldNotBeNull();

        // Switched off: nothing is sent.
        var view = (await channels.GetAsync(_channel.Id))!;
        (await channels.UpdateAsync(_channel.Id, new EditChannelModel { Title = view.Title, ReadReceipts = ReadReceiptPolicy.Off })).Succeeded.ShouldBeTrue();
        (await receipts.ConversationOpenedAsync(conversation)).ShouldBeFalse();
        (await receipts.AgentRepliedAsync(conversation)).ShouldBeFalse();
    }

    [Fact]
    public async Task TypingIndicator_ShownWithTheReadReceiptUnlessReceiptsAreOff()
    {
        const string customer = "5511900000004";
        var conversation = await CustomerWritesAsync(customer, "Can you check my order?");
        var outbox = _app.Services.GetRequiredService<Chatobuy.Inbox.Sandbox.State.SandboxOutbox>();
        await using var scope = _app.CreateScope();
        var receipts = scope.ServiceProvider.GetRequiredService<ReadReceipts>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var view = (await channels.GetAsync(_channel.Id))!;

        // Receipts off: the customer sees neither blue ticks nor "typing…".
        (await channels.UpdateAsync(_channel.Id, new EditChannelModel { Title = view.Title, ReadReceipts = ReadReceiptPolicy.Off })).Succeeded.ShouldBeTrue();
        (await receipts.AgentTypingAsync(conversation)).ShouldBeFalse();
        outbox.ReadMark(_channel.PhoneNumberId, customer).ShouldBeNull();

        // "When an agent replies": starting to type the reply shows "typing…" (and reads the message).
        (await channels.UpdateAsync(_channel.Id, new EditChannelModel { Title = view.Title, ReadReceipts = ReadReceiptPolicy.WhenReplied })).Succeeded.ShouldBeTrue();
        (await receipts.AgentTypingAsync(conversation)).ShouldBeTrue();
        var mark = outbox.ReadMark(_channel.PhoneNumberId, customer);
        mark.ShouldNotBeNull();
        mark.TypingUntil.ShouldNotBeNull();
    }

    private Task<long> CustomerWritesAsync(string waId, string text) => SandboxCustomer.WritesAsync(_app, _channel, waId, text);

    private Task<Message> WaitForAsync(long messageId, Func<Message, bool> done) => SandboxCustomer.WaitForMessageAsync(_app, messageId, done);
}
