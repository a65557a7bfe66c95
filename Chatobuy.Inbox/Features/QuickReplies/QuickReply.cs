namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>
/// A saved answer an agent inserts with <c>/shortcut</c>: shared (Admins manage it, every agent uses it) or personal (one
/// agent's own). Its text may hold <c>{{contact.name}}</c> and <c>{{agent.name}}</c>; an optional attachment goes with it.
/// </summary>
public sealed class QuickReply
{
    /// <summary>The <see cref="OwnerUserId"/> of a shared quick reply.</summary>
    public const string Shared = "";

    public long Id { get; set; }

    /// <summary>Typed after <c>/</c>: unique among the shared ones, and among each agent's own.</summary>
    public string Shortcut { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The text to insert (the caption when there is an attachment), placeholders unfilled.</summary>
    public string Text { get; set; } = "";

    /// <summary>The agent who keeps it as their own, or <see cref="Shared"/> ("") for one everybody uses.</summary>
    public string OwnerUserId { get; set; } = Shared;

    public bool IsShared => OwnerUserId == Shared;

    /// <summary>image, video or document; null without an attachment.</summary>
    public string? AttachmentKind { get; set; }

    /// <summary>The attachment's file in the media folder (content-hash name).</summary>
    public string? AttachmentPath { get; set; }

    public string? AttachmentMimeType { get; set; }

    public string? AttachmentFileName { get; set; }

    public long? AttachmentSize { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
