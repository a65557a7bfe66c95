using Bunit;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Notes;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Notes;

/// <summary>A private note in the chat: set apart from the customer's messages, labelled, with its author.</summary>
public sealed class NoteBubbleTests : ComponentTestContext
{
    [Fact]
    public void Note_IsLabelledPrivate_WithItsAuthorAndText()
    {
        var note = new Message
        {
            Id = 7,
            Type = Message.NoteType,
            IsPrivate = true,
            AuthorName = "Ada",
            Text = "Refund approved, @Bob Stone",
            Direction = MessageDirection.Outbound,
            Timestamp = DateTimeOffset.UtcNow,
        };

        var bubble = Render<NoteBubble>(p => p.Add(b => b.Note, note));

        bubble.Find("[data-testid=note]").ClassList.ShouldContain("note");
        bubble.Find(".bubble").ClassList.ShouldContain("note-bubble");
        bubble.Find("[data-testid=note-label]").TextContent.ShouldContain("Private note · Ada");
        bubble.Find("[data-testid=note-text]").TextContent.ShouldBe("Refund approved, @Bob Stone");
        bubble.FindAll("[data-testid=ticks]").ShouldBeEmpty();
    }
}
