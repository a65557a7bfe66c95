using Chatobuy.Inbox.Data.Sql;
using Microsoft.EntityFrameworkCore.Metadata;
using static Chatobuy.Inbox.Data.Sql.SqlSession;

namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// Stores what customers sent and what Meta reported, a whole batch at a time within the writer's transaction, with
/// prepared statements and no change tracking: a few queries per batch to read what is there, then one statement per
/// row written. The rules stay on the entities (<see cref="Contact.Saw"/>, <see cref="Conversation.RecordInbound"/>,
/// <see cref="Message.ApplyStatus"/>, <see cref="ReactionBoard"/>). A wamid already stored adds nothing, and a report
/// already kept adds nothing either.
/// </summary>
public sealed class InboundRecorder(IModel model)
{
    private static readonly string[] ContactChanges = [nameof(Contact.ProfileName), nameof(Contact.UserId), nameof(Contact.UpdatedAt)];

    private static readonly string[] ConversationChanges =
    [
        nameof(Conversation.LastInboundAt), nameof(Conversation.LastMessageAt), nameof(Conversation.LastMessagePreview), nameof(Conversation.UnreadCount),
        nameof(Conversation.Status), nameof(Conversation.SnoozedUntil),
    ];

    private static readonly string[] StatusChanges =
    [
        nameof(Message.Status), nameof(Message.StatusAt), nameof(Message.ErrorCode), nameof(Message.ErrorTitle),
        nameof(Message.ErrorDetails), nameof(Message.PricingJson), nameof(Message.BizOpaqueCallbackData),
    ];

    private readonly ModelTable<Message> _messages = new(model);
    private readonly ModelTable<Contact> _contacts = new(model);
    private readonly ModelTable<Conversation> _conversations = new(model);
    private readonly ModelTable<MessageStatusUpdate> _statuses = new(model);
    private readonly ModelTable<Reaction> _reactions = new(model);

    /// <summary>
    /// Stores the messages not stored before, each in its sender's open conversation on its channel (opened when there
    /// is none), with the sender as a contact; returns the messages stored, with their ids.
    /// </summary>
    public async Task<IReadOnlyList<Message>> RecordMessagesAsync(SqlSession sql, IReadOnlyList<InboundMessage> inbound, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (inbound.Count == 0)
        {
            return [];
        }

        var wamid = _messages[nameof(Message.WaMessageId)].Name;
        var wamids = inbound.Select(i => i.Message.WaMessageId!).Distinct().ToList();
        var seen = (await sql.Statement($"SELECT {wamid} FROM {_messages.Name} WHERE {wamid} IN {InList("@ids")}")
            .Set("@ids", Ids(wamids))
            .ReadAsync(r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = inbound.Where(i => seen.Add(i.Message.WaMessageId!)).ToList();
        if (fresh.Count == 0)
        {
            return [];
        }

        var contacts = await RecordContactsAsync(sql, fresh, now, cancellationToken);

        // The active (open, pending or snoozed) conversations of these senders on these channels, through the unique index
        // on (channel, contact) of active conversations: SQLite uses a partial index only when the query names its
        // condition literally.
        var contactIds = contacts.Values.Select(c => c.Id).Distinct().ToList();
        var channelIds = fresh.Select(i => i.ChannelId).Distinct().ToList();
        var stored = await _conversations.ReadAllAsync(
            sql.Statement(_conversations.SelectSql(
                    $"{_conversations[nameof(Conversation.Status)].Name} <> '{_conversations[nameof(Conversation.Status)].ToProvider(ConversationStatus.Resolved)}'"
                    + $" AND {_conversations[nameof(Conversation.ChannelId)].Name} IN {InList("@channels")}"
                    + $" AND {_conversations[nameof(Conversation.ContactId)].Name} IN {InList("@ids")}"))
                .Set("@channels", Ids(channelIds))
                .Set("@ids", Ids(contactIds)),
            cancellationToken);
        var conversations = stored.ToDictionary(c => (c.ChannelId, c.ContactId));
        await ReopenResolvedAsync(sql, fresh, contacts, conversations, cancellationToken);
        var opened = new List<Conversation>();
        var touched = new HashSet<Conversation>();
        var reactions = new List<ReactionEvent>();
        foreach (var item in fresh)
        {
            var key = (item.ChannelId, contacts[item.Sender].Id);
            if (!conversations.TryGetValue(key, out var conversation))
            {
                conversation = new Conversation { ChannelId = key.ChannelId, ContactId = key.Id, CreatedAt = now, LastMessageAt = DateTimeOffset.UnixEpoch };
                conversations[key] = conversation;
                opened.Add(conversation);
            }

            conversation.RecordInbound(item.Message);
            touched.Add(conversation);
            if (item.Message.IsReaction && item.ReactsTo is { } target)
            {
                reactions.Add(new ReactionEvent(target, item.Sender, item.Message.Text ?? "", item.Message.Timestamp));
            }
        }

        // A new conversation is written once, with what its first messages made of it; its messages then get its id.
        foreach (var conversation in opened)
        {
            conversation.Id = await _conversations.InsertAsync(sql, conversation, cancellationToken);
        }

        foreach (var conversation in touched.Except(opened))
        {
            await _conversations.UpdateAsync(sql, conversation, ConversationChanges, cancellationToken);
        }

        foreach (var item in fresh)
        {
            item.Message.ConversationId = conversations[(item.ChannelId, contacts[item.Sender].Id)].Id;
            item.Message.Id = await _messages.InsertAsync(sql, item.Message, cancellationToken);
        }

        await RecordReactionsAsync(sql, reactions, cancellationToken);
        return fresh.Select(i => i.Message).ToList();
    }

    /// <summary>
    /// A customer with no active conversation on the channel who was talked to before writes into their latest resolved
    /// conversation, which <see cref="Conversation.RecordInbound"/> then opens again: history, labels and assignee
    /// stay together. Asked only for the senders without an active conversation (through the index on the contact).
    /// </summary>
    private async Task ReopenResolvedAsync(
        SqlSession sql,
        IReadOnlyList<InboundMessage> fresh,
        IReadOnlyDictionary<string, Contact> contacts,
        Dictionary<(string ChannelId, long ContactId), Conversation> conversations,
        CancellationToken cancellationToken)
    {
        var missing = fresh.Select(i => (i.ChannelId, contacts[i.Sender].Id)).Where(k => !conversations.ContainsKey(k)).ToHashSet();
        if (missing.Count == 0)
        {
            return;
        }

        var status = _conversations[nameof(Conversation.Status)];
        var resolved = await _conversations.ReadAllAsync(
            sql.Statement(_conversations.SelectSql(
                    $"{_conversations[nameof(Conversation.ContactId)].Name} IN {InList("@ids")}"
                    + $" AND {_conversations[nameof(Conversation.ChannelId)].Name} IN {InList("@channels")}"
                    + $" AND {status.Name} = '{status.ToProvider(ConversationStatus.Resolved)}'"))
                .Set("@ids", Ids(missing.Select(k => k.Item2).Distinct().ToList()))
                .Set("@channels", Ids(missing.Select(k => k.ChannelId).Distinct().ToList())),
            cancellationToken);
        foreach (var latest in resolved.Where(c => missing.Contains((c.ChannelId, c.ContactId))).GroupBy(c => (c.ChannelId, c.ContactId)).Select(g => g.MaxBy(c => c.Id)!))
        {
            conversations[(latest.ChannelId, latest.ContactId)] = latest;
        }
    }

    /// <summary>
    /// Keeps each (wamid, status) report once and moves the stored messages forward; returns the reports not kept
    /// before, in the order applied, each with the message it moved forward (null when it moved none).
    /// </summary>
    public async Task<IReadOnlyList<(MessageStatusUpdate Update, Message? Moved)>> RecordStatusesAsync(
        SqlSession sql,
        IReadOnlyList<MessageStatusUpdate> updates,
        CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return [];
        }

        var ids = Ids(updates.Select(u => u.WaMessageId).Distinct());
        var status = _statuses[nameof(MessageStatusUpdate.Status)];
        var wamid = _statuses[nameof(MessageStatusUpdate.WaMessageId)].Name;
        var known = (await sql.Statement($"SELECT {wamid}, {status.Name} FROM {_statuses.Name} WHERE {wamid} IN {InList("@ids")}")
                .Set("@ids", ids)
                .ReadAsync(r => (r.GetString(0), r.GetString(1)), cancellationToken))
            .ToHashSet();
        var fresh = updates.Where(u => known.Add((u.WaMessageId, (string)status.ToProvider(u.Status)))).ToList();
        foreach (var update in fresh)
        {
            update.Id = await _statuses.InsertAsync(sql, update, cancellationToken);
        }

        var messages = (await _messages.ReadAllAsync(
                sql.Statement(_messages.SelectSql($"{_messages[nameof(Message.WaMessageId)].Name} IN {InList("@ids")}")).Set("@ids", ids),
                cancellationToken))
            .ToDictionary(m => m.WaMessageId!, StringComparer.Ordinal);
        var applied = new List<(MessageStatusUpdate Update, Message? Moved)>(fresh.Count);
        var moved = new HashSet<Message>();
        foreach (var update in MessageStatusRules.InApplyOrder(fresh))
        {
            var forward = messages.TryGetValue(update.WaMessageId, out var message) && message.ApplyStatus(update);
            applied.Add((update, forward ? message : null));
            if (forward)
            {
                moved.Add(message!);
            }
        }

        foreach (var message in moved)
        {
            await _messages.UpdateAsync(sql, message, StatusChanges, cancellationToken);
        }

        return applied;
    }

    /// <summary>The senders as contacts: new ones stored, known ones kept up to date (<see cref="Contact.Saw"/>).</summary>
    private async Task<Dictionary<string, Contact>> RecordContactsAsync(SqlSession sql, List<InboundMessage> fresh, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var senders = fresh.Select(i => i.Sender).Distinct().ToList();
        var contacts = (await _contacts.ReadAllAsync(
                sql.Statement(_contacts.SelectSql($"{_contacts[nameof(Contact.WaId)].Name} IN {InList("@ids")}")).Set("@ids", Ids(senders)),
                cancellationToken))
            .ToDictionary(c => c.WaId, StringComparer.Ordinal);
        var before = contacts.Values.ToDictionary(c => c, c => (c.ProfileName, c.UserId, c.UpdatedAt));
        foreach (var item in fresh)
        {
            if (!contacts.TryGetValue(item.Sender, out var contact))
            {
                contact = new Contact { WaId = item.Sender, CreatedAt = now, UpdatedAt = now };
                contacts[item.Sender] = contact;
            }

            contact.Saw(item.ProfileName, item.UserId, now);
        }

        foreach (var contact in contacts.Values)
        {
            if (!before.TryGetValue(contact, out var was))
            {
                contact.Id = await _contacts.InsertAsync(sql, contact, cancellationToken);
            }
            else if (was != (contact.ProfileName, contact.UserId, contact.UpdatedAt))
            {
                await _contacts.UpdateAsync(sql, contact, ContactChanges, cancellationToken);
            }
        }

        return contacts;
    }

    private async Task RecordReactionsAsync(SqlSession sql, List<ReactionEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var targets = events.Select(e => e.TargetWaMessageId).Distinct();
        var board = new ReactionBoard(await _reactions.ReadAllAsync(
            sql.Statement(_reactions.SelectSql($"{_reactions[nameof(Reaction.TargetWaMessageId)].Name} IN {InList("@ids")}")).Set("@ids", Ids(targets)),
            cancellationToken));
        foreach (var e in events.OrderBy(e => e.At))
        {
            board.Apply(e);
        }

        foreach (var removed in board.Removed)
        {
            await sql.Statement($"DELETE FROM {_reactions.Name} WHERE {_reactions.Key.Name} = {_reactions.Key.Parameter}")
                .Set(_reactions.Key.Parameter, removed.Id)
                .ExecuteAsync(cancellationToken);
        }

        foreach (var updated in board.Updated)
        {
            await _reactions.UpdateAsync(sql, updated, [nameof(Reaction.Emoji), nameof(Reaction.ReactedAt)], cancellationToken);
        }

        foreach (var added in board.Added)
        {
            added.Id = await _reactions.InsertAsync(sql, added, cancellationToken);
        }
    }
}
