namespace Chatobuy.Inbox.Features.Labels;

/// <summary>A label put on a conversation.</summary>
public sealed class ConversationLabel
{
    public long ConversationId { get; set; }

    public long LabelId { get; set; }

    public Label? Label { get; set; }
}
