using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>A quick reply made ready for one conversation: the text with its placeholders filled, and its attachment; or why not.</summary>
public sealed record QuickReplyFill(string? Text, OutboundMedia? Attachment, string? Error)
{
    public bool Succeeded => Error is null;

    public static QuickReplyFill Ok(string text, OutboundMedia? attachment) => new(text, attachment, null);

    public static QuickReplyFill Refused(string error) => new(null, null, error);
}
