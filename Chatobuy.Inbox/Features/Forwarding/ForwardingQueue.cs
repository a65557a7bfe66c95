using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Chatobuy.Inbox.Features.Webhooks.WebhookPayload;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// Turns what the inbox committed into forwarded events, off the webhook's path. Meta's events are read back from the
/// raw webhook log (<see cref="WebhookDelivery"/>) and agents' messages from the messages table, each behind a
/// <see cref="ForwardingCursor"/> advanced in the same transaction as the events it adds: whatever was committed is
/// queued exactly once, even across a crash (the first pass after start-up is the sweep). Commits wake it
/// (<see cref="ConversationChanged"/>, <see cref="MessageCreated"/>, template and account events); our own events
/// (<see cref="ConversationAssigned"/>, <see cref="ConversationResolved"/>, <see cref="OrderChanged"/>) are queued as they
/// are published. Only channels with a forwarding URL get events; the others cost one cursor update per pass.
/// </summary>
public sealed partial class ForwardingQueue(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    WakeSignal<ForwardingQueue> signal,
    WakeSignal<ForwardingSender> sender,
    IOptions<ForwardingOptions> options,
    TimeProvider time,
    ILogger<ForwardingQueue> logger) : BackgroundService
{
    public const string DeliveriesCursor = "webhook-deliveries";
    public const string MessagesCursor = "outbound-messages";
    private const int BatchSize = 100;

    /// <summary>One pass at a time: the loop's and the one before an own event's.</summary>
    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        using var commits = events.Subscribe<object>(
            _ =>
            {
                signal.Notify();
                return Task.CompletedTask;
            },
            ownInstanceOnly: true,
            filter: e => e is MessageCreated or ConversationChanged or StoredChannelEvent);
        // One subscription for our own events, so that they are queued in the order they were published.
        using var own = events.Subscribe<object>(
            e => AddOwnAsync(e, stoppingToken),
            ownInstanceOnly: true,
            filter: e => e is ConversationAssigned or ConversationResolved or OrderChanged);

        while (!stoppingToken.IsCancellationRequested)
        {
            var added = -1;
            try
            {
                added = await RunOnceAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: a pass cut short (its services going away) is picked up by the sweep at the next start.
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception);
            }

            if (added != BatchSize)
            {
                await signal.WaitAsync(interval, time, stoppingToken);

                // Commits come in bursts: gather a few before the next pass, so the queue's short write transactions
                // (its cursors) do not take the database's write lock once per webhook group. Not a clock of the
                // domain: real time, whatever clock the app runs on.
                if (options.Value.PassGatherMilliseconds > 0)
                {
                    try
                    {
                        await Task.Delay(options.Value.PassGatherMilliseconds, stoppingToken);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Reads what was committed since the last pass into the queue; returns how many source rows it read at most in one table.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            // Agents' messages first: a message's "sent" goes before the statuses Meta reports for it.
            var messages = await ReadMessagesAsync(cancellationToken);
            var deliveries = await ReadDeliveriesAsync(cancellationToken);
            return Math.Max(messages, deliveries);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// Queues one of our own events after whatever was committed before it (a reply sent just before a resolve goes
    /// first in the conversation's lane).
    /// </summary>
    private async Task AddOwnAsync(object change, CancellationToken cancellationToken)
    {
        try
        {
            await RunOnceAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The loop's next pass reads them; the event itself is not to be lost for it.
            LogPassFailed(logger, exception);
        }

        await AddOwnEventAsync(change, cancellationToken);
    }

    private Task AddOwnEventAsync(object change, CancellationToken cancellationToken) => change switch
    {
        ConversationAssigned e => AddOwnAsync(e.ChannelId, ForwardingEventTypes.ConversationAssigned, e.ConversationId, w => w.WriteString("assigneeUserId", e.AssigneeUserId), cancellationToken),
        ConversationResolved e => AddOwnAsync(e.ChannelId, ForwardingEventTypes.ConversationResolved, e.ConversationId, null, cancellationToken),
        OrderChanged e => AddOwnAsync(e.ChannelId, ForwardingEventTypes.OrderUpdated, e.ConversationId, w =>
        {
            w.WriteNumber("orderId", e.OrderId);
            w.WriteString("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Status.ToString()));
        }, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>Queues one of our own events (assignment, resolution, order, test) for the channel, when it forwards.</summary>
    public async Task<ForwardedEvent?> AddOwnAsync(string channelId, string type, long? conversationId, Action<Utf8JsonWriter>? data, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId && c.ForwardingWebhookUrl != null && c.ForwardingWebhookUrl != "", cancellationToken))
        {
            return null;
        }

        long? contactId = conversationId is { } id
            ? await db.Conversations.Where(c => c.Id == id).Select(c => (long?)c.ContactId).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = time.GetUtcNow();
        var eventId = Guid.NewGuid().ToString();
        var row = NewRow(eventId, channelId, type, conversationId, contactId, null, null, now, now,
            ForwardingEnvelope.Write(eventId, type, now, channelId, conversationId, contactId, null, data: data));
        db.Set<ForwardedEvent>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        sender.Notify();
        return row;
    }

    private async Task<int> ReadMessagesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cursor = await CursorAsync(db, MessagesCursor, db.Messages.Select(m => (long?)m.Id), cancellationToken);
        var forwarding = await ForwardingChannelsAsync(db, cancellationToken);
        var rows = await (
                from m in db.Messages.AsNoTracking()
                where m.Id > cursor.Position
                orderby m.Id
                select new { m.Id, m.ChannelId, m.ConversationId, m.Direction, m.Type, m.Text, m.PayloadJson, m.Timestamp, m.Status, m.IsPrivate })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // A private note is not sent to anyone: it is never a message.sent.
        var sent = rows.Where(m => m.Direction == MessageDirection.Outbound && !m.IsPrivate && forwarding.Any(c => c.Id == m.ChannelId)).ToList();
        var conversationIds = sent.Select(m => m.ConversationId).Distinct().ToList();
        var contacts = await db.Conversations.Where(c => conversationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ContactId, cancellationToken);
        var now = time.GetUtcNow();
        var candidates = sent.Select(m =>
        {
            var key = $"sent:{m.Id}";
            var eventId = ForwardingEnvelope.EventIdFor(m.ChannelId, key);
            var contactId = contacts.TryGetValue(m.ConversationId, out var contact) ? contact : (long?)null;
            var json = ForwardingEnvelope.Write(eventId, ForwardingEventTypes.MessageSent, m.Timestamp, m.ChannelId, m.ConversationId, contactId, m.Id, data: w =>
            {
                w.WriteString("type", m.Type);
                w.WriteString("text", m.Text);
                w.WriteString("status", m.Status.ToString().ToLowerInvariant());
                if (m.PayloadJson is { Length: > 0 } payload)
                {
                    w.WritePropertyName("payload");
                    w.WriteRawValue(payload, skipInputValidation: true);
                }
            });
            return NewRow(eventId, m.ChannelId, ForwardingEventTypes.MessageSent, m.ConversationId, contactId, m.Id, key, m.Timestamp, now, json);
        }).ToList();

        cursor.Position = rows[^1].Id;
        await AddNewAsync(db, candidates, cancellationToken);
        return rows.Count;
    }

    private async Task<int> ReadDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cursor = await CursorAsync(db, DeliveriesCursor, db.WebhookDeliveries.Select(d => (long?)d.Id), cancellationToken);
        var forwarding = await ForwardingChannelsAsync(db, cancellationToken);
        if (forwarding.Count == 0)
        {
            // Nobody forwards: nothing to read, only to move past.
            var last = await db.WebhookDeliveries.Where(d => d.Id > cursor.Position).MaxAsync(d => (long?)d.Id, cancellationToken);
            if (last is { } position)
            {
                cursor.Position = position;
                await db.SaveChangesAsync(cancellationToken);
            }

            return 0;
        }

        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id > cursor.Position)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Body })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var facts = new List<MetaFact>();
        foreach (var row in rows)
        {
            try
            {
                using var document = JsonDocument.Parse(row.Body);
                facts.AddRange(Facts(row.Id, Changes(document), forwarding));
            }
            catch (JsonException)
            {
                // The writer stored only bodies it could read; nothing to forward from one it could not.
                LogUnreadable(logger, row.Id);
            }
        }

        var wamids = facts.Select(f => f.WaMessageId).OfType<string>().Distinct().ToList();
        var stored = wamids.Count == 0
            ? []
            : await (
                    from m in db.Messages.AsNoTracking()
                    where wamids.Contains(m.WaMessageId!)
                    join c in db.Conversations on m.ConversationId equals c.Id
                    select new StoredMessage(m.WaMessageId!, m.Id, m.ChannelId, m.ConversationId, c.ContactId))
                .ToDictionaryAsync(m => m.WaMessageId, cancellationToken);
        var now = time.GetUtcNow();
        var candidates = new List<ForwardedEvent>();
        foreach (var fact in facts)
        {
            var message = fact.WaMessageId is { } wamid && stored.TryGetValue(wamid, out var found) && found.ChannelId == fact.ChannelId ? found : null;
            if (fact.Type is ForwardingEventTypes.MessageReceived or ForwardingEventTypes.MessageReaction && message is null)
            {
                // Not stored (a number no channel serves, a message the writer refused): nothing happened here.
                continue;
            }

            var eventId = ForwardingEnvelope.EventIdFor(fact.ChannelId, fact.SourceKey);
            var json = ForwardingEnvelope.Write(eventId, fact.Type, fact.OccurredAt ?? now, fact.ChannelId, message?.ConversationId, message?.ContactId, message?.Id, fact.Field, fact.RawValue);
            candidates.Add(NewRow(eventId, fact.ChannelId, fact.Type, message?.ConversationId, message?.ContactId, message?.Id, fact.SourceKey, fact.OccurredAt ?? now, now, json));
        }

        cursor.Position = rows[^1].Id;
        await AddNewAsync(db, candidates, cancellationToken);
        return rows.Count;
    }

    /// <summary>What one delivery says, for the channels that forward: each message, status and other change.</summary>
    private static IEnumerable<MetaFact> Facts(long deliveryId, IReadOnlyList<WebhookChange> changes, List<ForwardingChannel> forwarding)
    {
        for (var index = 0; index < changes.Count; index++)
        {
            var change = changes[index];
            if (change.Field == "messages")
            {
                if (forwarding.FirstOrDefault(c => c.PhoneNumberId == change.PhoneNumberId) is not { } channel)
                {
                    continue;
                }

                foreach (var message in Array(change.Value, "messages"))
                {
                    if (String(message, "id") is not { } wamid)
                    {
                        continue;
                    }

                    var type = String(message, "type") == "reaction" ? ForwardingEventTypes.MessageReaction : ForwardingEventTypes.MessageReceived;
                    yield return new MetaFact(channel.Id, type, $"received:{wamid}", wamid, change.Field, message.GetRawText(), UnixTime(message, "timestamp"));
                }

                foreach (var status in Array(change.Value, "statuses"))
                {
                    if (String(status, "id") is not { } wamid)
                    {
                        continue;
                    }

                    yield return new MetaFact(channel.Id, ForwardingEventTypes.MessageStatus, $"status:{wamid}:{String(status, "status")}", wamid, change.Field, status.GetRawText(), UnixTime(status, "timestamp"));
                }
            }
            else
            {
                var serving = change.PhoneNumberId is { } phone && forwarding.Any(c => c.PhoneNumberId == phone)
                    ? forwarding.Where(c => c.PhoneNumberId == phone)
                    : forwarding.Where(c => c.WabaId == change.WabaId);
                foreach (var channel in serving)
                {
                    yield return new MetaFact(channel.Id, ForwardingEventTypes.ForField(change.Field), $"change:{deliveryId}:{index}", null, change.Field, change.Value.GetRawText(), change.EntryTime);
                }
            }
        }
    }

    /// <summary>Adds the events not queued before (the same fact seen again is skipped) and saves them with the moved cursor.</summary>
    private async Task AddNewAsync(InboxDbContext db, List<ForwardedEvent> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count > 0)
        {
            var keys = candidates.Select(c => c.SourceKey!).Distinct().ToList();
            var queued = (await db.Set<ForwardedEvent>().Where(e => keys.Contains(e.SourceKey!)).Select(e => new { e.ChannelId, e.SourceKey }).ToListAsync(cancellationToken))
                .Select(e => (e.ChannelId, e.SourceKey!))
                .ToHashSet();
            foreach (var candidate in candidates)
            {
                if (queued.Add((candidate.ChannelId, candidate.SourceKey!)))
                {
                    db.Set<ForwardedEvent>().Add(candidate);
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another instance queued the same facts first; the next pass reads on from its cursor.
            LogRaced(logger);
            return;
        }

        if (candidates.Count > 0)
        {
            sender.Notify();
        }
    }

    /// <summary>The cursor, tracked; a new one starts after the newest row (history is not forwarded).</summary>
    private static async Task<ForwardingCursor> CursorAsync(InboxDbContext db, string name, IQueryable<long?> ids, CancellationToken cancellationToken)
    {
        var cursor = await db.Set<ForwardingCursor>().FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (cursor is null)
        {
            cursor = new ForwardingCursor { Name = name, Position = await ids.MaxAsync(cancellationToken) ?? 0 };
            db.Set<ForwardingCursor>().Add(cursor);
            try
            {
                // Saved at once: a cursor started again later would skip what arrived meanwhile.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                // Another instance started it first: read on from there.
                db.ChangeTracker.Clear();
                cursor = await db.Set<ForwardingCursor>().FirstAsync(c => c.Name == name, cancellationToken);
            }
        }

        return cursor;
    }

    private static Task<List<ForwardingChannel>> ForwardingChannelsAsync(InboxDbContext db, CancellationToken cancellationToken) =>
        db.Channels.AsNoTracking()
            .Where(c => c.ForwardingWebhookUrl != null && c.ForwardingWebhookUrl != "")
            .Select(c => new ForwardingChannel(c.Id, c.PhoneNumberId, c.WabaId))
            .ToListAsync(cancellationToken);

    private ForwardedEvent NewRow(
        string eventId,
        string channelId,
        string type,
        long? conversationId,
        long? contactId,
        long? messageId,
        string? sourceKey,
        DateTimeOffset occurredAt,
        DateTimeOffset now,
        string json) => new()
    {
        EventId = eventId,
        ChannelId = channelId,
        Type = type,
        ConversationId = conversationId,
        ContactId = contactId,
        MessageId = messageId,
        Lane = LaneOf(conversationId),
        SourceKey = sourceKey,
        EnvelopeJson = json,
        State = ForwardingState.Pending,
        OccurredAt = occurredAt,
        CreatedAt = now,
        NextAttemptAt = now,
        RetryUntil = now.AddHours(options.Value.RetryHours),
    };

    /// <summary>Events of one conversation go one after the other; the others of the channel share one lane.</summary>
    public static string LaneOf(long? conversationId) => conversationId is { } id ? $"c:{id}" : "channel";

    private sealed record ForwardingChannel(string Id, string PhoneNumberId, string WabaId);

    private sealed record MetaFact(string ChannelId, string Type, string SourceKey, string? WaMessageId, string Field, string RawValue, DateTimeOffset? OccurredAt);

    private sealed record StoredMessage(string WaMessageId, long Id, string ChannelId, long ConversationId, long ContactId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A forwarding queue pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raw webhook delivery {DeliveryId} could not be read for forwarding; skipped")]
    private static partial void LogUnreadable(ILogger logger, long deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance queued the same forwarded events first")]
    private static partial void LogRaced(ILogger logger);
}
