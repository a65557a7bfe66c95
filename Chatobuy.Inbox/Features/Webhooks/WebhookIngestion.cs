using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Chatobuy.Inbox.Features.Webhooks.WebhookPayload;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// Verifies a webhook delivery and routes it to its channels, queues it, and the single writer stores every message,
/// status and event in it in one transaction, exactly once (through <see cref="InboundRecorder"/>: a wamid already
/// stored adds nothing, and statuses only move forward). Nothing is acknowledged before the transaction commits.
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

    /// <summary>
    /// Tells live views, the hub, the media downloader and the template updates what the delivery committed: one
    /// <see cref="ConversationChanged"/> per conversation it touched, with the messages it created and moved forward
    /// in the order they were written, however many messages and statuses the delivery carried.
    /// </summary>
    private void Publish(IngestResult result)
    {
        var byConversation = new Dictionary<(string ChannelId, long ConversationId), (List<long> Created, List<long> Updated)>();
        var order = new List<(string ChannelId, long ConversationId)>();
        foreach (var change in result.Changes)
        {
            var key = (change.ChannelId, change.ConversationId);
            if (!byConversation.TryGetValue(key, out var ids))
            {
                ids = ([], []);
                byConversation[key] = ids;
                order.Add(key);
            }

            (change.Created ? ids.Created : ids.Updated).Add(change.MessageId);
        }

        foreach (var key in order)
        {
            var (created, updated) = byConversation[key];
            events.Publish(new ConversationChanged(key.ChannelId, key.ConversationId, created, updated));
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

        var inbound = new List<InboundMessage>();
        var statuses = new List<MessageStatusUpdate>();
        var messageOwner = new Dictionary<Message, int>();
        var statusOwner = new Dictionary<MessageStatusUpdate, int>();
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

                    var senders = InboundMessageMapper.Senders(change.Value);
                    foreach (var element in Array(change.Value, "messages"))
                    {
                        delivery.MessageCount++;
                        if (InboundMessageMapper.Read(element, channel.Id, senders, now) is { } message)
                        {
                            inbound.Add(message);
                            messageOwner[message.Message] = owner;
                        }
                    }

                    foreach (var element in Array(change.Value, "statuses"))
                    {
                        delivery.StatusCount++;
                        if (InboundMessageMapper.ReadStatus(element) is { } update)
                        {
                            statuses.Add(update);
                            statusOwner[update] = owner;
                        }
                    }

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

        var created = await InboundRecorder.RecordMessagesAsync(db, inbound, now, cancellationToken);
        var reported = await InboundRecorder.RecordStatusesAsync(db, statuses, cancellationToken);
        var touched = created.Select(m => (Owner: messageOwner[m], Message: m, Created: true))
            .Concat(reported.Where(r => r.Moved is not null).Select(r => (Owner: statusOwner[r.Update], Message: r.Moved!, Created: false)))
            .ToList();
        var storedMessages = created.CountBy(m => messageOwner[m]).ToDictionary();
        var storedStatuses = reported.CountBy(r => statusOwner[r.Update]).ToDictionary();

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

    /// <summary>The database as a whole is locked, busy, read-only, full or failing: retrying now only waits again.</summary>
    private static bool IsUnavailable(Exception exception) =>
        exception is TimeoutException or IOException
        || (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 };

    private static bool IsTransient(Exception exception) =>
        exception is DbUpdateException or SqliteException or IOException or TimeoutException
        || exception.InnerException is SqliteException or IOException;

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
