using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Drains the outbox: per phone number, queued items oldest first, under a <see cref="SendPacer"/> (Meta's per-number
/// throughput, counted as requests leave) and a per-customer pace (Meta's pair rate), one request in flight per
/// customer so their order holds.
/// Errors Meta answered before sending are retried with backoff; a request that may have left without an answer is
/// marked unconfirmed and never sent again automatically: the status webhook echoing its callback data settles it.
/// </summary>
public sealed partial class OutboundSender(
    IDbContextFactory<InboxDbContext> dbFactory,
    IServiceScopeFactory scopes,
    ChannelSecrets secrets,
    MediaStore mediaStore,
    OutboxClaims claims,
    WakeSignal<OutboundSender> signal,
    InboxEvents events,
    IOptions<OutboundOptions> options,
    TimeProvider time,
    [FromKeyedServices(OutboundSender.PacingClock)] TimeProvider pacingTime,
    ILogger<OutboundSender> logger) : BackgroundService
{
    /// <summary>
    /// The key of the clock the pacers run on: the wall clock (they space real HTTP requests), whatever the rest uses;
    /// tests step it by hand.
    /// </summary>
    public const string PacingClock = "outbound-pacing";

    public const string UnconfirmedTitle = "Unconfirmed: the request left but no answer came; it will be settled by Meta's status webhook";

    /// <summary>How often every stored status is matched against the unconfirmed sends, whatever else happened.</summary>
    private static readonly TimeSpan FullMatchEvery = TimeSpan.FromMinutes(5);

    /// <summary>How soon a pass waiting for its sends to come back looks again for newly queued replies.</summary>
    private static readonly TimeSpan RecheckQueueEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Sends of one number touching the database at once (reading, claiming, recording).</summary>
    private const int DatabaseTurns = 8;

    private readonly ConcurrentDictionary<string, PhoneLane> _lanes = new();

    /// <summary>Statuses up to this id have been matched against the unconfirmed sends.</summary>
    private long _statusesMatched;

    /// <summary>1 when the next pass must match every stored status (start-up, a send just became unconfirmed).</summary>
    private int _matchAllStatuses = 1;

    private DateTimeOffset _nextFullMatchAt;

    /// <summary>An outbound message whose request left without an answer, and of which no status has come yet.</summary>
    public static bool IsUnconfirmed(Message message) =>
        message.Direction == MessageDirection.Outbound && message.Status == MessageStatus.Pending && message.ErrorTitle == UnconfirmedTitle;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        try
        {
            await RecoverInterruptedAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPassFailed(exception);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            try
            {
                dispatched = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            if (dispatched == 0)
            {
                await signal.WaitAsync(interval, TimeProvider.System, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        foreach (var lane in _lanes.Values)
        {
            lane.Dispose();
        }

        base.Dispose();
    }

    /// <summary>
    /// One pass: settles unconfirmed sends the webhook has news of, then sends what is due on every phone number
    /// (in parallel across numbers) and waits for the answers. Returns how many sends it made.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await SettleUnconfirmedAsync(cancellationToken);
        var now = time.GetUtcNow();
        List<string> phones;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Paused by an admin, or disconnected (see ChannelHealth): their queues wait.
            var paused = db.Channels.Where(c => c.SendingPaused || c.Status == ChannelStatus.Disconnected).Select(c => c.PhoneNumberId);
            phones = await db.OutboxItems.AsNoTracking()
                .Where(o => o.State == OutboxState.Queued && (o.NextAttemptAt == null || o.NextAttemptAt <= now) && !paused.Contains(o.PhoneNumberId))
                .Select(o => o.PhoneNumberId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        var counts = await Task.WhenAll(phones.Select(phone => DrainAsync(phone, cancellationToken)));
        return counts.Sum();
    }

    /// <summary>
    /// After a crash: an item left "sending" had its request let go (it is marked so only once the pacer lets it
    /// leave), so it may have reached Meta: it becomes unconfirmed, never resent blindly, and its status webhook settles
    /// it. Items that were still waiting for their turn were never marked and are simply sent.
    /// </summary>
    public async Task RecoverInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.OutboxItems.Where(o => o.State == OutboxState.Sending).ToListAsync(cancellationToken);
        if (interrupted.Count == 0)
        {
            return;
        }

        var ids = interrupted.Select(o => o.MessageId).ToList();
        var messages = await db.Messages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var item in interrupted)
        {
            item.State = OutboxState.Unconfirmed;
            item.LastError = "The app stopped after this message's request left, before Meta answered.";
            if (messages.TryGetValue(item.MessageId, out var message) && message.Status == MessageStatus.Pending)
            {
                MarkUnconfirmed(message, item, item.LastError);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        Interlocked.Exchange(ref _matchAllStatuses, 1);
        LogRecovered(interrupted.Count);
    }

    /// <summary>
    /// Shows a pending message as unconfirmed; its status time is when the request left, so the inbox can tell how long
    /// Meta has been silent (see <see cref="OutboundOptions.UnconfirmedRetryAfterMinutes"/>).
    /// </summary>
    private void MarkUnconfirmed(Message message, OutboxItem item, string details)
    {
        message.ErrorTitle = UnconfirmedTitle;
        message.ErrorDetails = details;
        message.StatusAt = item.SentAt ?? time.GetUtcNow();
    }

    /// <summary>The wait before the next try after the <paramref name="attempts"/>-th retryable error.</summary>
    public static TimeSpan BackoffAfter(int attempts, int errorCode, OutboundOptions options)
    {
        var units = errorCode == 131056 ? Math.Pow(4, attempts) : Math.Pow(2, Math.Max(0, attempts - 1));
        var milliseconds = Math.Min(units * options.BaseDelayMilliseconds, options.MaxDelaySeconds * 1000.0);
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private async Task<int> DrainAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(phoneNumberId, phone => new PhoneLane(options.Value.MessagesPerSecondFor(phone), pacingTime, options.Value));
        if (!await lane.Gate.WaitAsync(0, cancellationToken))
        {
            return 0; // this number's sender is already at work
        }

        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                // The channel's own setting wins over the configured ones; a change applies from the next pass.
                var setting = await db.Channels.AsNoTracking()
                    .Where(c => c.PhoneNumberId == phoneNumberId)
                    .Select(c => new { c.MessagesPerSecond, c.SendingPaused, c.Status })
                    .FirstOrDefaultAsync(cancellationToken);
                if (setting is { SendingPaused: true } or { Status: ChannelStatus.Disconnected })
                {
                    return 0; // an admin paused this channel, or it is disconnected: its queue waits
                }

                var limit = setting?.MessagesPerSecond ?? options.Value.MessagesPerSecondFor(phoneNumberId);
                if (lane.Pacer.MessagesPerSecond != limit)
                {
                    lane.Pacer = new SendPacer(limit, pacingTime);
                }
            }

            var settings = options.Value;

            // Enough sends at once for the round trip: the pacer lets up to the limit be out, and a quarter more wait
            // their turn ready (read, media uploaded), so a slow answer from Meta never leaves a slot unused.
            var perSecond = lane.Pacer.MessagesPerSecond;
            using var slots = new SemaphoreSlim(Math.Max(settings.MaxConcurrentSendsPerNumber, perSecond + (perSecond / 4)));
            var inFlight = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var running = new List<Task>();
            var dispatched = 0;

            // One pass keeps the pacer fed: it takes the next batch while the last sends are still out, instead of
            // waiting for all of them, until nothing is due or it has sent ten batches or 30 seconds' worth at the
            // limit, whichever is more (then others get their turn). Each pass ends by waiting for its last answers,
            // so a pass must be long against Meta's round trip for the rate to hold.
            var perPass = Math.Max(settings.BatchSize * 10, perSecond * 30);
            // Set by any send as it finishes: the pass waits on this one signal rather than on every send out (up to
            // the limit and a quarter: a wait on each of them, after every answer, cost more than the sends at 1,000/s).
            var finished = NewSignal();
            while (dispatched < perPass)
            {
                Volatile.Write(ref finished, NewSignal());
                List<QueuedItem> queued;
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    queued = await db.OutboxItems.AsNoTracking()
                        .Where(o => o.PhoneNumberId == phoneNumberId && o.State == OutboxState.Queued)
                        .OrderBy(o => o.CreatedAt)
                        .ThenBy(o => o.Id)
                        .Select(o => new QueuedItem(o.Id, o.Recipient, o.NextAttemptAt))
                        .Take(settings.BatchSize)
                        .ToListAsync(cancellationToken);
                }

                var now = time.GetUtcNow();
                var taken = new HashSet<string>(StringComparer.Ordinal);
                var added = 0;
                foreach (var item in queued)
                {
                    // One at a time per customer, and never past an older one still waiting or still out: their
                    // order holds.
                    if (!taken.Add(item.Recipient)
                        || inFlight.ContainsKey(item.Recipient)
                        || item.NextAttemptAt > now
                        || !lane.PairPace.TryTake(item.Recipient, now))
                    {
                        continue;
                    }

                    await slots.WaitAsync(cancellationToken);
                    inFlight[item.Recipient] = true;
                    running.Add(SendReleasingAsync(lane, item.Id, slots, () =>
                    {
                        inFlight.TryRemove(item.Recipient, out _);
                        Volatile.Read(ref finished).TrySetResult();
                    }, cancellationToken));
                    added++;
                }

                dispatched += added;
                running.RemoveAll(t => t.IsCompleted);
                if (added == 0)
                {
                    if (running.Count == 0)
                    {
                        break;
                    }

                    // What is left belongs to customers with a send still out: wait for one to come back, or look
                    // again shortly for replies queued meanwhile (this pass holds the number's gate, so no other will).
                    await Task.WhenAny(Volatile.Read(ref finished).Task, Task.Delay(RecheckQueueEvery, time, cancellationToken));
                }
            }

            await Task.WhenAll(running);
            return dispatched;
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    private async Task SendReleasingAsync(PhoneLane lane, long outboxId, SemaphoreSlim slots, Action done, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await SendOneAsync(lane, outboxId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendCrashed(exception, outboxId);
        }
        finally
        {
            done();
            slots.Release();
        }
    }

    private async Task SendOneAsync(PhoneLane lane, long outboxId, CancellationToken cancellationToken)
    {
        OutboxItem? item;
        Channel? channel;
        using (await lane.DatabaseTurnAsync(cancellationToken))
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            item = await db.OutboxItems.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outboxId && o.State == OutboxState.Queued, cancellationToken);
            if (item is null)
            {
                return; // sent, or taken by another sender, since the batch was read
            }

            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == item.ChannelId, cancellationToken);
        }

        var started = false;
        try
        {
            var outcome = await CallGraphAsync(lane, item, channel, async () => started = await claims.ClaimAsync(outboxId), cancellationToken);
            if (!outcome.IsNotClaimed)
            {
                using (await lane.DatabaseTurnAsync(CancellationToken.None))
                {
                    await RecordAsync(item, outcome, CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: a request not yet made stays in the queue; one in flight may have reached Meta.
            var outcome = started
                ? new SendOutcome(null, null, GraphErrorExplainer.Explain(GraphErrorExplainer.Unconfirmed, null, null, "The app stopped during the request.", null, null, GraphOperation.SendMessage))
                : SendOutcome.Requeue;
            await RecordAsync(item, outcome, CancellationToken.None);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Something unexpected: a request that may have left is unconfirmed; one that did not waits for a retry.
            var outcome = new SendOutcome(null, null, GraphErrorExplainer.Explain(
                started ? GraphErrorExplainer.Unconfirmed : GraphErrorExplainer.Unreachable, null, null, exception.Message, null, null, GraphOperation.SendMessage));
            await RecordAsync(item, outcome, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Marks the item "sending", with the moment, once the pacer has let its request go: the only durable trace of a
    /// request that may have reached Meta. Until then the item stays queued, so a crash while it waits for its turn
    /// leaves it to be sent after the restart. False when another sender took it first.
    /// </summary>
    private async Task<SendOutcome> CallGraphAsync(PhoneLane lane, OutboxItem item, Channel? channel, Func<Task<bool>> claim, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            return SendOutcome.Refused("The channel this message was queued on was deleted.");
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            return SendOutcome.Refused("The channel's access token cannot be read (the key ring changed). Reconnect the channel.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var payload = MessageRequest.FromJson(item.PayloadJson);
        var mediaId = item.UploadedMediaId;
        if (item.UploadPath is not null && mediaId is null)
        {
            var path = mediaStore.FullPath(item.UploadPath);
            if (path is null || !File.Exists(path))
            {
                return SendOutcome.Refused("The file to send is no longer in the media folder.");
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var uploaded = await graph.UploadMediaAsync(connection, item.PhoneNumberId, bytes, item.UploadFileName ?? "file", item.UploadMimeType ?? "application/octet-stream", cancellationToken);
            if (!uploaded.Succeeded)
            {
                // An upload that may have left is harmless to repeat: it only makes a second media id.
                var error = uploaded.Error!;
                return new SendOutcome(null, null, error.IsUnconfirmed ? GraphErrorExplainer.Explain(GraphErrorExplainer.Unreachable, null, null, error.MetaMessage, null, null, GraphOperation.UploadMedia) : error);
            }

            mediaId = uploaded.Value;
        }

        if (mediaId is not null)
        {
            payload = payload.WithMediaId(mediaId);
        }

        payload = payload.Addressed(item.Recipient, item.CallbackData);

        // Let go by the pacer, then claimed, then counted as leaving at the last moment before the request: the claim's
        // write is not part of what Meta sees, so it must not shift the departures the pacer counts.
        using var turn = await lane.Pacer.AcquireAsync(cancellationToken);
        if (!await claim())
        {
            return SendOutcome.NotClaimed;
        }

        turn.Depart();
        var sent = await graph.SendMessageAsync(connection, item.PhoneNumberId, payload, cancellationToken);
        if (!sent.Succeeded)
        {
            return new SendOutcome(null, mediaId, sent.Error);
        }

        var wamid = sent.Value!.Messages?.FirstOrDefault()?.Id;
        return string.IsNullOrWhiteSpace(wamid)
            ? new SendOutcome(null, mediaId, GraphErrorExplainer.Explain(GraphErrorExplainer.Unconfirmed, null, null, "Meta answered without a message id.", null, null, GraphOperation.SendMessage))
            : new SendOutcome(wamid, mediaId, null);
    }

    /// <summary>Stores what came of one send in one transaction, then tells live views.</summary>
    private async Task RecordAsync(OutboxItem snapshot, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await db.OutboxItems.FirstAsync(o => o.Id == snapshot.Id, cancellationToken);
        var message = await db.Messages.FirstAsync(m => m.Id == item.MessageId, cancellationToken);
        item.UploadedMediaId = outcome.MediaId ?? item.UploadedMediaId;
        if (outcome.MediaId is not null && message.MediaId is null)
        {
            message.MediaId = outcome.MediaId;
        }

        var error = outcome.Error;
        if (outcome.IsRequeue)
        {
            item.State = OutboxState.Queued;
        }
        else if (error is { Code: GraphClient.TokenRefusedCode })
        {
            // Meta refused the channel's token: nothing was sent and the channel is now disconnected (ChannelHealth
            // heard the 190). The message waits in the queue, unfailed, and goes once the channel is reconnected.
            item.State = OutboxState.Queued;
            item.LastError = Trim(error.ForUser, 2000);
            LogWaitsForReconnect(message.Id, item.Id);
        }
        else if (outcome.WaMessageId is { } wamid)
        {
            item.State = OutboxState.Sent;
            item.SentAt = now;
            item.NextAttemptAt = null;
            item.LastError = null;
            await AttachAsync(db, message, wamid, item.CallbackData, now, cancellationToken);
            LogSent(message.Id, item.Id, LogMask.Id(item.Recipient));
        }
        else if (error!.IsUnconfirmed)
        {
            item.State = OutboxState.Unconfirmed;
            item.LastError = Trim(error.MetaMessage ?? error.Explanation, 2000);
            MarkUnconfirmed(message, item, $"{error.Explanation} {error.NextStep}");
            Interlocked.Exchange(ref _matchAllStatuses, 1);
            LogUnconfirmed(message.Id, item.Id);
        }
        else if (error.IsRetryable && item.Attempts + 1 < settings.MaxAttempts)
        {
            item.Attempts++;
            item.State = OutboxState.Queued;
            item.NextAttemptAt = now + BackoffAfter(item.Attempts, error.Code, settings);
            item.LastError = Trim(error.ForUser, 2000);
            LogRetryScheduled(message.Id, item.Id, error.Code, item.Attempts, item.NextAttemptAt.Value);
        }
        else
        {
            item.Attempts += error.IsRetryable ? 1 : 0;
            item.State = OutboxState.Failed;
            item.NextAttemptAt = null;
            item.LastError = Trim(error.ForUser, 2000);
            message.Fail(now, error.Code, Trim(error.Explanation, 512), error.Code < 0 ? $"{error.Explanation} {error.NextStep}" : error.ForUser);
            LogFailed(message.Id, item.Id, error.Code, item.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!outcome.IsRequeue)
        {
            events.Publish(new MessageUpdated(message.ChannelId, message.ConversationId, message.Id));
        }
    }

    /// <summary>
    /// Stores the wamid and the statuses Meta already reported for it (a webhook may beat the send's answer): the
    /// message ends at the latest known status, "sent" at least.
    /// </summary>
    private static async Task AttachAsync(InboxDbContext db, Message message, string wamid, string callbackData, DateTimeOffset now, CancellationToken cancellationToken)
    {
        message.WaMessageId = wamid;
        if (message.ErrorTitle == UnconfirmedTitle)
        {
            message.ErrorTitle = null;
            message.ErrorDetails = null;
        }

        message.ApplyStatus(new MessageStatusUpdate { WaMessageId = wamid, Status = MessageStatus.Sent, Timestamp = now, BizOpaqueCallbackData = callbackData });
        var known = await db.MessageStatusUpdates.AsNoTracking().Where(u => u.WaMessageId == wamid).ToListAsync(cancellationToken);
        foreach (var update in MessageStatusRules.InApplyOrder(known))
        {
            message.ApplyStatus(update);
        }
    }

    /// <summary>
    /// Unconfirmed sends whose callback data a status webhook has echoed: the wamid and status are now known. Every
    /// unconfirmed send is considered: each pass matches the statuses stored since the last pass, and every stored
    /// status is matched at start-up, when a send has just become unconfirmed (its status may have come first) and
    /// every few minutes.
    /// </summary>
    private async Task SettleUnconfirmedAsync(CancellationToken cancellationToken)
    {
        List<(string ChannelId, long ConversationId, long MessageId)> settled = [];
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.OutboxItems.AnyAsync(o => o.State == OutboxState.Unconfirmed, cancellationToken))
            {
                return;
            }

            var now = time.GetUtcNow();
            var matchAll = Interlocked.Exchange(ref _matchAllStatuses, 0) == 1 || now >= _nextFullMatchAt;
            var latest = await db.MessageStatusUpdates.MaxAsync(u => (long?)u.Id, cancellationToken) ?? 0;
            if (!matchAll && latest <= _statusesMatched)
            {
                return;
            }

            var statuses = db.MessageStatusUpdates.AsNoTracking().Where(u => u.Id <= latest && u.BizOpaqueCallbackData != null);
            if (matchAll)
            {
                var callbacks = await db.OutboxItems.Where(o => o.State == OutboxState.Unconfirmed).Select(o => o.Id).ToListAsync(cancellationToken);
                var callbackData = callbacks.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
                statuses = statuses.Where(u => callbackData.Contains(u.BizOpaqueCallbackData!));
                _nextFullMatchAt = now + FullMatchEvery;
            }
            else
            {
                var after = _statusesMatched;
                statuses = statuses.Where(u => u.Id > after);
            }

            var echoed = await statuses.OrderBy(u => u.Id).Select(u => new { u.BizOpaqueCallbackData, u.WaMessageId }).ToListAsync(cancellationToken);
            var wamidByItem = new Dictionary<long, string>();
            foreach (var status in echoed)
            {
                if (long.TryParse(status.BizOpaqueCallbackData, NumberStyles.None, CultureInfo.InvariantCulture, out var itemId))
                {
                    wamidByItem.TryAdd(itemId, status.WaMessageId);
                }
            }

            var itemIds = wamidByItem.Keys.ToList();
            var waiting = itemIds.Count == 0
                ? []
                : await db.OutboxItems.Where(o => o.State == OutboxState.Unconfirmed && itemIds.Contains(o.Id)).ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var item in waiting)
            {
                var wamid = wamidByItem[item.Id];
                var message = await db.Messages.FirstAsync(m => m.Id == item.MessageId, cancellationToken);
                if (message.WaMessageId is not null || await db.Messages.AnyAsync(m => m.WaMessageId == wamid, cancellationToken))
                {
                    // Settled some other way already: it need not be looked at again.
                    item.State = message.WaMessageId == wamid ? OutboxState.Sent : OutboxState.Failed;
                    item.LastError = item.State == OutboxState.Sent ? null : "Meta's status names a message id another message already has.";
                    continue;
                }

                await AttachAsync(db, message, wamid, item.CallbackData, now, cancellationToken);
                item.State = message.Status == MessageStatus.Failed ? OutboxState.Failed : OutboxState.Sent;
                item.LastError = null;
                settled.Add((message.ChannelId, message.ConversationId, message.Id));
                LogSettled(message.Id, item.Id, message.Status);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _statusesMatched = latest;
        }

        foreach (var (channelId, conversationId, messageId) in settled)
        {
            events.Publish(new MessageUpdated(channelId, conversationId, messageId));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>A phone number for logs: the last four digits only.</summary>
    private sealed record QueuedItem(long Id, string Recipient, DateTimeOffset? NextAttemptAt);

    private sealed record SendOutcome(string? WaMessageId, string? MediaId, GraphError? Error, bool IsRequeue = false)
    {
        public static SendOutcome Requeue { get; } = new(null, null, null, true);

        /// <summary>Another sender took the item while this one waited for its turn: nothing to record.</summary>
        public static SendOutcome NotClaimed { get; } = new(null, null, null);

        public bool IsNotClaimed => ReferenceEquals(this, NotClaimed);

        public static SendOutcome Refused(string reason) =>
            new(null, null, GraphErrorExplainer.Explain(GraphErrorExplainer.UnexpectedAnswer, null, null, reason, null, null, GraphOperation.SendMessage) with
            {
                Explanation = reason,
                NextStep = "",
            });
    }

    /// <summary>
    /// One phone number's sender: a <see cref="SendPacer"/> that keeps sends evenly spaced and within the number's
    /// throughput as Meta counts it, and a <see cref="Outbound.PairPace"/> for Meta's pair rate (a burst per customer,
    /// then one per interval).
    /// </summary>
    private sealed class PhoneLane(int messagesPerSecond, TimeProvider time, OutboundOptions options) : IDisposable
    {
        /// <summary>
        /// Sends reading, claiming or recording at once on this number. Many sends may wait on Meta's answer together,
        /// but SQLite writes one at a time and its calls block a thread while they wait: a few at a time keep the
        /// database busy without crowding out everything else.
        /// </summary>
        private readonly SemaphoreSlim _database = new(DatabaseTurns, DatabaseTurns);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public async ValueTask<IDisposable> DatabaseTurnAsync(CancellationToken cancellationToken)
        {
            await _database.WaitAsync(cancellationToken);
            return new DatabaseTurn(_database);
        }

        /// <summary>Replaced only by the pass holding <see cref="Gate"/>, between passes.</summary>
        public SendPacer Pacer { get; set; } = new(messagesPerSecond, time);

        /// <summary>Taken by the pass holding <see cref="Gate"/>, on the app's clock.</summary>
        public PairPace PairPace { get; } = new(options.PairBurst, TimeSpan.FromSeconds(options.PairIntervalSeconds));

        public void Dispose()
        {
            Gate.Dispose();
            _database.Dispose();
            PairPace.Dispose();
        }

        private sealed class DatabaseTurn(SemaphoreSlim database) : IDisposable
        {
            private int _released;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _released, 1) == 0)
                {
                    database.Release();
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} (outbox {OutboxId}) sent to {Recipient}")]
    private partial void LogSent(long messageId, long outboxId, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} (outbox {OutboxId}) is unconfirmed: no answer came; it is not sent again automatically")]
    private partial void LogUnconfirmed(long messageId, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} (outbox {OutboxId}) answered with retryable error {Code}; attempt {Attempts}, next at {NextAttemptAt:o}")]
    private partial void LogRetryScheduled(long messageId, long outboxId, int code, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} (outbox {OutboxId}) failed with error {Code} after {Attempts} retryable error(s)")]
    private partial void LogFailed(long messageId, long outboxId, int code, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unconfirmed message {MessageId} (outbox {OutboxId}) settled by a status webhook as {Status}")]
    private partial void LogSettled(long messageId, long outboxId, MessageStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} send(s) whose request left before a stop are now unconfirmed")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox item {OutboxId} failed unexpectedly; it is unconfirmed if its request left, else it waits for a retry")]
    private partial void LogSendCrashed(Exception exception, long outboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} (outbox {OutboxId}) waits: Meta refused the channel's token; it goes once the channel is reconnected")]
    private partial void LogWaitsForReconnect(long messageId, long outboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbound pass failed; the next pass retries")]
    private partial void LogPassFailed(Exception exception);
}
