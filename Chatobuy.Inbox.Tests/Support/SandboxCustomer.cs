using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>Playing the customer through the Sandbox, and waiting for what the inbox makes of it.</summary>
public static class SandboxCustomer
{
    /// <summary>
    /// The customer writes <paramref name="text"/> to the channel's number (the Sandbox delivers it as Meta's signed
    /// webhook); returns the conversation once the inbox has it.
    /// </summary>
    public static async Task<long> WritesAsync(InboxApp app, Channel channel, string waId, string text)
    {
        using var client = app.CreateHttpClient();
        var body = new JsonObject { ["phone_number_id"] = channel.PhoneNumberId, ["name"] = "Customer", ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        (await client.PostAsJsonAsync($"/sandbox/customers/{waId}/messages", body)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await app.DbAsync();
            var conversation = await db.Conversations.Where(c => c.ChannelId == channel.Id && c.Contact!.WaId == waId).Select(c => (long?)c.Id).FirstOrDefaultAsync();
            if (conversation is { } id)
            {
                return id;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer's message never arrived");
            await Task.Delay(100);
        }
    }

    /// <summary>The message once <paramref name="done"/> holds, or as it is after 30 seconds (the caller asserts).</summary>
    public static async Task<Message> WaitForMessageAsync(InboxApp app, long messageId, Func<Message, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await app.DbAsync();
            var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId);
            if (done(message) || DateTime.UtcNow > deadline)
            {
                return message;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The customer last wrote 25 hours ago, for the Sandbox and for the inbox: the customer service window is closed,
    /// so only templates may be sent.
    /// </summary>
    public static async Task CloseWindowAsync(InboxApp app, Channel channel, long conversation, string waId)
    {
        using var client = app.CreateHttpClient();
        (await client.PostAsJsonAsync($"/sandbox/customers/{waId}/last-seen", new JsonObject { ["phone_number_id"] = channel.PhoneNumberId, ["hours_ago"] = 25 }))
            .EnsureSuccessStatusCode();
        await using var db = await app.DbAsync();
        var row = await db.Conversations.SingleAsync(c => c.Id == conversation);
        row.LastInboundAt = DateTimeOffset.UtcNow.AddHours(-25);
        await db.SaveChangesAsync();
    }
}
