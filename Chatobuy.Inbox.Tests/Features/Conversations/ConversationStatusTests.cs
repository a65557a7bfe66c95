using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Tests.Features.Conversations;

/// <summary>Pending, snoozed and unread on the conversation itself: what a customer message, a reply and the clock do to them.</summary>
public sealed class ConversationStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Snoozed)]
    public void RecordInbound_WhilePendingOrSnoozed_OpensItAgainAsUnread(ConversationStatus status)
    {
        var conversation = new Conversation { Status = status, SnoozedUntil = status == ConversationStatus.Snoozed ? Now.AddDays(1) : null };

        conversation.RecordInbound(Inbound("text", "Any news?", Now));

        conversation.Status.ShouldBe(ConversationStatus.Open);
        conversation.SnoozedUntil.ShouldBeNull();
        conversation.UnreadCount.ShouldBe(1);
    }

    [Fact]
    public void RecordInbound_AReactionWhileSnoozed_LeavesItSnoozed()
    {
        var conversation = new Conversation();
        conversation.Snooze(Now.AddHours(1));

        conversation.RecordInbound(Inbound("reaction", "👍", Now));

        conversation.Status.ShouldBe(ConversationStatus.Snoozed);
        conversation.UnreadCount.ShouldBe(0);
    }

    [Fact]
    public void RecordOutbound_WithPendingAfterReply_OpenBecomesPending_OtherwiseStaysOpen()
    {
        var plain = new Conversation();
        plain.RecordOutbound(Outbound("text", "On its way", Now));
        plain.Status.ShouldBe(ConversationStatus.Open);

        var pending = new Conversation();
        pending.RecordOutbound(Outbound("reaction", "👍", Now), pendingAfterReply: true);
        pending.Status.ShouldBe(ConversationStatus.Open, "a reaction is no reply");
        pending.RecordOutbound(Outbound("text", "On its way", Now), pendingAfterReply: true);
        pending.Status.ShouldBe(ConversationStatus.Pending);

        var snoozed = new Conversation();
        snoozed.Snooze(null);
        snoozed.RecordOutbound(Outbound("text", "Still there?", Now), pendingAfterReply: true);
        snoozed.Status.ShouldBe(ConversationStatus.Snoozed);
    }

    [Fact]
    public void Wake_AtItsTime_OpenAndUnread()
    {
        var conversation = new Conversation();
        conversation.Snooze(Now.AddHours(1));

        conversation.SnoozeEnded(Now.AddMinutes(59)).ShouldBeFalse();
        conversation.SnoozeEnded(Now.AddHours(1)).ShouldBeTrue();
        conversation.Wake();

        conversation.Status.ShouldBe(ConversationStatus.Open);
        conversation.SnoozedUntil.ShouldBeNull();
        conversation.UnreadCount.ShouldBe(1);
    }

    [Fact]
    public void SnoozeEnded_UntilTheCustomerWrites_NeverByTheClock()
    {
        var conversation = new Conversation();
        conversation.Snooze(null);

        conversation.SnoozeEnded(Now.AddYears(1)).ShouldBeFalse();
    }

    [Fact]
    public void MarkUnread_KeepsACountAlreadyThere()
    {
        var none = new Conversation();
        none.MarkUnread();
        none.UnreadCount.ShouldBe(1);

        var three = new Conversation { UnreadCount = 3 };
        three.MarkUnread();
        three.UnreadCount.ShouldBe(3);
    }

    [Fact]
    public void SetStatus_FromSnoozed_ForgetsTheSnoozeTime()
    {
        var conversation = new Conversation();
        conversation.Snooze(Now.AddHours(1));

        conversation.SetStatus(ConversationStatus.Pending);

        conversation.Status.ShouldBe(ConversationStatus.Pending);
        conversation.SnoozedUntil.ShouldBeNull();
    }

    private static Message Inbound(string type, string? text, DateTimeOffset at) =>
        new() { Direction = MessageDirection.Inbound, Type = type, Text = text, Timestamp = at, CreatedAt = at };

    private static Message Outbound(string type, string? text, DateTimeOffset at) =>
        new() { Direction = MessageDirection.Outbound, Type = type, Text = text, Timestamp = at, CreatedAt = at, Status = MessageStatus.Pending };
}
