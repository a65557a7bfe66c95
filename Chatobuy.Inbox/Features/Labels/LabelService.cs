using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Labels;

/// <summary>
/// Labels: the Admins' list of them (Settings → Labels) and the labels on each conversation. Every change is told to
/// open pages through <see cref="InboxEvents"/> after its commit.
/// </summary>
public sealed partial class LabelService(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    LabelValidator validator,
    TimeProvider time,
    ILogger<LabelService> logger)
{
    public const string ConversationNotFound = "This conversation no longer exists.";

    /// <summary>Every label, by name.</summary>
    public async Task<IReadOnlyList<LabelTag>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labels = await db.Set<Label>().AsNoTracking().Select(l => new LabelTag(l.Id, l.Name, l.Colour)).ToListAsync(cancellationToken);
        return [.. labels.OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>How many conversations carry each label, by label id.</summary>
    public async Task<IReadOnlyDictionary<long, int>> UsageAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConversationLabel>().GroupBy(l => l.LabelId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>Creates a label; returns why not (invalid, or the name is taken), or null.</summary>
    public Task<string?> CreateAsync(LabelModel model, CancellationToken cancellationToken = default) => SaveAsync(null, model, cancellationToken);

    /// <summary>Renames or recolours a label; returns why not, or null.</summary>
    public Task<string?> UpdateAsync(long id, LabelModel model, CancellationToken cancellationToken = default) => SaveAsync(id, model, cancellationToken);

    /// <summary>Deletes a label; it leaves every conversation that had it.</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Set<ConversationLabel>().Where(l => l.LabelId == id)
            .Join(db.Conversations, l => l.ConversationId, c => c.Id, (l, c) => new { c.Id, c.ChannelId })
            .ToListAsync(cancellationToken);
        if (await db.Set<Label>().Where(l => l.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return;
        }

        LogDeleted(logger, id, conversations.Count);
        events.Publish(new LabelsChanged(id));
        foreach (var conversation in conversations)
        {
            events.Publish(new ConversationLabelsChanged(conversation.ChannelId, conversation.Id));
        }
    }

    /// <summary>The labels on each of the conversations, by name.</summary>
    public static async Task<ILookup<long, LabelTag>> OfConversationsAsync(InboxDbContext db, IReadOnlyCollection<long> conversationIds, CancellationToken cancellationToken)
    {
        if (conversationIds.Count == 0)
        {
            return Array.Empty<LabelTag>().ToLookup(_ => 0L);
        }

        var rows = await db.Set<ConversationLabel>().AsNoTracking()
            .Where(l => conversationIds.Contains(l.ConversationId))
            .Select(l => new { l.ConversationId, Tag = new LabelTag(l.Label!.Id, l.Label.Name, l.Label.Colour) })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Tag.Name, StringComparer.CurrentCultureIgnoreCase).ToLookup(r => r.ConversationId, r => r.Tag);
    }

    /// <summary>The conversation's labels, by name; null when the conversation does not exist.</summary>
    public async Task<IReadOnlyList<LabelTag>?> OfConversationAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken))
        {
            return null;
        }

        return [.. (await OfConversationsAsync(db, [conversationId], cancellationToken))[conversationId]];
    }

    /// <summary>Puts the label on the conversation (nothing happens when it is already there); returns why not, or null.</summary>
    public async Task<string?> AddAsync(long conversationId, long labelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelId = await ChannelOfAsync(db, conversationId, cancellationToken);
        if (channelId is null)
        {
            return ConversationNotFound;
        }

        if (!await db.Set<Label>().AnyAsync(l => l.Id == labelId, cancellationToken))
        {
            return "That label no longer exists.";
        }

        if (await db.Set<ConversationLabel>().AnyAsync(l => l.ConversationId == conversationId && l.LabelId == labelId, cancellationToken))
        {
            return null;
        }

        db.Add(new ConversationLabel { ConversationId = conversationId, LabelId = labelId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another agent put it on at the same moment: it is there, as asked.
            return null;
        }

        events.Publish(new ConversationLabelsChanged(channelId, conversationId));
        return null;
    }

    /// <summary>Takes the label off the conversation; returns why not, or null.</summary>
    public async Task<string?> RemoveAsync(long conversationId, long labelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelId = await ChannelOfAsync(db, conversationId, cancellationToken);
        if (channelId is null)
        {
            return ConversationNotFound;
        }

        if (await db.Set<ConversationLabel>().Where(l => l.ConversationId == conversationId && l.LabelId == labelId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            events.Publish(new ConversationLabelsChanged(channelId, conversationId));
        }

        return null;
    }

    /// <summary>
    /// Replaces the conversation's labels by the labels of these names (any case; blanks and repeats ignored). When a
    /// name is no label's, nothing changes and the result names it.
    /// </summary>
    public async Task<LabelSetResult> SetByNamesAsync(long conversationId, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelId = await ChannelOfAsync(db, conversationId, cancellationToken);
        if (channelId is null)
        {
            return new LabelSetResult(false, [], []);
        }

        var wanted = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var all = await db.Set<Label>().AsNoTracking().ToListAsync(cancellationToken);
        var byName = all.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Where(n => !byName.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            return new LabelSetResult(true, unknown, []);
        }

        var target = wanted.Select(n => byName[n].Id).ToHashSet();
        var current = await db.Set<ConversationLabel>().Where(l => l.ConversationId == conversationId).ToListAsync(cancellationToken);
        db.RemoveRange(current.Where(l => !target.Contains(l.LabelId)));
        db.AddRange(target.Where(id => current.All(l => l.LabelId != id)).Select(id => new ConversationLabel { ConversationId = conversationId, LabelId = id }));
        var changed = db.ChangeTracker.HasChanges();
        await db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            events.Publish(new ConversationLabelsChanged(channelId, conversationId));
        }

        var labels = all.Where(l => target.Contains(l.Id)).Select(l => new LabelTag(l.Id, l.Name, l.Colour))
            .OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new LabelSetResult(true, [], labels);
    }

    private async Task<string?> SaveAsync(long? id, LabelModel model, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Errors[0].ErrorMessage;
        }

        var name = model.Name.Trim();
        var normalized = Label.Normalize(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Label>().AnyAsync(l => l.NormalizedName == normalized && l.Id != id, cancellationToken))
        {
            return NameTaken(name);
        }

        Label label;
        if (id is { } existing)
        {
            label = await db.Set<Label>().FirstOrDefaultAsync(l => l.Id == existing, cancellationToken) ?? throw new InvalidOperationException("The label no longer exists.");
        }
        else
        {
            label = new Label { CreatedAt = time.GetUtcNow() };
            db.Add(label);
        }

        label.Name = name;
        label.NormalizedName = normalized;
        label.Colour = LabelPalette.Colours.First(c => string.Equals(c.Hex, model.Colour, StringComparison.OrdinalIgnoreCase)).Hex;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return NameTaken(name);
        }

        events.Publish(new LabelsChanged(label.Id));
        if (id is not null)
        {
            foreach (var conversation in await db.Set<ConversationLabel>().Where(l => l.LabelId == label.Id)
                         .Join(db.Conversations, l => l.ConversationId, c => c.Id, (l, c) => new { c.Id, c.ChannelId }).ToListAsync(cancellationToken))
            {
                events.Publish(new ConversationLabelsChanged(conversation.ChannelId, conversation.Id));
            }
        }

        return null;
    }

    private static string NameTaken(string name) => $"There is already a label called \"{name}\".";

    private static Task<string?> ChannelOfAsync(InboxDbContext db, long conversationId, CancellationToken cancellationToken) =>
        db.Conversations.Where(c => c.Id == conversationId).Select(c => c.ChannelId).FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Label {LabelId} deleted; it left {Conversations} conversations")]
    private static partial void LogDeleted(ILogger logger, long labelId, int conversations);
}
