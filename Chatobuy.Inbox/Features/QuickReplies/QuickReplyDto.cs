namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>
/// A quick reply as the integration API lists it: <see cref="Text"/> with its placeholders (<c>{{contact.name}}</c>,
/// <c>{{agent.name}}</c>) unfilled; <see cref="OwnerUserId"/> is null for a shared one.
/// </summary>
public sealed record QuickReplyDto(
    long Id,
    string Shortcut,
    string Title,
    string Text,
    bool Shared,
    string? OwnerUserId,
    string? AttachmentKind,
    string? AttachmentFileName,
    long? AttachmentSize,
    DateTimeOffset UpdatedAt)
{
    public static QuickReplyDto From(QuickReplyView q) =>
        new(q.Id, q.Shortcut, q.Title, q.Text, q.Shared, q.OwnerUserId, q.AttachmentKind, q.AttachmentFileName, q.AttachmentSize, q.UpdatedAt);
}
