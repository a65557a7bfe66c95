using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// The contact panel's data (the customer behind a conversation, their other conversations and orders), the agents'
/// edits of it, and the custom attributes Admins define (Settings → Contact attributes).
/// </summary>
public sealed partial class ContactProfileService(
    IDbContextFactory<InboxDbContext> dbFactory,
    OrderQueries orders,
    InboxEvents events,
    ContactEditValidator editValidator,
    ContactAttributeModelValidator attributeValidator,
    TimeProvider time,
    ILogger<ContactProfileService> logger)
{
    /// <summary>The customer behind the conversation; null when the conversation does not exist.</summary>
    public async Task<ContactProfile?> GetAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.Contact).FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var values = await db.Set<ContactAttributeValue>().AsNoTracking().Where(v => v.ContactId == contact.Id)
            .ToDictionaryAsync(v => v.AttributeId, v => v.Value, cancellationToken);
        var attributes = (await ListAttributesAsync(db, cancellationToken))
            .Select(a => new ContactAttributeField(a.Id, a.Name, a.Type, a.OptionList, values.GetValueOrDefault(a.Id)))
            .ToList();
        var others = await db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == contact.Id && c.Id != conversationId)
            .OrderByDescending(c => c.LastMessageAt)
            .Take(50)
            .Select(c => new
            {
                c.Id,
                ChannelTitle = db.Channels.Where(ch => ch.Id == c.ChannelId).Select(ch => ch.Title).FirstOrDefault(),
                c.Status,
                c.LastMessageAt,
                c.LastMessagePreview,
            })
            .ToListAsync(cancellationToken);
        var links = others.Select(c => new ContactConversationLink(c.Id, c.ChannelTitle ?? "(deleted channel)", c.Status, c.LastMessageAt, c.LastMessagePreview)).ToList();
        var contactOrders = await orders.ForContactAsync(contact.Id, cancellationToken);
        return new ContactProfile(contact.Id, conversationId, contact.WaId, contact.ProfileName, contact.Name, contact.Email, contact.Notes,
            contact.CreatedAt, attributes, links, contactOrders);
    }

    /// <summary>Saves an agent's edit of the contact; returns why not (the first problem), or null.</summary>
    public async Task<string?> SaveAsync(long contactId, ContactEdit edit, CancellationToken cancellationToken = default)
    {
        var validation = await editValidator.ValidateAsync(edit, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Errors[0].ErrorMessage;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return "This contact no longer exists.";
        }

        contact.Name = Blank(edit.Name);
        contact.Email = Blank(edit.Email);
        contact.Notes = Blank(edit.Notes);
        contact.UpdatedAt = time.GetUtcNow();

        var definitions = (await ListAttributesAsync(db, cancellationToken)).ToDictionary(a => a.Id);
        var stored = await db.Set<ContactAttributeValue>().Where(v => v.ContactId == contactId).ToDictionaryAsync(v => v.AttributeId, cancellationToken);
        foreach (var entry in edit.Attributes)
        {
            if (!definitions.TryGetValue(entry.AttributeId, out var definition))
            {
                // Deleted by an Admin while the panel was open: nothing to keep.
                continue;
            }

            var (value, error) = ContactAttributeValues.Check(definition.Type, definition.OptionList, entry.Value);
            if (error is not null)
            {
                return $"{definition.Name}: {error}";
            }

            var existing = stored.GetValueOrDefault(definition.Id);
            if (value is null && existing is not null)
            {
                db.Remove(existing);
            }
            else if (value is not null && existing is null)
            {
                db.Add(new ContactAttributeValue { ContactId = contactId, AttributeId = definition.Id, Value = value });
            }
            else if (value is not null && existing is not null)
            {
                existing.Value = value;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSaved(logger, contactId);
        events.Publish(new ContactChanged(contactId));
        foreach (var conversation in await db.Conversations.Where(c => c.ContactId == contactId).Select(c => new { c.Id, c.ChannelId }).ToListAsync(cancellationToken))
        {
            // The lists show the new name.
            events.Publish(new ConversationUpdated(conversation.ChannelId, conversation.Id));
        }

        return null;
    }

    /// <summary>The custom attributes, in the order they were made.</summary>
    public async Task<IReadOnlyList<ContactAttribute>> ListAttributesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ListAttributesAsync(db, cancellationToken);
    }

    /// <summary>Adds a custom attribute; returns why not, or null.</summary>
    public async Task<string?> CreateAttributeAsync(ContactAttributeModel model, CancellationToken cancellationToken = default)
    {
        var validation = await attributeValidator.ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Errors[0].ErrorMessage;
        }

        var name = model.Name.Trim();
        var normalized = name.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ContactAttribute>().AnyAsync(a => a.NormalizedName == normalized, cancellationToken))
        {
            return $"There is already an attribute called \"{name}\".";
        }

        var attribute = new ContactAttribute
        {
            Name = name,
            NormalizedName = normalized,
            Type = model.Type,
            Options = model.Type == ContactAttributeType.List ? string.Join('\n', ContactAttributeValues.SplitOptions(model.Options)) : null,
            CreatedAt = time.GetUtcNow(),
        };
        db.Add(attribute);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new ContactAttributesChanged(attribute.Id));
        return null;
    }

    /// <summary>Deletes a custom attribute and every contact's value of it.</summary>
    public async Task DeleteAttributeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ContactAttribute>().Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            events.Publish(new ContactAttributesChanged(id));
        }
    }

    private static async Task<IReadOnlyList<ContactAttribute>> ListAttributesAsync(InboxDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ContactAttribute>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} edited in the contact panel")]
    private static partial void LogSaved(ILogger logger, long contactId);
}
