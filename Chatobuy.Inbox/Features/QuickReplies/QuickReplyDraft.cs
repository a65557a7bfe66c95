using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>The quick reply form: a new one, or the changes to one (<see cref="Id"/>).</summary>
public sealed class QuickReplyDraft
{
    public long? Id { get; set; }

    public string Shortcut { get; set; } = "";

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>For every agent (Admins only), or the agent's own.</summary>
    public bool Shared { get; set; }

    /// <summary>A file chosen now, to replace the attachment (or to be the first).</summary>
    public OutboundMedia? NewAttachment { get; set; }

    /// <summary>The name of the attachment it already has, kept unless <see cref="RemoveAttachment"/>.</summary>
    public string? KeptAttachmentName { get; set; }

    public bool RemoveAttachment { get; set; }

    /// <summary>The shortcuts other shared quick replies use (the form cannot reuse one).</summary>
    public IReadOnlySet<string> TakenShared { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The shortcuts the agent's other personal quick replies use.</summary>
    public IReadOnlySet<string> TakenPersonal { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether it will have an attachment once saved.</summary>
    public bool HasAttachment => NewAttachment is not null || (KeptAttachmentName is not null && !RemoveAttachment);

    /// <summary>The form for <paramref name="reply"/>, to edit it.</summary>
    public static QuickReplyDraft From(QuickReplyView reply) => new()
    {
        Id = reply.Id,
        Shortcut = reply.Shortcut,
        Title = reply.Title,
        Text = reply.Text,
        Shared = reply.Shared,
        KeptAttachmentName = reply.AttachmentFileName,
    };
}
