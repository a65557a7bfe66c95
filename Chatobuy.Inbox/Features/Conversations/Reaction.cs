namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>The current reaction of one person on one message. Removing a reaction deletes the row.</summary>
public sealed class Reaction
{
    /// <summary>The <see cref="ReactorId"/> of the business's own reactions.</summary>
    public const string Business = "business";

    public long Id { get; set; }

    /// <summary>The wamid of the message reacted to.</summary>
    public string TargetWaMessageId { get; set; } = "";

    /// <summary>Who reacted: the customer's wa_id, or <see cref="Business"/>.</summary>
    public string ReactorId { get; set; } = "";

    public string Emoji { get; set; } = "";

    /// <summary>Meta's timestamp of the reaction event; an older event never replaces a newer one.</summary>
    public DateTimeOffset ReactedAt { get; set; }
}
