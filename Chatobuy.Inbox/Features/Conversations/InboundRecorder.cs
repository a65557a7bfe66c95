using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// Stores what customers sent and what Meta reported, a whole batch at a time within the caller's transaction: a
/// few queries per batch, none per message. A wamid already stored adds nothing, and a report already kept adds
/// nothing either.
/// </summary>
public static class InboundRecorder
{
    /// <summary>
    /// Stores the messages not stored before, each in its sender's open conversation on its channel (opened when there
    /// is none), with the sender as a contact; returns the messages stored.
    /// </summary>
    public static async Task<IReadOnlyList<Message>> RecordMessagesAsync(
        InboxDbContext db,
        IReadOnlyList<InboundMessage> inbound,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (inbound.Count == 0)
        {
            return [];
        }

        var wamids = inbound.Select(i => i.Message.WaMessageId!).Distinct().ToList();
        var seen = (await db.Messages.Where(m => wamids.Contains(m.WaMessageId!)).Select(m => m.WaMessageId!).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = inbound.Where(i => seen.Add(i.Message.WaMessageId!)).ToList();
        if (fresh.Count == 0)
        {
            return [];
        }

        var senders = fresh.Select(i => i.Sender).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => senders.Contains(c.WaId)).ToDictionaryAsync(c => c.WaId, cancellationToken);
        foreach (var item in fresh)
        {
            if (!contacts.TryGetValue(item.Sender, out var contact))
            {
                contact = new Contact { WaId = item.Sender, CreatedAt = now, UpdatedAt = now };
                contacts[item.Sender] = contact;
                db.Contacts.Add(contact);
            }

            contact.Saw(item.ProfileName, item.UserId, now);
        }

        // Saved now: conversations need the new contacts' ids, and messages the new conversations' ids.
        await db.SaveChangesAsync(cancellationToken);

        var channelIds = fresh.Select(i => i.ChannelId).Distinct().ToList();
        var contactIds = contacts.Values.Select(c => c.Id).ToList();
        var conversations = (await db.Conversations
                .Where(c => c.Status == ConversationStatus.Open && channelIds.Contains(c.ChannelId) && contactIds.Contains(c.ContactId))
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.ChannelId, c.ContactId));
        foreach (var item in fresh)
        {
            var key = (item.ChannelId, contacts[item.Sender].Id);
            if (!conversations.ContainsKey(key))
            {
                var conversation = new Conversation { ChannelId = key.ChannelId, ContactId = key.Id, CreatedAt = now, LastMessageAt = DateTimeOffset.UnixEpoch };
                conversations[key] = conversation;
                db.Conversations.Add(conversation);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var reactions = new List<ReactionEvent>();
        foreach (var item in fresh)
        {
            conversations[(item.ChannelId, contacts[item.Sender].Id)].RecordInbound(item.Message);
            db.Messages.Add(item.Message);
            if (item.Message.IsReaction && item.ReactsTo is { } target)
            {
                reactions.Add(new ReactionEvent(target, item.Sender, item.Message.Text ?? "", item.Message.Timestamp));
            }
        }

        await ReactionBoard.ApplyAsync(db, reactions, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return fresh.Select(i => i.Message).ToList();
    }

    /// <summary>
    /// Keeps each (wamid, status) report once and moves the stored messages forward; returns the reports not kept
    /// before, in the order applied, each with the message it moved forward (null when it moved none). The caller saves.
    /// </summary>
    public static async Task<IReadOnlyList<(MessageStatusUpdate Update, Message? Moved)>> RecordStatusesAsync(
        InboxDbContext db,
        IReadOnlyList<MessageStatusUpdate> updates,
        CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return [];
        }

        var ids = updates.Select(u => u.WaMessageId).Distinct().ToList();
        var known = (await db.MessageStatusUpdates.Where(u => ids.Contains(u.WaMessageId)).Select(u => new { u.WaMessageId, u.Status }).ToListAsync(cancellationToken))
            .Select(u => (u.WaMessageId, u.Status))
            .ToHashSet();
        var fresh = updates.Where(u => known.Add((u.WaMessageId, u.Status))).ToList();
        db.MessageStatusUpdates.AddRange(fresh);

        var messages = await db.Messages.Where(m => ids.Contains(m.WaMessageId!)).ToDictionaryAsync(m => m.WaMessageId!, cancellationToken);
        var applied = new List<(MessageStatusUpdate Update, Message? Moved)>(fresh.Count);
        foreach (var update in MessageStatusRules.InApplyOrder(fresh))
        {
            var moved = messages.TryGetValue(update.WaMessageId, out var message) && message.ApplyStatus(update);
            applied.Add((update, moved ? message : null));
        }

        return applied;
    }
}
