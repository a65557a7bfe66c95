using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Chatobuy.Inbox.Features.Webhooks.WebhookPayload;

namespace Chatobuy.Inbox.Features.Webhooks;

public enum IngestOutcome
{
    /// <summary>Verified and durably stored (or already stored before): answer 200.</summary>
    Stored,

    /// <summary>Correctly signed, but no channel of this inbox owns the numbers or accounts in the body: answer 200 so Meta stops.</summary>
    NoKnownChannel,

    /// <summary>Missing or wrong signature: answer 401.</summary>
    BadSignature,

    /// <summary>Not Meta's JSON envelope: answer 400.</summary>
    Malformed,

    /// <summary>The database could not take it now: answer 5xx so Meta retries.</summary>
    TransientFailure,
}

public sealed record IngestResult(IngestOutcome Outcome, int Messages = 0, int Statuses = 0, int Others = 0, string? ChannelId = null)
{
    /// <summary>The messages this delivery created or moved forward, for live updates.</summary>
    public IReadOnlyList<InboxChange> Changes { get; init; } = [];

    /// <summary>The other webhook fields this delivery stored (template status, quality, account updates, …).</summary>
    public IReadOnlyList<StoredChannelEvent> Events { get; init; } = [];
}

/// <summary>A non-message webhook change as stored: its field, Meta's <c>value</c> JSON and the channel it concerns.</summary>
public sealed record StoredChannelEvent(string? ChannelId, string WabaId, string Field, string ValueJson, DateTimeOffset? EventTime);

/// <summary>A message created (or updated) by a webhook, with where it lives.</summary>
public sealed record InboxChange(string ChannelId, long ConversationId, long MessageId, bool Created);

/// <summary>
/// Verifies a webhook delivery and stores every message, status and event in it in one transaction, exactly
/// once: a wamid already stored adds nothing, and statuses only move forward. Nothing is acknowledged before
/// the transaction commits.
/// </summary>
public sealed partial class WebhookIngestion(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelDirectory directory,
    WebhookSigners signers,
    SignatureRefusals refusals,
    InboxEvents events,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookIngestion> logger) : BackgroundService
{
    private const int Attempts = 3;

    /// <summary>Deliveries written together in one transaction at most (group commit).</summary>
    private const int MaxGroupDeliveries = 64;

    /// <summary>Messages and statuses written together in one transaction at most.</summary>
    private const int MaxGroupUpdates = 2000;

    private readonly ConcurrentDictionary<string, long> _lastPublished = new();

    private readonly System.Threading.Channels.Channel<PendingDelivery> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<PendingDelivery>(new() { SingleReader = true });

    private TimeSpan StoreTimeout => TimeSpan.FromSeconds(options.Value.StoreTimeoutSeconds);

    /// <summary>
    /// Checks the signature first, against every App Secret the inbox knows, and only then reads and routes the body.
    /// A refused delivery is counted in memory and touches no database.
    /// </summary>
    public async Task<IngestResult> IngestAsync(byte[] body, string? signature, string? urlChannelId, CancellationToken cancellationToken)
    {
        WebhookSignerSet known;
        try
        {
            known = await signers.CurrentAsync(cancellationToken);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogTransient(logger, exception);
            return new IngestResult(IngestOutcome.TransientFailure);
        }

        var signer = known.Verify(body, signature, urlChannelId);
        if (signer is null)
        {
            Refuse(Blamed(known, body, urlChannelId), foreignSigner: false);
            return new IngestResult(IngestOutcome.BadSignature);
        }

        JsonDocument document;
        IReadOnlyList<WebhookChange> changes;
        try
        {
            document = JsonDocument.Parse(body);
            changes = WebhookPayload.Changes(document);
        }
        catch (JsonException)
        {
            LogMalformed(logger, body.Length);
            return new IngestResult(IngestOutcome.Malformed);
        }

        PendingDelivery pending;
        using (var owned = new DocumentOwner(document))
        {
            if (Targets(known, changes).Any(t => t.Serving.Count == 0) || (urlChannelId is not null && known.Channels.All(c => c.Id != urlChannelId)))
            {
                // Possibly a channel this instance has not seen yet (connected by another instance, or just now).
                directory.Invalidate(urlChannelId ?? "");
                try
                {
                    known = await signers.CurrentAsync(cancellationToken);
                }
                catch (Exception exception) when (IsTransient(exception))
                {
                    LogTransient(logger, exception);
                    return new IngestResult(IngestOutcome.TransientFailure);
                }

                signer = known.Verify(body, signature, urlChannelId) ?? signer;
            }

            // One Meta app signs with one App Secret. A number or account served here only by channels with another
            // secret is not the signer's to write to: refuse the whole delivery, so that nothing of it is lost (Meta
            // delivers it again, and it is stored once that channel's App Secret is corrected), rather than store
            // a part and drop the rest with a 200.
            var targets = Targets(known, changes);
            var foreign = targets
                .Where(t => t.Serving.Count > 0 && !t.Serving.Any(signer.Serves))
                .SelectMany(t => t.Serving)
                .DistinctBy(c => c.Id)
                .ToList();
            if (foreign.Count > 0)
            {
                Refuse(foreign, foreignSigner: true);
                return new IngestResult(IngestOutcome.BadSignature);
            }

            var trusted = targets.SelectMany(t => t.Serving)
                .Concat(known.Channels.Where(c => c.Id == urlChannelId))
                .Where(signer.Serves)
                .DistinctBy(c => c.Id)
                .ToList();
            if (trusted.Count == 0)
            {
                LogNoChannel(logger, string.Join(",", changes.Select(c => c.PhoneNumberId ?? c.WabaId).Distinct().Select(LogMask.Id)));
                return new IngestResult(IngestOutcome.NoKnownChannel);
            }

            var verifiedBy = trusted.FirstOrDefault(c => c.Id == urlChannelId) ?? trusted[0];
            pending = new PendingDelivery(new VerifiedDelivery(body, Convert.ToHexStringLower(SHA256.HashData(body)), changes, verifiedBy, trusted), document);
            if (!_queue.Writer.TryWrite(pending))
            {
                return new IngestResult(IngestOutcome.TransientFailure);
            }

            // From here the writer owns the parsed document and disposes of it when it is done.
            owned.Release();
        }

        // Answer once the writer has committed this delivery, or 503 when the database cannot take it in time: Meta
        // delivers it again, and a delivery stored meanwhile is recognised as already stored then.
        try
        {
            return await pending.Result.Task.WaitAsync(StoreTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogStoreTimedOut(logger, StoreTimeout.TotalSeconds);
            pending.Result.TrySetResult(new IngestResult(IngestOutcome.TransientFailure));
            return await pending.Result.Task;
        }
    }

    /// <summary>The phone numbers and accounts the body names (or, for an empty body, none), each with the channels that serve it.</summary>
    private static List<(string Id, List<Channel> Serving)> Targets(WebhookSignerSet known, IReadOnlyList<WebhookChange> changes)
    {
        var phoneIds = changes.Select(c => c.PhoneNumberId).OfType<string>().Distinct();
        var wabaIds = changes.Where(c => c.PhoneNumberId is null).Select(c => c.WabaId).Distinct();
        return phoneIds.Select(id => (id, known.Channels.Where(c => c.PhoneNumberId == id).ToList()))
            .Concat(wabaIds.Select(id => (id, known.Channels.Where(c => c.WabaId == id).ToList())))
            .ToList();
    }

    /// <summary>
    /// Who a refused delivery is counted against: the channel of the URL it came to, or else the channels its body
    /// names (when it can be read at all). Nothing is written to the database.
    /// </summary>
    private static List<Channel> Blamed(WebhookSignerSet known, byte[] body, string? urlChannelId)
    {
        if (urlChannelId is not null)
        {
            return known.Channels.Where(c => c.Id == urlChannelId).ToList();
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Targets(known, WebhookPayload.Changes(document)).SelectMany(t => t.Serving).DistinctBy(c => c.Id).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private void Refuse(List<Channel> blamed, bool foreignSigner)
    {
        var ids = blamed.Select(c => c.Id).ToList();
        if (foreignSigner)
        {
            LogForeignSignature(logger, string.Join(",", ids));
        }
        else
        {
            LogBadSignature(logger, string.Join(",", ids));
        }

        refusals.Record(ids, time.GetUtcNow());
        foreach (var id in ids)
        {
            PublishThrottled(id);
        }
    }

    /// <summary>
    /// The single writer: takes every delivery waiting, writes them in one transaction and completes each after
    /// the commit. SQLite allows one writer at a time, so grouping is what makes throughput.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingDelivery>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                var updates = 0;
                while (group.Count < MaxGroupDeliveries && updates < MaxGroupUpdates && _queue.Reader.TryRead(out var next))
                {
                    if (next.Result.Task.IsCompleted)
                    {
                        // Its POST was already answered 503 (the database did not take it in time): Meta delivers it again.
                        next.Finish(next.Result.Task.Result);
                        continue;
                    }

                    group.Add(next);
                    updates += next.Delivery.Changes.Count;
                }

                if (group.Count == 0)
                {
                    continue;
                }

                try
                {
                    await WriteGroupAsync(group, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogWriterFailed(logger, exception);
                    group.ForEach(p => p.Finish(new IngestResult(IngestOutcome.TransientFailure)));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not written is answered 5xx below, and Meta delivers it again.
        }
        finally
        {
            _queue.Writer.TryComplete();
            group.ForEach(p => p.Finish(new IngestResult(IngestOutcome.TransientFailure)));
            while (_queue.Reader.TryRead(out var left))
            {
                left.Finish(new IngestResult(IngestOutcome.TransientFailure));
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingDelivery> group, CancellationToken cancellationToken)
    {
        var (results, unavailable) = await TryStoreAsync(group.Select(p => p.Delivery).ToList(), cancellationToken);
        if (results is null && group.Count > 1 && !unavailable)
        {
            // One bad delivery must not hold back the others: write them one by one. Not when the database itself
            // is locked or failing: each would wait again, and all of them are answered 503 at once instead.
            foreach (var pending in group)
            {
                var (single, _) = await TryStoreAsync([pending.Delivery], cancellationToken);
                Complete(pending, single?[0] ?? new IngestResult(IngestOutcome.TransientFailure));
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            Complete(group[i], results?[i] ?? new IngestResult(IngestOutcome.TransientFailure));
        }
    }

    private void Complete(PendingDelivery pending, IngestResult result)
    {
        if (result.Outcome == IngestOutcome.Stored)
        {
            PublishThrottled(pending.Delivery.VerifiedBy.Id);
            Publish(result);
        }

        pending.Finish(result);
    }

    /// <summary>Tells live views, the media downloader and the template updates what the delivery committed.</summary>
    private void Publish(IngestResult result)
    {
        foreach (var change in result.Changes)
        {
            events.Publish<IInboxEvent>(change.Created
                ? new MessageCreated(change.ChannelId, change.ConversationId, change.MessageId)
                : new MessageUpdated(change.ChannelId, change.ConversationId, change.MessageId));
        }

        foreach (var (channelId, conversationId) in result.Changes.Where(c => c.Created).Select(c => (c.ChannelId, c.ConversationId)).Distinct())
        {
            events.Publish(new ConversationUpdated(channelId, conversationId));
        }

        foreach (var stored in result.Events)
        {
            events.Publish(stored);
        }
    }

    /// <summary>Open checklists need "last signed event" fresh to the second, not once per delivery.</summary>
    private void PublishThrottled(string channelId)
    {
        var now = time.GetTimestamp();
        var last = _lastPublished.GetValueOrDefault(channelId);
        if (last == 0 || time.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1))
        {
            _lastPublished[channelId] = now;
            events.Publish(new ChannelUpdated(channelId));
        }
    }

    /// <summary>
    /// Stores the group in one transaction; null results when the database could not take it, with whether the
    /// database itself was locked or failing (rather than this group).
    /// </summary>
    private async Task<(IReadOnlyList<IngestResult>? Results, bool Unavailable)> TryStoreAsync(IReadOnlyList<VerifiedDelivery> group, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await StoreAsync(group, cancellationToken), false);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < Attempts)
            {
                // Another instance committed the same events first: run again, it now adds only what is new.
                LogRetryAfterConflict(logger, attempt);
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                LogTransient(logger, exception);
                return (null, IsUnavailable(exception));
            }
        }
    }

    private async Task<IReadOnlyList<IngestResult>> StoreAsync(IReadOnlyList<VerifiedDelivery> group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetBusyTimeout(StoreTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var inbound = new List<InboundItem>();
        var statuses = new List<StatusItem>();
        var deliveries = new List<WebhookDelivery>();
        var events = new List<(int Owner, StoredChannelEvent Event)>();
        // The same bytes delivered again (Meta retrying a delivery already committed, a replay) are kept once in the
        // raw log: the events read from them point at the copy already there. Their messages and statuses are
        // recognised by wamid below, as always; template and account events are applied again (harmless, and the
        // same bytes may well say the same thing twice: approved, edited, approved again).
        var hashes = group.Select(d => d.BodySha256).Distinct().ToList();
        var logged = (await db.WebhookDeliveries.Where(d => hashes.Contains(d.BodySha256!)).Select(d => new { d.Id, d.BodySha256 }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.BodySha256!, d => db.WebhookDeliveries.Attach(new WebhookDelivery { Id = d.Id, BodySha256 = d.BodySha256 }).Entity, StringComparer.Ordinal);
        for (var owner = 0; owner < group.Count; owner++)
        {
            var (body, bodySha256, changes, verifiedBy, trusted) = group[owner];
            var delivery = new WebhookDelivery { ReceivedAt = now, ChannelId = verifiedBy.Id, Body = body, BodySha256 = bodySha256 };
            deliveries.Add(delivery);
            if (!logged.TryGetValue(bodySha256, out var row))
            {
                row = delivery;
                logged[bodySha256] = row;
                db.WebhookDeliveries.Add(row);
            }

            var byPhone = trusted.ToDictionary(c => c.PhoneNumberId);
            foreach (var change in changes)
            {
                var channel = change.PhoneNumberId is { } phone ? byPhone.GetValueOrDefault(phone) : null;
                if (change.Field == "messages" && change.PhoneNumberId is not null)
                {
                    if (channel is null)
                    {
                        LogUnknownNumber(logger, LogMask.Id(change.PhoneNumberId));
                        continue;
                    }

                    var names = Array(change.Value, "contacts")
                        .Select(c => (Id: String(c, "wa_id") ?? String(c, "user_id"), Name: Child(c, "profile") is { } p ? String(p, "name") : null, UserId: String(c, "user_id")))
                        .Where(c => c.Id is not null)
                        .GroupBy(c => c.Id!)
                        .ToDictionary(g => g.Key, g => (g.First().Name, g.First().UserId));
                    var messages = Array(change.Value, "messages").Select(m => new InboundItem(owner, channel, m, names)).ToList();
                    var changeStatuses = Array(change.Value, "statuses").Select(st => new StatusItem(owner, channel, st)).ToList();
                    inbound.AddRange(messages);
                    statuses.AddRange(changeStatuses);
                    delivery.MessageCount += messages.Count;
                    delivery.StatusCount += changeStatuses.Count;
                    if (Child(change.Value, "errors") is { } errors)
                    {
                        db.ChannelEvents.Add(NewEvent(change, channel.Id, "errors", errors.GetRawText(), now, row));
                    }
                }
                else
                {
                    var owningChannel = channel ?? trusted.FirstOrDefault(c => c.WabaId == change.WabaId);
                    var stored = NewEvent(change, owningChannel?.Id, change.Field, change.Value.GetRawText(), now, row);
                    db.ChannelEvents.Add(stored);
                    events.Add((owner, new StoredChannelEvent(stored.ChannelId, stored.WabaId, stored.Field, stored.ValueJson, stored.EventTime)));
                    delivery.OtherCount++;
                }
            }
        }

        var touched = new List<(int Owner, Message Message, bool Created)>();
        var storedMessages = await StoreMessagesAsync(db, inbound, now, touched, cancellationToken);
        var storedStatuses = await StoreStatusesAsync(db, statuses, touched, cancellationToken);

        var verifiedIds = group.Select(d => d.VerifiedBy.Id).Distinct().ToList();
        foreach (var tracked in await db.Channels.Where(c => verifiedIds.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            tracked.FirstSignedEventAt ??= now;
            tracked.LastSignedEventAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var results = new List<IngestResult>(group.Count);
        for (var owner = 0; owner < group.Count; owner++)
        {
            var stored = storedMessages.GetValueOrDefault(owner);
            var applied = storedStatuses.GetValueOrDefault(owner);
            LogStored(logger, group[owner].VerifiedBy.Id, stored, deliveries[owner].MessageCount - stored, applied, deliveries[owner].StatusCount);
            var changes = touched.Where(t => t.Owner == owner)
                .Select(t => new InboxChange(t.Message.ChannelId, t.Message.ConversationId, t.Message.Id, t.Created))
                .ToList();
            results.Add(new IngestResult(IngestOutcome.Stored, stored, applied, deliveries[owner].OtherCount, group[owner].VerifiedBy.Id) { Changes = changes, Events = events.Where(e => e.Owner == owner).Select(e => e.Event).ToList() });
        }

        return results;
    }

    private static ChannelEvent NewEvent(WebhookChange change, string? channelId, string field, string json, DateTimeOffset now, WebhookDelivery delivery) => new()
    {
        ChannelId = channelId,
        WabaId = change.WabaId,
        Field = field,
        ValueJson = json,
        EventTime = change.EntryTime,
        ReceivedAt = now,
        Delivery = delivery,
    };

    /// <summary>Stores the messages not seen before; returns how many were new, per delivery.</summary>
    private static async Task<Dictionary<int, int>> StoreMessagesAsync(
        InboxDbContext db,
        List<InboundItem> inbound,
        DateTimeOffset now,
        List<(int Owner, Message Message, bool Created)> touched,
        CancellationToken cancellationToken)
    {
        if (inbound.Count == 0)
        {
            return [];
        }

        var wamids = inbound.Select(i => String(i.Message, "id")).OfType<string>().Distinct().ToList();
        var seen = (await db.Messages.Where(m => wamids.Contains(m.WaMessageId!)).Select(m => m.WaMessageId!).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = inbound
            .Where(i => String(i.Message, "id") is { } id && InboundMessageMapper.SenderOf(i.Message) is not null && seen.Add(id))
            .ToList();
        if (fresh.Count == 0)
        {
            return [];
        }

        // Contacts: one per sender, the profile name kept up to date.
        var senders = fresh.Select(i => InboundMessageMapper.SenderOf(i.Message)!).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => senders.Contains(c.WaId)).ToDictionaryAsync(c => c.WaId, cancellationToken);
        foreach (var item in fresh)
        {
            var sender = InboundMessageMapper.SenderOf(item.Message)!;
            var (name, userId) = item.Names.GetValueOrDefault(sender);
            if (!contacts.TryGetValue(sender, out var contact))
            {
                contact = new Contact { WaId = sender, CreatedAt = now, UpdatedAt = now };
                contacts[sender] = contact;
                db.Contacts.Add(contact);
            }

            if (name is not null && contact.ProfileName != name)
            {
                contact.ProfileName = name;
                contact.UpdatedAt = now;
            }

            contact.UserId ??= userId;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Conversations: the open one per contact and channel, opened when there is none.
        var channelIds = fresh.Select(i => i.Channel.Id).Distinct().ToList();
        var contactIds = contacts.Values.Select(c => c.Id).ToList();
        var conversations = (await db.Conversations
                .Where(c => c.Status == ConversationStatus.Open && channelIds.Contains(c.ChannelId) && contactIds.Contains(c.ContactId))
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.ChannelId, c.ContactId));
        foreach (var item in fresh)
        {
            var key = (item.Channel.Id, contacts[InboundMessageMapper.SenderOf(item.Message)!].Id);
            if (!conversations.ContainsKey(key))
            {
                var conversation = new Conversation { ChannelId = key.Item1, ContactId = key.Item2, CreatedAt = now, LastMessageAt = DateTimeOffset.UnixEpoch };
                conversations[key] = conversation;
                db.Conversations.Add(conversation);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var reactions = new List<Message>();
        foreach (var item in fresh)
        {
            var sender = InboundMessageMapper.SenderOf(item.Message)!;
            var conversation = conversations[(item.Channel.Id, contacts[sender].Id)];
            var message = InboundMessageMapper.Map(item.Message, item.Channel.Id, conversation.Id, now);
            db.Messages.Add(message);
            touched.Add((item.Owner, message, true));
            conversation.LastInboundAt = Max(conversation.LastInboundAt, message.Timestamp);
            if (message.Type == "reaction")
            {
                reactions.Add(message);
                continue;
            }

            conversation.UnreadCount++;
            if (message.Timestamp >= conversation.LastMessageAt || conversation.LastMessagePreview is null)
            {
                conversation.LastMessageAt = Max(conversation.LastMessageAt, message.Timestamp)!.Value;
                conversation.LastMessagePreview = InboundMessageMapper.Preview(message);
            }
        }

        await ApplyReactionsAsync(db, reactions, contacts.Values.ToDictionary(c => c.Id, c => c.WaId), conversations.Values, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return fresh.GroupBy(i => i.Owner).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The latest reaction of each person on each message wins; an empty emoji removes it.</summary>
    private static async Task ApplyReactionsAsync(
        InboxDbContext db,
        List<Message> reactions,
        Dictionary<long, string> waIdsByContact,
        IEnumerable<Conversation> conversations,
        CancellationToken cancellationToken)
    {
        if (reactions.Count == 0)
        {
            return;
        }

        var contactByConversation = conversations.ToDictionary(c => c.Id, c => waIdsByContact[c.ContactId]);
        var events = reactions
            .Select(r =>
            {
                using var payload = JsonDocument.Parse(r.PayloadJson ?? "{}");
                return (Target: String(payload.RootElement, "message_id"), Reactor: contactByConversation[r.ConversationId], Emoji: r.Text ?? "", At: r.Timestamp);
            })
            .Where(e => e.Target is not null)
            .ToList();
        var targets = events.Select(e => e.Target!).Distinct().ToList();
        var existing = await db.Reactions.Where(r => targets.Contains(r.TargetWaMessageId)).ToListAsync(cancellationToken);
        foreach (var e in events.OrderBy(e => e.At))
        {
            var current = existing.FirstOrDefault(r => r.TargetWaMessageId == e.Target && r.ReactorId == e.Reactor);
            if (current is not null && current.ReactedAt > e.At)
            {
                continue;
            }

            if (e.Emoji.Length == 0)
            {
                if (current is not null)
                {
                    db.Reactions.Remove(current);
                    existing.Remove(current);
                }

                continue;
            }

            if (current is null)
            {
                current = new Reaction { TargetWaMessageId = e.Target!, ReactorId = e.Reactor };
                db.Reactions.Add(current);
                existing.Add(current);
            }

            current.Emoji = e.Emoji;
            current.ReactedAt = e.At;
        }
    }

    /// <summary>Keeps each (wamid, status) once and moves stored messages forward; returns how many were new, per delivery.</summary>
    private static async Task<Dictionary<int, int>> StoreStatusesAsync(
        InboxDbContext db,
        List<StatusItem> statuses,
        List<(int Owner, Message Message, bool Created)> touched,
        CancellationToken cancellationToken)
    {
        if (statuses.Count == 0)
        {
            return [];
        }

        var updates = statuses.Select(s => (s.Owner, Update: ToUpdate(s.Status))).Where(u => u.Update is not null).ToList();
        var ids = updates.Select(u => u.Update!.WaMessageId).Distinct().ToList();
        var known = (await db.MessageStatusUpdates.Where(u => ids.Contains(u.WaMessageId)).Select(u => new { u.WaMessageId, u.Status }).ToListAsync(cancellationToken))
            .Select(u => (u.WaMessageId, u.Status))
            .ToHashSet();
        var freshWithOwner = updates.Where(u => known.Add((u.Update!.WaMessageId, u.Update.Status))).ToList();
        var fresh = freshWithOwner.Select(u => u.Update!).ToList();
        db.MessageStatusUpdates.AddRange(fresh);

        var messages = await db.Messages.Where(m => ids.Contains(m.WaMessageId!)).ToDictionaryAsync(m => m.WaMessageId!, cancellationToken);
        var ownerOf = freshWithOwner.ToDictionary(u => u.Update!, u => u.Owner);
        foreach (var update in fresh.OrderBy(u => u.Status == MessageStatus.Failed ? int.MaxValue : (int)u.Status))
        {
            if (messages.TryGetValue(update.WaMessageId, out var message) && MessageStatusRules.Apply(message, update))
            {
                touched.Add((ownerOf[update], message, false));
            }
        }

        return freshWithOwner.GroupBy(u => u.Owner).ToDictionary(g => g.Key, g => g.Count());
    }

    private static MessageStatusUpdate? ToUpdate(JsonElement status)
    {
        if (String(status, "id") is not { } id || MessageStatusRules.Parse(String(status, "status")) is not { } parsed)
        {
            return null;
        }

        var error = Array(status, "errors").Select(e => (JsonElement?)e).FirstOrDefault();
        return new MessageStatusUpdate
        {
            WaMessageId = id,
            Status = parsed,
            Timestamp = UnixTime(status, "timestamp") ?? DateTimeOffset.UnixEpoch,
            RecipientId = String(status, "recipient_id") ?? String(status, "recipient_user_id"),
            ErrorCode = error is { } e1 ? (int?)Number(e1, "code") : null,
            ErrorTitle = error is { } e2 ? String(e2, "title") ?? String(e2, "message") : null,
            ErrorDetails = error is { } e3 ? (Child(e3, "error_data") is { } data ? String(data, "details") : null) ?? String(e3, "message") : null,
            PricingJson = Child(status, "pricing")?.GetRawText(),
            ConversationJson = Child(status, "conversation")?.GetRawText(),
            BizOpaqueCallbackData = String(status, "biz_opaque_callback_data"),
        };
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset b) => a is null || b > a ? b : a;

    /// <summary>The database as a whole is locked, busy, read-only, full or failing: retrying now only waits again.</summary>
    private static bool IsUnavailable(Exception exception) =>
        exception is TimeoutException or IOException
        || (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 };

    private static bool IsTransient(Exception exception) =>
        exception is DbUpdateException or SqliteException or IOException or TimeoutException
        || exception.InnerException is SqliteException or IOException;

    private sealed record InboundItem(int Owner, Channel Channel, JsonElement Message, Dictionary<string, (string? Name, string? UserId)> Names);

    private sealed record StatusItem(int Owner, Channel Channel, JsonElement Status);

    /// <summary>A delivery whose signature checked out, ready to be written.</summary>
    private sealed record VerifiedDelivery(byte[] Body, string BodySha256, IReadOnlyList<WebhookChange> Changes, Channel VerifiedBy, List<Channel> Trusted);

    /// <summary>A delivery waiting for the writer; it owns the parsed body until <see cref="Finish"/>.</summary>
    private sealed record PendingDelivery(VerifiedDelivery Delivery, JsonDocument Document)
    {
        public TaskCompletionSource<IngestResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Answers the POST (unless it was answered already) and lets go of the parsed body.</summary>
        public void Finish(IngestResult result)
        {
            Result.TrySetResult(result);
            Document.Dispose();
        }
    }

    /// <summary>Disposes of the parsed body on every early return, until the writer takes it over.</summary>
    private sealed class DocumentOwner(JsonDocument document) : IDisposable
    {
        private JsonDocument? _document = document;

        public void Release() => _document = null;

        public void Dispose() => _document?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook body of {Length} bytes is not a WhatsApp webhook envelope")]
    private static partial void LogMalformed(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for no channel of this inbox (numbers or accounts {Ids}); acknowledged and dropped")]
    private static partial void LogNoChannel(ILogger logger, string ids);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: missing or wrong X-Hub-Signature-256 for channel(s) {ChannelIds}")]
    private static partial void LogBadSignature(ILogger logger, string channelIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: signed with an App Secret that is not the one of channel(s) {ChannelIds}, whose numbers it names")]
    private static partial void LogForeignSignature(ILogger logger, string channelIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook not stored within {Seconds} s (the database is locked or slow); answered 503, Meta will retry")]
    private static partial void LogStoreTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook change for phone number {PhoneNumberId}, which no channel serves; skipped")]
    private static partial void LogUnknownNumber(ILogger logger, string phoneNumberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook not stored (transient failure); Meta will retry")]
    private static partial void LogTransient(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook writer failed on a group of deliveries; they were answered 5xx")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery raced a duplicate (attempt {Attempt}); storing again")]
    private static partial void LogRetryAfterConflict(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook for channel {ChannelId}: {New} new messages, {Duplicates} already stored, {NewStatuses}/{Statuses} new statuses")]
    private static partial void LogStored(ILogger logger, string channelId, int @new, int duplicates, int newStatuses, int statuses);
}
