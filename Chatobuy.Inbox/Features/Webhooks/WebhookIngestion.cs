using System.Collections.Concurrent;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Chatobuy.Inbox.Features.Webhooks.WebhookPayload;

namespace Chatobuy.Inbox.Features.Webhooks;

public enum IngestOutcome
{
    /// <summary>Verified and durably stored (or already stored before): answer 200.</summary>
    Stored,

    /// <summary>No channel of this inbox owns the numbers or accounts in the body: answer 200 so Meta stops.</summary>
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
    ChannelSecrets secrets,
    ChannelEvents channelEvents,
    IEnumerable<IIngestionObserver> observers,
    TimeProvider time,
    ILogger<WebhookIngestion> logger) : BackgroundService
{
    private const int Attempts = 3;

    /// <summary>Deliveries written together in one transaction at most (group commit).</summary>
    private const int MaxGroupDeliveries = 64;

    /// <summary>Messages and statuses written together in one transaction at most.</summary>
    private const int MaxGroupUpdates = 2000;

    private readonly ConcurrentDictionary<string, string> _secretCache = new();

    private readonly ConcurrentDictionary<string, long> _lastPublished = new();

    private readonly System.Threading.Channels.Channel<PendingDelivery> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<PendingDelivery>(new() { SingleReader = true });

    public async Task<IngestResult> IngestAsync(byte[] body, string? signature, string? urlChannelId, CancellationToken cancellationToken)
    {
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

        using (document)
        {
            List<Channel> candidates;
            try
            {
                candidates = await CandidatesAsync(changes, urlChannelId, cancellationToken);
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                LogTransient(logger, exception);
                return new IngestResult(IngestOutcome.TransientFailure);
            }

            if (candidates.Count == 0)
            {
                LogNoChannel(logger, string.Join(",", changes.Select(c => c.PhoneNumberId ?? c.WabaId).Distinct().Select(LogMask.Id)));
                return new IngestResult(IngestOutcome.NoKnownChannel);
            }

            var verifiedBy = candidates.FirstOrDefault(c => WebhookSignature.IsValid(body, signature, SecretOf(c)));
            if (verifiedBy is null)
            {
                await RecordRefusalAsync(candidates, urlChannelId, cancellationToken);
                return new IngestResult(IngestOutcome.BadSignature);
            }

            // One Meta app signs with one secret: trust the channels that share it.
            var secret = SecretOf(verifiedBy);
            var trusted = candidates.Where(c => SecretOf(c) == secret).ToList();
            var pending = new PendingDelivery(new VerifiedDelivery(body, changes, verifiedBy, trusted));
            if (!_queue.Writer.TryWrite(pending))
            {
                return new IngestResult(IngestOutcome.TransientFailure);
            }

            // Answer only once the writer has committed this delivery (or given up on it). The writer always
            // completes it, and the parsed document must live until then.
            return await pending.Result.Task;
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
                    group.Add(next);
                    updates += next.Delivery.Changes.Count;
                }

                try
                {
                    await WriteGroupAsync(group, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogWriterFailed(logger, exception);
                    group.ForEach(p => p.Result.TrySetResult(new IngestResult(IngestOutcome.TransientFailure)));
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
            group.ForEach(p => p.Result.TrySetResult(new IngestResult(IngestOutcome.TransientFailure)));
            while (_queue.Reader.TryRead(out var left))
            {
                left.Result.TrySetResult(new IngestResult(IngestOutcome.TransientFailure));
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingDelivery> group, CancellationToken cancellationToken)
    {
        var results = await TryStoreAsync(group.Select(p => p.Delivery).ToList(), cancellationToken);
        if (results is null && group.Count > 1)
        {
            // One bad delivery must not hold back the others: write them one by one.
            foreach (var pending in group)
            {
                var single = await TryStoreAsync([pending.Delivery], cancellationToken);
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
            foreach (var observer in observers)
            {
                observer.Stored(result);
            }
        }

        pending.Result.TrySetResult(result);
    }

    /// <summary>Open checklists need "last signed event" fresh to the second, not once per delivery.</summary>
    private void PublishThrottled(string channelId)
    {
        var now = time.GetTimestamp();
        var last = _lastPublished.GetValueOrDefault(channelId);
        if (last == 0 || time.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1))
        {
            _lastPublished[channelId] = now;
            channelEvents.Publish(channelId);
        }
    }

    /// <summary>Stores the group in one transaction; null when the database could not take it.</summary>
    private async Task<IReadOnlyList<IngestResult>?> TryStoreAsync(IReadOnlyList<VerifiedDelivery> group, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(group, cancellationToken);
            }
            catch (DbUpdateException exception) when (IsUniqueViolation(exception) && attempt < Attempts)
            {
                // Another instance committed the same events first: run again, it now adds only what is new.
                LogRetryAfterConflict(logger, attempt);
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                LogTransient(logger, exception);
                return null;
            }
        }
    }

    private async Task<List<Channel>> CandidatesAsync(IReadOnlyList<WebhookChange> changes, string? urlChannelId, CancellationToken cancellationToken)
    {
        var phoneIds = changes.Select(c => c.PhoneNumberId).OfType<string>().Distinct().ToList();
        var wabaIds = changes.Where(c => c.PhoneNumberId is null).Select(c => c.WabaId).Distinct().ToList();
        var channels = await directory.AllAsync(cancellationToken);
        var unknown = (urlChannelId is not null && channels.All(c => c.Id != urlChannelId))
            || phoneIds.Any(id => channels.All(c => c.PhoneNumberId != id))
            || wabaIds.Any(id => channels.All(c => c.WabaId != id));
        if (unknown)
        {
            // Possibly a channel this cache has not seen yet (connected by another instance, or just now).
            directory.Invalidate(urlChannelId ?? "");
            channels = await directory.AllAsync(cancellationToken);
        }

        return channels
            .Where(c => c.Id == urlChannelId || phoneIds.Contains(c.PhoneNumberId) || wabaIds.Contains(c.WabaId))
            .OrderBy(c => c.Id == urlChannelId ? 0 : 1)
            .ToList();
    }

    private async Task<IReadOnlyList<IngestResult>> StoreAsync(IReadOnlyList<VerifiedDelivery> group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var inbound = new List<InboundItem>();
        var statuses = new List<StatusItem>();
        var deliveries = new List<WebhookDelivery>();
        var events = new List<(int Owner, StoredChannelEvent Event)>();
        for (var owner = 0; owner < group.Count; owner++)
        {
            var (body, changes, verifiedBy, trusted) = group[owner];
            var byPhone = trusted.ToDictionary(c => c.PhoneNumberId);
            var delivery = new WebhookDelivery { ReceivedAt = now, ChannelId = verifiedBy.Id, Body = body };
            db.WebhookDeliveries.Add(delivery);
            deliveries.Add(delivery);
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
                        db.ChannelEvents.Add(NewEvent(change, channel.Id, "errors", errors.GetRawText(), now, delivery));
                    }
                }
                else
                {
                    var owningChannel = channel ?? trusted.FirstOrDefault(c => c.WabaId == change.WabaId);
                    var stored = NewEvent(change, owningChannel?.Id, change.Field, change.Value.GetRawText(), now, delivery);
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

    private async Task RecordRefusalAsync(List<Channel> candidates, string? urlChannelId, CancellationToken cancellationToken)
    {
        var blamed = candidates.Where(c => urlChannelId is null || c.Id == urlChannelId).Select(c => c.Id).ToList();
        LogBadSignature(logger, string.Join(",", blamed));
        try
        {
            var now = time.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Channels.Where(c => blamed.Contains(c.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.RefusedSignatureCount, c => c.RefusedSignatureCount + 1).SetProperty(c => c.LastRefusedSignatureAt, now),
                cancellationToken);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogTransient(logger, exception);
        }

        foreach (var id in blamed)
        {
            channelEvents.Publish(id);
        }
    }

    /// <summary>The channel's App Secret; empty (never matching) when the key ring can no longer read it.</summary>
    private string SecretOf(Channel channel) =>
        _secretCache.GetOrAdd(channel.AppSecretProtected, protectedSecret =>
        {
            try
            {
                return secrets.Unprotect(protectedSecret);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return "";
            }
        });

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset b) => a is null || b > a ? b : a;

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 };

    private static bool IsTransient(Exception exception) =>
        exception is DbUpdateException or SqliteException or IOException or TimeoutException
        || exception.InnerException is SqliteException or IOException;

    private sealed record InboundItem(int Owner, Channel Channel, JsonElement Message, Dictionary<string, (string? Name, string? UserId)> Names);

    private sealed record StatusItem(int Owner, Channel Channel, JsonElement Status);

    /// <summary>A delivery whose signature checked out, ready to be written.</summary>
    private sealed record VerifiedDelivery(byte[] Body, IReadOnlyList<WebhookChange> Changes, Channel VerifiedBy, List<Channel> Trusted);

    private sealed record PendingDelivery(VerifiedDelivery Delivery)
    {
        public TaskCompletionSource<IngestResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook body of {Length} bytes is not a WhatsApp webhook envelope")]
    private static partial void LogMalformed(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for no channel of this inbox (numbers or accounts {Ids}); acknowledged and dropped")]
    private static partial void LogNoChannel(ILogger logger, string ids);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: missing or wrong X-Hub-Signature-256 for channel(s) {ChannelIds}")]
    private static partial void LogBadSignature(ILogger logger, string channelIds);

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

/// <summary>Told after each committed delivery (e.g. to wake the media downloader or push to live panes).</summary>
public interface IIngestionObserver
{
    void Stored(IngestResult result);
}
