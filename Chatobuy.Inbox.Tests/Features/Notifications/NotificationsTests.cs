using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Notifications;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Notifications;

/// <summary>
/// What lands in an agent's notification centre: a new conversation for everyone, an assignment by a colleague, the
/// customer's next message for the assignee, a mention; and marking them read. Customers write through the Sandbox.
/// </summary>
public sealed class NotificationsTests(AdaAndBobShop shop) : IClassFixture<AdaAndBobShop>
{
    private NotificationCenter Center => shop.App.Services.GetRequiredService<NotificationCenter>();

    [Fact]
    public async Task NewConversation_EveryAgentIsToldWithTheCustomerAndTheirWords()
    {
        var conversation = await WritesAsync("5511970002001", "Rosa Lima", "Hi, I need help with my order");

        foreach (var agent in new[] { shop.AdaId, shop.BobId })
        {
            var told = await WaitForAsync(agent, n => n.Link == $"/inbox/{conversation}" && n.Kind == NotificationKind.NewConversation);
            told.Title.ShouldBe("New conversation on Support");
            told.Text.ShouldBe("Rosa Lima: Hi, I need help with my order");
            told.IsRead.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Assignment_TheAssigneeIsToldByWhom_ThenOfTheCustomersNextMessage()
    {
        var conversation = await WritesAsync("5511970002002", "Tiago", "Is the shop open on Sunday?");
        var added = new TaskCompletionSource<NotificationAdded>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = shop.App.Services.GetRequiredService<InboxEvents>().Subscribe<NotificationAdded>(
            e => { added.TrySetResult(e); return Task.CompletedTask; },
            filter: e => e.UserId == shop.BobId && e.Link == $"/inbox/{conversation}" && e.Title.Contains("assigned", StringComparison.Ordinal));

        await using (var scope = shop.App.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<InboxService>().AssignAsync(conversation, shop.BobId, byUserId: shop.AdaId)).ShouldBeNull();
        }

        var assigned = await WaitForAsync(shop.BobId, n => n.Link == $"/inbox/{conversation}" && n.Kind == NotificationKind.Assigned);
        assigned.Title.ShouldBe("Ada assigned you a conversation");
        assigned.Text.ShouldBe("Tiago on Support");
        (await added.Task.WaitAsync(TimeSpan.FromSeconds(30))).Title.ShouldBe("Ada assigned you a conversation");

        await WritesAsync("5511970002002", "Tiago", "And on holidays?");
        var message = await WaitForAsync(shop.BobId, n => n.Link == $"/inbox/{conversation}" && n.Kind == NotificationKind.NewMessage);
        message.Title.ShouldBe("Tiago wrote");
        message.Text.ShouldBe("And on holidays?");
        (await Center.ListAsync(shop.AdaId)).ShouldNotContain(n => n.Link == $"/inbox/{conversation}" && n.Kind != NotificationKind.NewConversation);
    }

    [Fact]
    public async Task SelfAssignment_TellsNobody()
    {
        var conversation = await WritesAsync("5511970002003", "Ines", "Can I change my address?");
        await WaitForAsync(shop.AdaId, n => n.Link == $"/inbox/{conversation}");
        await using (var scope = shop.App.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<InboxService>().AssignAsync(conversation, shop.AdaId, byUserId: shop.AdaId)).ShouldBeNull();
        }

        // The writer refuses a self-assignment as it is published, before anything is queued; the mention still counts.
        shop.App.Services.GetRequiredService<InboxEvents>().Publish(
            new AgentMentioned(shop.AdaId, shop.BobId, "Bob", shop.Support.Id, conversation, 1, "@Ada can you take this one?"));
        var mention = await WaitForAsync(shop.AdaId, n => n.Link == $"/inbox/{conversation}" && n.Kind == NotificationKind.Mentioned);
        mention.Title.ShouldBe("Bob mentioned you");
        mention.Text.ShouldBe("@Ada can you take this one?");
        (await Center.ListAsync(shop.AdaId)).ShouldNotContain(n => n.Link == $"/inbox/{conversation}" && n.Kind == NotificationKind.Assigned);
    }

    [Fact]
    public async Task MarkReadAndMarkAllRead_TheCountFollows()
    {
        var conversation = await WritesAsync("5511970002004", "Olga", "Where is my parcel?");
        var first = await WaitForAsync(shop.BobId, n => n.Link == $"/inbox/{conversation}");
        var unread = await Center.UnreadCountAsync(shop.BobId);
        unread.ShouldBeGreaterThan(0);

        await Center.MarkReadAsync(shop.AdaId, first.Id);
        (await Center.UnreadCountAsync(shop.BobId)).ShouldBe(unread, "nobody marks another agent's notifications read");
        await Center.MarkReadAsync(shop.BobId, first.Id);
        (await Center.UnreadCountAsync(shop.BobId)).ShouldBe(unread - 1);
        (await Center.ListAsync(shop.BobId)).Single(n => n.Id == first.Id).IsRead.ShouldBeTrue();

        await Center.MarkAllReadAsync(shop.BobId);
        (await Center.UnreadCountAsync(shop.BobId)).ShouldBe(0);
    }

    private async Task<NotificationRow> WaitForAsync(string userId, Func<NotificationRow, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await Center.ListAsync(userId)).FirstOrDefault(wanted) is { } found)
            {
                return found;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the notification never came");
            await Task.Delay(100);
        }
    }

    /// <summary>The customer writes through the Sandbox; returns the conversation once the inbox has the message.</summary>
    private async Task<long> WritesAsync(string waId, string name, string text)
    {
        using var client = shop.App.CreateHttpClient();
        var body = new JsonObject { ["phone_number_id"] = shop.Support.PhoneNumberId, ["name"] = name, ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        (await client.PostAsJsonAsync($"/sandbox/customers/{waId}/messages", body)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await shop.App.DbAsync();
            var conversation = await db.Conversations
                .Where(c => c.ChannelId == shop.Support.Id && c.Contact!.WaId == waId && db.Messages.Any(m => m.ConversationId == c.Id && m.Text == text))
                .Select(c => (long?)c.Id)
                .FirstOrDefaultAsync();
            if (conversation is { } id)
            {
                return id;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer's message never arrived");
            await Task.Delay(100);
        }
    }
}
