using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// The people the business can write to: lists and searches contacts, adds them by number, and opens the conversation
/// a business-initiated template goes into (the open one of that contact on that channel, or a new one).
/// </summary>
public sealed partial class ContactService(
    IDbContextFactory<InboxDbContext> dbFactory,
    TimeProvider time,
    ILogger<ContactService> logger)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<ContactRow>> ListAsync(string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            query = digits.Length > 0 && digits.Length == text.TrimStart('+').Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Length
                ? query.Where(c => c.WaId.Contains(digits))
                : query.Where(c => c.ProfileName != null && EF.Functions.Like(c.ProfileName, $"%{Escape(text)}%", "\\"));
        }

        return await query
            .OrderBy(c => c.ProfileName == null)
            .ThenBy(c => c.ProfileName)
            .ThenBy(c => c.WaId)
            .Take(PageSize)
            .Select(c => new ContactRow(c.Id, c.WaId, c.ProfileName, db.Conversations.Count(v => v.ContactId == c.Id), c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<ContactRow?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ContactRow(c.Id, c.WaId, c.ProfileName, db.Conversations.Count(v => v.ContactId == c.Id), c.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds a contact by number; a number already known answers with that contact (its name filled in if it had none).</summary>
    public async Task<ContactResult> AddAsync(NewContactModel model, CancellationToken cancellationToken = default)
    {
        if (ContactNumbers.Normalize(model.Number) is not { } waId)
        {
            return new ContactResult(null, "Use the international format: country code and number, 8 to 15 digits, e.g. +5511987654321.");
        }

        var name = string.IsNullOrWhiteSpace(model.Name) ? null : model.Name.Trim();
        if (name is { Length: > NewContactValidator.NameMaxLength })
        {
            return new ContactResult(null, $"Keep the name under {NewContactValidator.NameMaxLength} characters.");
        }

        var id = await EnsureAsync(waId, name, cancellationToken);
        return new ContactResult(await GetAsync(id, cancellationToken), null);
    }

    /// <summary>The contact with this wa_id, created when new; returns its id.</summary>
    public async Task<long> EnsureAsync(string waId, string? name, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var contact = await db.Contacts.FirstOrDefaultAsync(c => c.WaId == waId, cancellationToken);
            var now = time.GetUtcNow();
            if (contact is not null)
            {
                if (contact.ProfileName is null && name is not null)
                {
                    contact.ProfileName = name;
                    contact.UpdatedAt = now;
                    await db.SaveChangesAsync(cancellationToken);
                }

                return contact.Id;
            }

            contact = new Contact { WaId = waId, ProfileName = name, CreatedAt = now, UpdatedAt = now };
            db.Contacts.Add(contact);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogAdded(contact.Id, LogMask.Id(waId));
                return contact.Id;
            }
            catch (DbUpdateException exception) when (attempt == 0 && exception.IsUniqueViolation())
            {
                // Created at the same moment by an inbound message or another request: use that one.
            }
        }
    }

    /// <summary>
    /// The open conversation of this contact on this channel, or a new one (there is at most one open per pair);
    /// null when the contact or the channel does not exist.
    /// </summary>
    public async Task<long?> OpenConversationAsync(long contactId, string channelId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken) || !await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
            {
                return null;
            }

            var open = await db.Conversations.AsNoTracking()
                .Where(c => c.ContactId == contactId && c.ChannelId == channelId && c.Status != ConversationStatus.Resolved)
                .Select(c => (long?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (open is not null)
            {
                return open;
            }

            var now = time.GetUtcNow();
            var conversation = new Conversation { ChannelId = channelId, ContactId = contactId, CreatedAt = now, LastMessageAt = now };
            db.Conversations.Add(conversation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogStarted(conversation.Id, channelId);
                return conversation.Id;
            }
            catch (DbUpdateException exception) when (attempt == 0 && exception.IsUniqueViolation())
            {
                // The customer wrote at the same moment and their conversation was opened: use that one.
            }
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} ({WaId}) added")]
    private partial void LogAdded(long contactId, string waId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} started on channel {ChannelId}")]
    private partial void LogStarted(long conversationId, string channelId);
}
