using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>
/// Pending, snoozed and unread as the agent meets them: the list's status and tabs, a snooze that ends by time or when
/// the customer writes, Pending after a reply when the channel says so. Customers write through the Sandbox over HTTP;
/// each test has its own customers.
/// </summary>
public sealed class ConversationStatusesTests(AdaAndBobShop shop) : IClassFixture<AdaAndBobShop>
{
    [Fact]
    public async Task Snooze_UntilATime_ComesBackOpenAndUnreadWhenTheTimeComes()
    {
        var conversation = await WritesAsync("5511970001001", "I'll send the photos tonight");
        await using (Scope(out var inbox))
        {
            await inbox.MarkSeenAsync(conversation);
            (await inbox.SnoozeAsync(conversation, inbox.Now.AddHours(-1))).ShouldBe("Pick a time in the future to snooze until.");
            (await inbox.SnoozeAsync(conversation, inbox.Now.AddHours(1))).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter())).ShouldNotContain(r => r.Id == conversation);
        var snoozed = (await ListAsync(new InboxFilter(Status: ConversationStatus.Snoozed))).Single(r => r.Id == conversation);
        snoozed.SnoozedUntil.ShouldNotBeNull();
        snoozed.UnreadCount.ShouldBe(0);

        // Nothing wakes before its time; two hours on, it is back, told live.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var waker = ActivatorUtilities.CreateInstance<SnoozeWaker>(shop.App.Services, (TimeProvider)clock);
        await waker.WakeDueAsync(CancellationToken.None);
        (await ListAsync(new InboxFilter(Status: ConversationStatus.Snoozed))).ShouldContain(r => r.Id == conversation);

        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = shop.App.Services.GetRequiredService<InboxEvents>()
            .Subscribe<ConversationUpdated>(_ => { told.TrySetResult(); return Task.CompletedTask; }, filter: e => e.ConversationId == conversation);
        clock.Advance(TimeSpan.FromHours(2));
        (await waker.WakeDueAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        await told.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var open = (await ListAsync(new InboxFilter())).Single(r => r.Id == conversation);
        open.Status.ShouldBe(ConversationStatus.Open);
        open.UnreadCount.ShouldBe(1);
        open.SnoozedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Snooze_UntilTheCustomerWrites_TheirMessageReopensTheSameConversation()
    {
        var conversation = await WritesAsync("5511970001002", "Let me ask my husband");
        await using (Scope(out var inbox))
        {
            await inbox.MarkSeenAsync(conversation);
            (await inbox.SnoozeAsync(conversation, null)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter(Status: ConversationStatus.Snoozed))).ShouldContain(r => r.Id == conversation && r.SnoozedUntil == null);

        (await WritesAsync("5511970001002", "He says yes, the blue one")).ShouldBe(conversation);

        var row = (await ListAsync(new InboxFilter())).Single(r => r.Id == conversation);
        row.Status.ShouldBe(ConversationStatus.Open);
        row.UnreadCount.ShouldBe(1);
        row.Preview.ShouldBe("He says yes, the blue one");
    }

    [Fact]
    public async Task Resolved_TheCustomerWritesAgain_TheSameConversationOpensWithItsHistoryAndAssignee()
    {
        var conversation = await WritesAsync("5511970001009", "Is the red one in stock?");
        await SendAsync(conversation, "Yes, ordering it for you.");
        await using (Scope(out var inbox))
        {
            (await inbox.AssignAsync(conversation, shop.AdaId)).ShouldBeNull();
            (await inbox.SetStatusAsync(conversation, ConversationStatus.Resolved)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter(Status: ConversationStatus.Resolved))).ShouldContain(r => r.Id == conversation);

        (await WritesAsync("5511970001009", "It arrived, thanks!")).ShouldBe(conversation);

        var row = (await ListAsync(new InboxFilter())).Single(r => r.Id == conversation);
        row.Status.ShouldBe(ConversationStatus.Open);
        row.UnreadCount.ShouldBe(1);
        row.AssigneeUserId.ShouldBe(shop.AdaId);
        await using (Scope(out var inbox))
        {
            // (Meta's timestamps are whole seconds, so the reply and the next message may share one: no order asserted.)
            (await inbox.GetMessagesAsync(conversation)).Messages.Select(m => m.Text)
                .ShouldBe(["Is the red one in stock?", "Yes, ordering it for you.", "It arrived, thanks!"], ignoreOrder: true);

            // Leave nothing open or assigned for the other tests of this class.
            (await inbox.SetStatusAsync(conversation, ConversationStatus.Resolved)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task PendingAfterReply_WhenTheChannelSaysSo_TheReplyMakesItPendingAndTheCustomerOpensItAgain()
    {
        var conversation = await WritesAsync("5511970001003", "Do you have it in size 42?");
        await using (Scope(out var inbox))
        {
            await inbox.MarkSeenAsync(conversation);
        }

        await SendAsync(conversation, "Let me check the stock.");
        (await ListAsync(new InboxFilter())).ShouldContain(r => r.Id == conversation, "the setting is off by default");

        await using (var scope = shop.App.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            var view = (await channels.ListAsync()).Single(c => c.Id == shop.Support.Id);
            view.PendingAfterReply.ShouldBeFalse();
            (await channels.UpdateAsync(view.Id, new EditChannelModel { Title = view.Title, ReadReceipts = view.ReadReceipts, PendingAfterReply = true })).Succeeded.ShouldBeTrue();
            (await channels.ListAsync()).Single(c => c.Id == shop.Support.Id).PendingAfterReply.ShouldBeTrue();
        }

        try
        {
            await SendAsync(conversation, "Yes, we have it.");
            (await ListAsync(new InboxFilter(Status: ConversationStatus.Pending))).ShouldContain(r => r.Id == conversation);
            (await ListAsync(new InboxFilter())).ShouldNotContain(r => r.Id == conversation);

            (await WritesAsync("5511970001003", "Great, I'll take it")).ShouldBe(conversation);
            (await ListAsync(new InboxFilter())).ShouldContain(r => r.Id == conversation && r.Status == ConversationStatus.Open && r.UnreadCount == 1);
        }
        finally
        {
            await using var db = await shop.App.DbAsync();
            await db.Channels.Where(c => c.Id == shop.Support.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PendingAfterReply, false));
        }
    }

    [Fact]
    public async Task PendingByHandAndMarkUnread_TheListShowsWhatTheAgentChose()
    {
        var conversation = await WritesAsync("5511970001004", "Waiting for the courier's answer");
        await using (Scope(out var inbox))
        {
            await inbox.MarkSeenAsync(conversation);
            (await inbox.SetStatusAsync(conversation, ConversationStatus.Pending)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter(Status: ConversationStatus.Pending))).Single(r => r.Id == conversation).UnreadCount.ShouldBe(0);

        await using (Scope(out var inbox))
        {
            (await inbox.MarkUnreadAsync(conversation)).ShouldBeNull();
            (await inbox.SetStatusAsync(conversation, ConversationStatus.Open)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter())).Single(r => r.Id == conversation).UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task Tabs_CountMineUnassignedAndAll_AndSortFollowsTheAgent()
    {
        var older = await WritesAsync("5511970001005", "First in line");
        var newer = await WritesAsync("5511970001006", "Second in line");
        var before = await CountAsync(shop.BobId);
        await using (Scope(out var inbox))
        {
            (await inbox.AssignAsync(newer, shop.BobId)).ShouldBeNull();
        }

        var after = await CountAsync(shop.BobId);
        after.Mine.ShouldBe(before.Mine + 1);
        after.Unassigned.ShouldBe(before.Unassigned - 1);
        after.All.ShouldBe(before.All);
        (await CountAsync(shop.AdaId)).Mine.ShouldBe(0);

        var newest = (await ListAsync(new InboxFilter())).Select(r => r.Id).ToList();
        newest.IndexOf(newer).ShouldBeLessThan(newest.IndexOf(older));
        var oldest = (await ListAsync(new InboxFilter(Sort: InboxSort.Oldest))).Select(r => r.Id).ToList();
        oldest.IndexOf(older).ShouldBeLessThan(oldest.IndexOf(newer));
        var closing = (await ListAsync(new InboxFilter(Sort: InboxSort.WindowClosing))).Select(r => r.Id).ToList();
        closing.IndexOf(older).ShouldBeLessThan(closing.IndexOf(newer), "the older message's window closes first");
    }

    private AsyncServiceScope Scope(out InboxService inbox)
    {
        var scope = shop.App.CreateScope();
        inbox = scope.ServiceProvider.GetRequiredService<InboxService>();
        return scope;
    }

    private async Task<IReadOnlyList<ConversationRow>> ListAsync(InboxFilter filter)
    {
        await using var scope = Scope(out var inbox);
        return await inbox.ListConversationsAsync(filter, shop.AdaId);
    }

    private async Task<InboxCounts> CountAsync(string userId)
    {
        await using var scope = Scope(out var inbox);
        return await inbox.CountAsync(new InboxFilter(), userId);
    }

    private async Task SendAsync(long conversation, string text)
    {
        await using var scope = shop.App.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<OutboundService>()
            .SendAsync(new SendRequest(conversation, Guid.NewGuid().ToString("N"), text, SentByUserId: shop.AdaId), CancellationToken.None);
        sent.Succeeded.ShouldBeTrue();
    }

    /// <summary>The customer writes through the Sandbox; returns the conversation once the inbox has the message.</summary>
    private async Task<long> WritesAsync(string waId, string text)
    {
        using var client = shop.App.CreateHttpClient();
        var body = new JsonObject { ["phone_number_id"] = shop.Support.PhoneNumberId, ["name"] = "Customer", ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
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
