using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>
/// The approved templates a conversation's channel can send. Templates belong to the WhatsApp Business Account, so a
/// channel's templates are the rows with its <c>WabaId</c> (kept up to date by the template sync).
/// </summary>
public sealed class TemplateCatalog(IDbContextFactory<InboxDbContext> dbFactory)
{
    public async Task<IReadOnlyList<TemplateOption>> ForConversationAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelId = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => c.ChannelId)
            .FirstOrDefaultAsync(cancellationToken);
        return channelId is null ? [] : await ApprovedAsync(db, channelId, cancellationToken);
    }

    public async Task<IReadOnlyList<TemplateOption>> ForChannelAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ApprovedAsync(db, channelId, cancellationToken);
    }

    /// <summary>The approved template with this exact name and language on the channel's account; null when there is none.</summary>
    public async Task<TemplateOption?> FindAsync(string channelId, string name, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wabaId = await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.WabaId).FirstOrDefaultAsync(cancellationToken);
        if (wabaId is null)
        {
            return null;
        }

        var template = await db.MessageTemplates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.WabaId == wabaId && t.Name == name && t.Language == language && t.Status == "APPROVED", cancellationToken);
        return template is null ? null : TemplateOption.From(template);
    }

    private static async Task<IReadOnlyList<TemplateOption>> ApprovedAsync(InboxDbContext db, string channelId, CancellationToken cancellationToken)
    {
        var wabaId = await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.WabaId).FirstOrDefaultAsync(cancellationToken);
        if (wabaId is null)
        {
            return [];
        }

        var templates = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.WabaId == wabaId && t.Status == "APPROVED")
            .OrderBy(t => t.Name)
            .ThenBy(t => t.Language)
            .ToListAsync(cancellationToken);
        return templates.Select(TemplateOption.From).ToList();
    }
}
