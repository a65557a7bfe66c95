using System.Security.Cryptography;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Features.Outbound;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>
/// Quick replies: the shared ones (Admins manage them) and each agent's own. Attachments are kept in the media folder by
/// content hash, as sent files are. <see cref="FillAsync"/> makes one ready for a conversation: the placeholders filled for
/// its contact and the agent, the attachment read back to be attached.
/// </summary>
public sealed partial class QuickReplyLibrary(
    IDbContextFactory<InboxDbContext> dbFactory,
    MediaStore mediaStore,
    QuickReplyDraftValidator validator,
    TimeProvider time,
    ILogger<QuickReplyLibrary> logger)
{
    public const string NotFound = "This quick reply no longer exists.";
    public const string SharedForAdmins = "Only an Admin can add or change shared quick replies.";

    /// <summary>The quick replies <paramref name="userId"/> can use: the shared ones and their own, by shortcut.</summary>
    public async Task<IReadOnlyList<QuickReplyView>> ListAsync(string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = userId ?? QuickReply.Shared;
        var rows = await db.Set<QuickReply>().AsNoTracking()
            .Where(q => q.OwnerUserId == QuickReply.Shared || q.OwnerUserId == owner)
            .OrderBy(q => q.Shortcut)
            .ToListAsync(cancellationToken);
        return rows.Select(QuickReplyView.From).ToList();
    }

    /// <summary>A new form for <paramref name="userId"/>, with the shortcuts already taken.</summary>
    public async Task<QuickReplyDraft> NewDraftAsync(string userId, bool shared, CancellationToken cancellationToken = default)
    {
        var draft = new QuickReplyDraft { Shared = shared };
        await FillTakenAsync(draft, userId, cancellationToken);
        return draft;
    }

    /// <summary>The form to edit <paramref name="reply"/>, with the shortcuts the others take.</summary>
    public async Task<QuickReplyDraft> EditDraftAsync(QuickReplyView reply, string userId, CancellationToken cancellationToken = default)
    {
        var draft = QuickReplyDraft.From(reply);
        await FillTakenAsync(draft, userId, cancellationToken);
        return draft;
    }

    /// <summary>
    /// Adds or changes a quick reply for <paramref name="userId"/>: shared ones only when <paramref name="isAdmin"/>,
    /// personal ones only their owner's. Checked again here, against the shortcuts as they are now.
    /// </summary>
    public async Task<QuickReplyResult> SaveAsync(QuickReplyDraft draft, string userId, bool isAdmin, CancellationToken cancellationToken = default)
    {
        if (draft.Shared && !isAdmin)
        {
            return QuickReplyResult.Refused(SharedForAdmins);
        }

        await FillTakenAsync(draft, userId, cancellationToken);
        if ((await validator.ValidateAsync(draft, cancellationToken)).Errors is [var problem, ..])
        {
            return QuickReplyResult.Refused(problem.ErrorMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        QuickReply reply;
        if (draft.Id is { } id)
        {
            var found = await db.Set<QuickReply>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
            if (found is null)
            {
                return QuickReplyResult.Refused(NotFound);
            }

            if (Refusal(found, userId, isAdmin) is { } refused)
            {
                return QuickReplyResult.Refused(refused);
            }

            reply = found;
        }
        else
        {
            reply = new QuickReply { CreatedAt = now };
            db.Add(reply);
        }

        reply.Shortcut = QuickReplyDraftValidator.Normalize(draft.Shortcut);
        reply.Title = draft.Title.Trim();
        reply.Text = draft.Text.Trim();
        reply.OwnerUserId = draft.Shared ? QuickReply.Shared : (reply.IsShared || draft.Id is null ? userId : reply.OwnerUserId);
        reply.UpdatedAt = now;
        if (draft.NewAttachment is { } file)
        {
            reply.AttachmentPath = await StoreAsync(file, cancellationToken);
            reply.AttachmentKind = file.Kind;
            reply.AttachmentMimeType = file.MimeType;
            reply.AttachmentFileName = file.FileName;
            reply.AttachmentSize = file.Content.LongLength;
        }
        else if (draft.RemoveAttachment)
        {
            reply.AttachmentPath = null;
            reply.AttachmentKind = null;
            reply.AttachmentMimeType = null;
            reply.AttachmentFileName = null;
            reply.AttachmentSize = null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Saved at the same moment by someone else.
            return QuickReplyResult.Refused($"/{reply.Shortcut} was just taken. Choose another shortcut.");
        }

        LogSaved(reply.Id, reply.IsShared);
        return QuickReplyResult.Ok(reply.Id);
    }

    /// <summary>Deletes a quick reply: a shared one by an Admin, a personal one by its owner.</summary>
    public async Task<QuickReplyResult> DeleteAsync(long id, string userId, bool isAdmin, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reply = await db.Set<QuickReply>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (reply is null)
        {
            return QuickReplyResult.Refused(NotFound);
        }

        if (Refusal(reply, userId, isAdmin) is { } refused)
        {
            return QuickReplyResult.Refused(refused);
        }

        db.Remove(reply);
        await db.SaveChangesAsync(cancellationToken);
        return QuickReplyResult.Ok(id);
    }

    /// <summary>
    /// Quick reply <paramref name="quickReplyId"/> ready to send in <paramref name="conversationId"/> by
    /// <paramref name="agentUserId"/>: <c>{{contact.name}}</c> is the customer's WhatsApp name (else their number),
    /// <c>{{agent.name}}</c> the agent's name; its attachment is read back from the media folder.
    /// </summary>
    public async Task<QuickReplyFill> FillAsync(long conversationId, long quickReplyId, string? agentUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = agentUserId ?? QuickReply.Shared;
        var reply = await db.Set<QuickReply>().AsNoTracking()
            .FirstOrDefaultAsync(q => q.Id == quickReplyId && (q.OwnerUserId == QuickReply.Shared || q.OwnerUserId == owner), cancellationToken);
        if (reply is null)
        {
            return QuickReplyFill.Refused(NotFound);
        }

        var contact = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.ChannelId, c.Contact!.WaId, c.Contact.ProfileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return QuickReplyFill.Refused("This conversation no longer exists.");
        }

        var agent = string.IsNullOrEmpty(agentUserId)
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == agentUserId).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(agent))
        {
            agent = await db.Channels.AsNoTracking().Where(c => c.Id == contact.ChannelId).Select(c => c.VerifiedName).FirstOrDefaultAsync(cancellationToken) ?? "";
        }

        var phone = "+" + contact.WaId;
        var values = new PlaceholderValues(string.IsNullOrWhiteSpace(contact.ProfileName) ? phone : contact.ProfileName, phone, agent);
        var text = InteractivePlaceholders.Fill(reply.Text, values);

        OutboundMedia? attachment = null;
        if (reply.AttachmentPath is { } path)
        {
            var file = mediaStore.FullPath(path);
            if (file is null || !File.Exists(file))
            {
                return QuickReplyFill.Refused($"The attachment of /{reply.Shortcut} is no longer in the media folder. Choose the file again under Settings → Quick replies.");
            }

            attachment = new OutboundMedia(reply.AttachmentKind ?? "document", reply.AttachmentFileName ?? Path.GetFileName(file),
                reply.AttachmentMimeType ?? "application/octet-stream", await File.ReadAllBytesAsync(file, cancellationToken), null);
        }

        return QuickReplyFill.Ok(text, attachment);
    }

    /// <summary>Why <paramref name="userId"/> may not change <paramref name="reply"/>, or null when they may.</summary>
    private static string? Refusal(QuickReply reply, string userId, bool isAdmin) =>
        reply.IsShared ? (isAdmin ? null : SharedForAdmins)
        : reply.OwnerUserId == userId ? null
        : "This is another agent's personal quick reply; only they can change it.";

    private async Task FillTakenAsync(QuickReplyDraft draft, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var others = await db.Set<QuickReply>().AsNoTracking()
            .Where(q => (q.OwnerUserId == QuickReply.Shared || q.OwnerUserId == userId) && q.Id != (draft.Id ?? 0))
            .Select(q => new { q.OwnerUserId, q.Shortcut })
            .ToListAsync(cancellationToken);
        draft.TakenShared = others.Where(o => o.OwnerUserId == QuickReply.Shared).Select(o => o.Shortcut).ToHashSet(StringComparer.OrdinalIgnoreCase);
        draft.TakenPersonal = others.Where(o => o.OwnerUserId != QuickReply.Shared).Select(o => o.Shortcut).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private async Task<string> StoreAsync(OutboundMedia file, CancellationToken cancellationToken)
    {
        var temporary = mediaStore.NewTemporaryPath();
        await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken);
        return mediaStore.Commit(temporary, Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.MimeType);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quick reply {QuickReplyId} saved (shared: {Shared})")]
    private partial void LogSaved(long quickReplyId, bool shared);
}
