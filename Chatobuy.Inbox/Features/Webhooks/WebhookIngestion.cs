using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Data.Common;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Data.Sql;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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

    private readonly System.Threading.Channels.Channel<(List<PendingDelivery> Group, List<IngestResult> Results)> _synced =
        System.Threading.Channels.Channel.CreateUnbounded<(List<PendingDelivery>, List<IngestResult>)>(new() { SingleReader = true, SingleWriter = true });

    private SqlSession? _session;
    private WriterTables? _tables;
    private WalFlush? _wal;

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
        using (document)
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

            // Read into rows here, on the request's thread, so that the single writer only writes.
            var verifiedBy = trusted.FirstOrDefault(c => c.Id == urlChannelId) ?? trusted[0];
            pending = new PendingDelivery(Map(body, changes, verifiedBy, trusted, time.GetUtcNow()));
            if (!_queue.Writer.TryWrite(pending))
            {
                return new IngestResult(IngestOutcome.TransientFailure);
            }
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
        // A new list for each group: the last one may still be waiting for the disk (see SyncLoopAsync).
        List<PendingDelivery> group = [];
        var syncing = Task.Run(SyncLoopAsync, CancellationToken.None);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
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
                    updates += next.Delivery.Messages.Count + next.Delivery.Statuses.Count + next.Delivery.Events.Count;
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

                // Answered, or handed to the flush: not the stopping writer's to answer 503 below.
                group = [];
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

            // What was committed is made durable and answered before the writer stops.
            _synced.Writer.TryComplete();
            await syncing;
        }
    }

    /// <summary>
    /// The second half of a group commit, off the writer's path: the groups committed since the last pass are made
    /// durable with one flush of the write-ahead log to disk, and only then told and answered. Meanwhile the writer
    /// writes the next group, so the disk's flush time (milliseconds here, far more than the writes) no longer sets
    /// the pace. A flush that fails answers its groups 503: Meta delivers them again, and what did reach the disk is
    /// recognised as already stored.
    /// </summary>
    private async Task SyncLoopAsync()
    {
        var batch = new List<(List<PendingDelivery> Group, List<IngestResult> Results)>();
        while (await _synced.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (_synced.Reader.TryRead(out var committed))
            {
                batch.Add(committed);
            }

            var durable = true;
            try
            {
                _wal?.Flush();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogFlushFailed(logger, exception);
                durable = false;
            }

            foreach (var (group, results) in batch)
            {
                Complete(group, durable ? results : results.Select(_ => new IngestResult(IngestOutcome.TransientFailure)).ToList());
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingDelivery> group, CancellationToken cancellationToken)
    {
        var (results, unavailable) = await TryStoreAsync(group.Select(p => p.Delivery).ToList(), cancellationToken);
        var answers = new List<IngestResult>(group.Count);
        if (results is null && group.Count > 1 && !unavailable)
        {
            // One bad delivery must not hold back the others: write them one by one. Not when the database itself
            // is locked or failing: each would wait again, and all of them are answered 503 at once instead.
            foreach (var pending in group)
            {
                var (single, _) = await TryStoreAsync([pending.Delivery], cancellationToken);
                answers.Add(single?[0] ?? new IngestResult(IngestOutcome.TransientFailure));
            }
        }
        else
        {
            answers.AddRange(group.Select((_, i) => results?[i] ?? new IngestResult(IngestOutcome.TransientFailure)));
        }

        // Whatever was committed is answered once the log is on disk (SyncLoopAsync); without a log to flush, now.
        if (_wal is not null && answers.Any(a => a.Outcome == IngestOutcome.Stored) && _synced.Writer.TryWrite((group, answers)))
        {
            return;
        }

        Complete(group, answers);
    }

    /// <summary>Tells what the committed deliveries stored (once for all of them), then answers their POSTs.</summary>
    private void Complete(List<PendingDelivery> group, List<IngestResult> results)
    {
        var stored = results.Where(r => r.Outcome == IngestOutcome.Stored).ToList();
        foreach (var channelId in stored.Select(r => r.ChannelId!).Distinct())
        {
            PublishThrottled(channelId);
        }

        Publish(stored);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Finish(results[i]);
        }
    }

    /// <summary>
    /// Tells live views, the hub, the media downloader and the template updates what a committed group stored: one
    /// <see cref="ConversationChanged"/> per conversation it touched, with the messages it created and moved forward
    /// in the order they were written, however many deliveries, messages and statuses the group carried.
    /// </summary>
    private void Publish(List<IngestResult> stored)
    {
        var byConversation = new Dictionary<(string ChannelId, long ConversationId), (List<long> Created, List<long> Updated)>();
        var order = new List<(string ChannelId, long ConversationId)>();
        foreach (var change in stored.SelectMany(r => r.Changes))
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

        foreach (var channelEvent in stored.SelectMany(r => r.Events))
        {
            events.Publish(channelEvent);
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
    /// Reads a verified delivery into the rows the writer stores: its raw-log row, the customers' messages, Meta's
    /// statuses and the other events, each against the channel that serves its number.
    /// </summary>
    private MappedDelivery Map(byte[] body, IReadOnlyList<WebhookChange> changes, Channel verifiedBy, List<Channel> trusted, DateTimeOffset now)
    {
        var row = new WebhookDelivery { ReceivedAt = now, ChannelId = verifiedBy.Id, Body = body, BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)) };
        var mapped = new MappedDelivery(row, verifiedBy, [], [], []);
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
                    row.MessageCount++;
                    if (InboundMessageMapper.Read(element, channel.Id, senders, now) is { } message)
                    {
                        mapped.Messages.Add(message);
                    }
                }

                foreach (var element in Array(change.Value, "statuses"))
                {
                    row.StatusCount++;
                    if (InboundMessageMapper.ReadStatus(element) is { } update)
                    {
                        mapped.Statuses.Add(update);
                    }
                }

                if (Child(change.Value, "errors") is { } errors)
                {
                    mapped.Events.Add((NewEvent(change, channel.Id, "errors", errors.GetRawText(), now), Published: false));
                }
            }
            else
            {
                var owningChannel = channel ?? trusted.FirstOrDefault(c => c.WabaId == change.WabaId);
                mapped.Events.Add((NewEvent(change, owningChannel?.Id, change.Field, change.Value.GetRawText(), now), Published: true));
                row.OtherCount++;
            }
        }

        return mapped;
    }

    /// <summary>
    /// Stores the group in one transaction; null results when the database could not take it, with whether the
    /// database itself was locked or failing (rather than this group).
    /// </summary>
    private async Task<(IReadOnlyList<IngestResult>? Results, bool Unavailable)> TryStoreAsync(IReadOnlyList<MappedDelivery> group, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await StoreAsync(group, cancellationToken), false);
            }
            catch (DbException exception) when (exception.IsUniqueViolation() && attempt < Attempts)
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

    /// <summary>
    /// Writes the group with the writer's own connection and prepared statements, in one transaction: the raw log
    /// (each body once), the messages, statuses and events, and the channels' "last signed event".
    /// </summary>
    private async Task<IReadOnlyList<IngestResult>> StoreAsync(IReadOnlyList<MappedDelivery> group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (sql, tables) = await SessionAsync(cancellationToken);
        try
        {
            await sql.BeginAsync(cancellationToken);

            // The same bytes delivered again (Meta retrying a delivery already committed, a replay) are kept once in
            // the raw log: the events read from them point at the copy already there. Their messages and statuses are
            // recognised by wamid, as always; template and account events are applied again (harmless, and the same
            // bytes may well say the same thing twice: approved, edited, approved again).
            var hash = tables.Deliveries[nameof(WebhookDelivery.BodySha256)].Name;
            var logged = (await sql.Statement($"SELECT {tables.Deliveries.Key.Name}, {hash} FROM {tables.Deliveries.Name} WHERE {hash} IN {SqlSession.InList("@ids")}")
                    .Set("@ids", SqlSession.Ids(group.Select(d => d.Row.BodySha256).Distinct()))
                    .ReadAsync(r => (Id: r.GetInt64(0), Hash: r.GetString(1)), cancellationToken))
                .ToDictionary(d => d.Hash, d => d.Id, StringComparer.Ordinal);
            var messageOwner = new Dictionary<Message, int>(ReferenceEqualityComparer.Instance);
            var statusOwner = new Dictionary<MessageStatusUpdate, int>(ReferenceEqualityComparer.Instance);
            for (var owner = 0; owner < group.Count; owner++)
            {
                var delivery = group[owner];
                if (!logged.TryGetValue(delivery.Row.BodySha256!, out var deliveryId))
                {
                    deliveryId = await tables.Deliveries.InsertAsync(sql, delivery.Row, cancellationToken);
                    logged[delivery.Row.BodySha256!] = deliveryId;
                }

                foreach (var (stored, _) in delivery.Events)
                {
                    stored.DeliveryId = deliveryId;
                    await tables.Events.InsertAsync(sql, stored, cancellationToken);
                }

                delivery.Messages.ForEach(m => messageOwner[m.Message] = owner);
                delivery.Statuses.ForEach(s => statusOwner[s] = owner);
            }

            var created = await tables.Recorder.RecordMessagesAsync(sql, group.SelectMany(d => d.Messages).ToList(), now, cancellationToken);
            var reported = await tables.Recorder.RecordStatusesAsync(sql, group.SelectMany(d => d.Statuses).ToList(), cancellationToken);

            var first = tables.Channels[nameof(Channel.FirstSignedEventAt)].Name;
            await sql.Statement($"UPDATE {tables.Channels.Name} SET {first} = COALESCE({first}, @now), {tables.Channels[nameof(Channel.LastSignedEventAt)].Name} = @now WHERE {tables.Channels.Key.Name} IN {SqlSession.InList("@ids")}")
                .Set("@now", tables.Channels[nameof(Channel.LastSignedEventAt)].ToProvider(now))
                .Set("@ids", SqlSession.Ids(group.Select(d => d.VerifiedBy.Id).Distinct()))
                .ExecuteAsync(cancellationToken);
            await sql.CommitAsync(cancellationToken);

            var touched = created.Select(m => (Owner: messageOwner[m], Message: m, Created: true))
                .Concat(reported.Where(r => r.Moved is not null).Select(r => (Owner: statusOwner[r.Update], Message: r.Moved!, Created: false)))
                .ToLookup(t => t.Owner);
            var storedMessages = created.CountBy(m => messageOwner[m]).ToDictionary();
            var storedStatuses = reported.CountBy(r => statusOwner[r.Update]).ToDictionary();
            var results = new List<IngestResult>(group.Count);
            for (var owner = 0; owner < group.Count; owner++)
            {
                var delivery = group[owner];
                var stored = storedMessages.GetValueOrDefault(owner);
                var applied = storedStatuses.GetValueOrDefault(owner);
                LogStored(logger, delivery.VerifiedBy.Id, stored, delivery.Row.MessageCount - stored, applied, delivery.Row.StatusCount);
                results.Add(new IngestResult(IngestOutcome.Stored, stored, applied, delivery.Row.OtherCount, delivery.VerifiedBy.Id)
                {
                    Changes = touched[owner].Select(t => new InboxChange(t.Message.ChannelId, t.Message.ConversationId, t.Message.Id, t.Created)).ToList(),
                    Events = delivery.Events.Where(e => e.Published)
                        .Select(e => new StoredChannelEvent(e.Event.ChannelId, e.Event.WabaId, e.Event.Field, e.Event.ValueJson, e.Event.EventTime))
                        .ToList(),
                });
            }

            return results;
        }
        catch
        {
            // Whatever state the connection is in now, the next group starts on a fresh one.
            await DropSessionAsync();
            throw;
        }
    }

    /// <summary>The writer's connection, opened on first use and kept open between groups, with the tables it writes.</summary>
    private async Task<(SqlSession Sql, WriterTables Tables)> SessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { } open)
        {
            return (open, _tables!);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _tables ??= new WriterTables(db.Model);
        var connection = DbProviderFactories.GetFactory(db.Database.GetDbConnection())?.CreateConnection()
            ?? throw new InvalidOperationException("The database provider cannot open a connection of its own.");
        connection.ConnectionString = db.Database.GetConnectionString();
        if (connection is SqliteConnection sqlite)
        {
            // As EF Core opens SQLite: foreign keys enforced. And SQLite's busy wait, for BEGIN and every statement:
            // a locked database fails the group in time for a 503.
            sqlite.ConnectionString = new SqliteConnectionStringBuilder(sqlite.ConnectionString) { ForeignKeys = true }.ToString();
            sqlite.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(StoreTimeout.TotalSeconds));
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _session = new SqlSession(connection);
        if (connection is SqliteConnection)
        {
            // SQLite's own busy wait (a few milliseconds at first) rather than the driver's retry, which sleeps 150 ms
            // each time another writer of this app (a worker's short transaction) holds the lock.
            await _session.Statement($"PRAGMA busy_timeout = {(int)StoreTimeout.TotalMilliseconds}").ExecuteAsync(cancellationToken);
        }

        if (connection is SqliteConnection { DataSource: { Length: > 0 } file }
            && await _session.Statement("PRAGMA journal_mode").Command.ExecuteScalarAsync(cancellationToken) is "wal"
            && File.Exists(file + "-wal"))
        {
            // Commits write the log without waiting for the disk; SyncLoopAsync flushes it before anything is answered.
            await _session.Statement("PRAGMA synchronous = NORMAL").ExecuteAsync(cancellationToken);
            _wal ??= new WalFlush(file + "-wal");
        }

        return (_session, _tables);
    }

    private async Task DropSessionAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DropSessionAsync();
        _wal?.Dispose();
    }

    private static ChannelEvent NewEvent(WebhookChange change, string? channelId, string field, string json, DateTimeOffset now) => new()
    {
        ChannelId = channelId,
        WabaId = change.WabaId,
        Field = field,
        ValueJson = json,
        EventTime = change.EntryTime,
        ReceivedAt = now,
    };

    /// <summary>The database as a whole is locked, busy, read-only, full or failing: retrying now only waits again.</summary>
    private static bool IsUnavailable(Exception exception) =>
        exception is TimeoutException or IOException
        || (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 };

    private static bool IsTransient(Exception exception) =>
        exception is DbUpdateException or DbException or IOException or TimeoutException
        || exception.InnerException is SqliteException or IOException;

    /// <summary>A delivery whose signature checked out, read into rows: what the writer stores for it.</summary>
    private sealed record MappedDelivery(
        WebhookDelivery Row,
        Channel VerifiedBy,
        List<InboundMessage> Messages,
        List<MessageStatusUpdate> Statuses,
        List<(ChannelEvent Event, bool Published)> Events);

    /// <summary>A delivery waiting for the writer.</summary>
    private sealed record PendingDelivery(MappedDelivery Delivery)
    {
        public TaskCompletionSource<IngestResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Answers the POST, unless it was answered already.</summary>
        public void Finish(IngestResult result) => Result.TrySetResult(result);
    }

    /// <summary>The tables the writer writes, as the model maps them, read once.</summary>
    private sealed class WriterTables(IModel model)
    {
        public InboundRecorder Recorder { get; } = new(model);

        public ModelTable<WebhookDelivery> Deliveries { get; } = new(model);

        public ModelTable<ChannelEvent> Events { get; } = new(model);

        public ModelTable<Channel> Channels { get; } = new(model);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Flushing the database's write-ahead log to disk failed; the deliveries written since the last flush were answered 503")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

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
