using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Tests.Features.Conversations;

/// <summary>The conversation's own rules: the 24-hour window, what a message does to unread, preview and order.</summary>
public sealed class ConversationTests
{
    private static readonly DateTimeOffset CustomerWrote = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Window_OneSecondBefore24Hours_IsOpen()
    {
        var conversation = new Conversation { LastInboundAt = CustomerWrote };

        conversation.WindowClosesAt.ShouldBe(CustomerWrote.AddHours(24));
        conversation.WindowRefusal(CustomerWrote.AddHours(24).AddSeconds(-1)).ShouldBeNull();
    }

    [Fact]
    public void Window_At24Hours_IsClosedAndSaysSo()
    {
        var conversation = new Conversation { LastInboundAt = CustomerWrote };

        conversation.WindowRefusal(CustomerWrote.AddHours(24)).ShouldBe(CustomerServiceWindow.Closed);
    }

    [Fact]
    public void Window_BusinessStartedAndCustomerNeverWrote_NeverOpenedAndSaysSo()
    {
        var conversation = new Conversation { CreatedAt = CustomerWrote, LastMessageAt = CustomerWrote };

        conversation.WindowClosesAt.ShouldBeNull();
        conversation.WindowRefusal(CustomerWrote).ShouldBe(CustomerServiceWindow.NotOpened);
    }

    [Fact]
    public void Window_BusinessStartedThenCustomerAnswers_OpensFromTheAnswer()
    {
        var conversation = new Conversation { CreatedAt = CustomerWrote, LastMessageAt = CustomerWrote };

        conversation.RecordInbound(Inbound("text", "Yes please", CustomerWrote.AddHours(2)));

        conversation.WindowClosesAt.ShouldBe(CustomerWrote.AddHours(26));
        conversation.WindowRefusal(CustomerWrote.AddHours(25)).ShouldBeNull();
    }

    [Fact]
    public void RecordInbound_NewMessages_CountUnreadAndShowTheLatest()
    {
        var conversation = new Conversation { Id = 7, LastMessageAt = DateTimeOffset.UnixEpoch };
        var first = Inbound("text", "Hello", CustomerWrote);

        conversation.RecordInbound(first);
        conversation.RecordInbound(Inbound("image", "the blue one", CustomerWrote.AddMinutes(1)));

        first.ConversationId.ShouldBe(7);
        conversation.UnreadCount.ShouldBe(2);
        conversation.LastInboundAt.ShouldBe(CustomerWrote.AddMinutes(1));
        conversation.LastMessageAt.ShouldBe(CustomerWrote.AddMinutes(1));
        conversation.LastMessagePreview.ShouldBe("📷 Photo: the blue one");
    }

    [Fact]
    public void RecordInbound_OlderMessageArrivingLate_IsUnreadButKeepsThePreviewAndTheWindow()
    {
        var conversation = new Conversation { LastMessageAt = DateTimeOffset.UnixEpoch };
        conversation.RecordInbound(Inbound("text", "second", CustomerWrote));

        conversation.RecordInbound(Inbound("text", "first", CustomerWrote.AddMinutes(-5)));

        conversation.UnreadCount.ShouldBe(2);
        conversation.LastMessagePreview.ShouldBe("second");
        conversation.LastMessageAt.ShouldBe(CustomerWrote);
        conversation.LastInboundAt.ShouldBe(CustomerWrote);
    }

    [Fact]
    public void RecordInbound_Reaction_ExtendsTheWindowButIsNeitherUnreadNorThePreview()
    {
        var conversation = new Conversation { LastMessageAt = DateTimeOffset.UnixEpoch };
        conversation.RecordInbound(Inbound("text", "Thanks", CustomerWrote));

        conversation.RecordInbound(Inbound("reaction", "👍", CustomerWrote.AddHours(3)));

        conversation.UnreadCount.ShouldBe(1);
        conversation.LastMessagePreview.ShouldBe("Thanks");
        conversation.WindowClosesAt.ShouldBe(CustomerWrote.AddHours(27));
    }

    [Fact]
    public void RecordOutbound_Reply_IsThePreviewAndLeavesUnreadAndWindowAlone()
    {
        var conversation = new Conversation { LastMessageAt = DateTimeOffset.UnixEpoch };
        conversation.RecordInbound(Inbound("text", "Is it in stock?", CustomerWrote));

        conversation.RecordOutbound(Outbound("text", "It is!", CustomerWrote.AddMinutes(2)));

        conversation.LastMessagePreview.ShouldBe("It is!");
        conversation.LastMessageAt.ShouldBe(CustomerWrote.AddMinutes(2));
        conversation.UnreadCount.ShouldBe(1);
        conversation.LastInboundAt.ShouldBe(CustomerWrote);
    }

    [Fact]
    public void RecordOutbound_Reaction_ChangesNothing()
    {
        var conversation = new Conversation { LastMessageAt = CustomerWrote, LastMessagePreview = "Is it in stock?" };

        conversation.RecordOutbound(Outbound("reaction", "❤️", CustomerWrote.AddMinutes(2)));

        conversation.LastMessagePreview.ShouldBe("Is it in stock?");
        conversation.LastMessageAt.ShouldBe(CustomerWrote);
    }

    [Fact]
    public void SetStatus_Resolved_LeavesNothingUnread()
    {
        var conversation = new Conversation { UnreadCount = 4 };

        conversation.SetStatus(ConversationStatus.Resolved);

        conversation.Status.ShouldBe(ConversationStatus.Resolved);
        conversation.UnreadCount.ShouldBe(0);
    }

    private static Message Inbound(string type, string? text, DateTimeOffset at) =>
        new() { Direction = MessageDirection.Inbound, Type = type, Text = text, Timestamp = at, CreatedAt = at };

    private static Message Outbound(string type, string? text, DateTimeOffset at) =>
        new() { Direction = MessageDirection.Outbound, Type = type, Text = text, Timestamp = at, CreatedAt = at, Status = MessageStatus.Pending };
}
