using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// POSTs queued events to the channels' forwarding URLs, signed (<see cref="ForwardingSignature"/>): at least once, in
/// order per conversation (a lane's next event waits until the one before is delivered or has failed for good),
/// conversations in parallel (up to <see cref="ForwardingOptions.MaxConcurrentSends"/>). 5xx, 408, 429, timeouts and
/// connection errors are retried with exponential backoff and jitter until <see cref="ForwardedEvent.RetryUntil"/>;
/// other answers fail the event at once. <see cref="ForwardingOptions.PauseAfterFailures"/> failures in a row pause the
/// channel's endpoint (<see cref="ForwardingPaused"/>) until Resume. All timing comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ForwardingSender(
    IDbContextFactory<InboxDbContext> dbFactory,
    IHttpClientFactory httpClients,
    ChannelSecrets secrets,
    InboxEvents events,
    WakeSignal<ForwardingSender> signal,
    IOptions<ForwardingOptions> options,
    TimeProvider time,
    ILogger<ForwardingSender> logger) : BackgroundService
{
    /// <summary>The named <see cref="HttpClient"/> the sender uses (no redirects, no timeout of its own).</summary>
    public const string HttpClientName = "Forwarding";

    private const int ResponsePrefixBytes = 512;

    private readonly ConcurrentDictionary<(string ChannelId, string Lane), Task> _inFlight = new();
    private readonly SemaphoreSlim _endpointLock = new(1, 1);

    private ForwardingOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = TimeSpan.FromMilliseconds(Options.PollIntervalMilliseconds);
            try
            {
                var (_, nextDue) = await DispatchAsync(stoppingToken);
                if (nextDue is { } due && due - time.GetUtcNow() < wait)
                {
                    wait = due - time.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception);
            }

            if (wait > TimeSpan.Zero)
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
        }

        // Attempts under way finish (each has its own short timeout) before the host stops.
        await Task.WhenAll(_inFlight.Values);
    }

    /// <summary>Sends the due head of every lane and waits for those sends: one step of the queue (tests drive it with a fake clock).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (started, _) = await DispatchAsync(cancellationToken);
        await Task.WhenAll(started);
        return started.Count;
    }

    /// <summary>Starts a send for the first pending event of each lane that is due and not already being sent; tells when the next one is due.</summary>
    private async Task<(List<Task> Started, DateTimeOffset? NextDue)> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<Head> heads;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var forwarding = db.Channels
                .Where(c => c.ForwardingWebhookUrl != null && c.ForwardingWebhookUrl != "")
                .Where(c => !db.Set<ForwardingEndpoint>().Any(e => e.ChannelId == c.Id && e.PausedAt != null))
                .Select(c => c.Id);
            var firsts = db.Set<ForwardedEvent>()
                .Where(e => e.State == ForwardingState.Pending && forwarding.Contains(e.ChannelId))
                .GroupBy(e => new { e.ChannelId, e.Lane })
                .Select(g => g.Min(e => e.Id));
            heads = await db.Set<ForwardedEvent>().AsNoTracking()
                .Where(e => firsts.Contains(e.Id))
                .Select(e => new Head(e.Id, e.ChannelId, e.Lane, e.NextAttemptAt))
                .ToListAsync(cancellationToken);
        }

        var started = new List<Task>();
        DateTimeOffset? nextDue = null;
        foreach (var head in heads.OrderBy(h => h.NextAttemptAt).ThenBy(h => h.Id))
        {
            if (head.NextAttemptAt > now)
            {
                nextDue = nextDue is { } earliest && earliest < head.NextAttemptAt ? earliest : head.NextAttemptAt;
                continue;
            }

            var lane = (head.ChannelId, head.Lane);
            if (_inFlight.Count >= Options.MaxConcurrentSends || _inFlight.ContainsKey(lane))
            {
                continue;
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inFlight.TryAdd(lane, gate.Task))
            {
                continue;
            }

            started.Add(Task.Run(
                async () =>
                {
                    var more = true;
                    try
                    {
                        await SendAsync(head.Id, cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Stopping: the event stays pending and is sent after the restart.
                    }
                    catch (Exception exception)
                    {
                        // Tried again at the next poll, not at once.
                        LogSendFailed(logger, exception, head.Id);
                        more = false;
                    }
                    finally
                    {
                        _inFlight.TryRemove(lane, out _);
                        gate.SetResult();
                        if (more)
                        {
                            signal.Notify();
                        }
                    }
                },
                CancellationToken.None));
        }

        return (started, nextDue);
    }

    /// <summary>One attempt for one event, and what it leads to.</summary>
    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        ForwardedEvent? row;
        string? url;
        string secret;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Set<ForwardedEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.State == ForwardingState.Pending, cancellationToken);
            if (row is null)
            {
                return;
            }

            url = await db.Channels.Where(c => c.Id == row.ChannelId).Select(c => c.ForwardingWebhookUrl).FirstOrDefaultAsync(cancellationToken);
            secret = await SecretAsync(db, row.ChannelId, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        var body = Encoding.UTF8.GetBytes(row.EnvelopeJson);
        var attemptAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var outcome = await PostAsync(url, row.EventId, secret, body, attemptAt, cancellationToken);
        var latency = (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);
        await RecordAsync(row, url, attemptAt, latency, outcome, cancellationToken);
    }

    private async Task<Outcome> PostAsync(string url, string eventId, string secret, byte[] body, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(ForwardingSignature.SignatureHeader, ForwardingSignature.Sign(secret, at, body));
        request.Headers.TryAddWithoutValidation(ForwardingSignature.EventIdHeader, eventId);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Chatobuy-Inbox-Forwarding", "1"));
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var prefix = await ReadPrefixAsync(response, linked.Token);
            return new Outcome((int)response.StatusCode, prefix, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, null, $"No answer within {Options.TimeoutSeconds} s (timeout).");
        }
        catch (HttpRequestException exception)
        {
            return new Outcome(null, null, $"Could not connect: {exception.Message}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or UriFormatException or NotSupportedException)
        {
            return new Outcome(null, null, $"The URL cannot be called: {exception.Message}");
        }
    }

    /// <summary>At most the first 512 bytes of the body, as text.</summary>
    private static async Task<string?> ReadPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ResponsePrefixBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>Saves the attempt: delivered, scheduled again, or failed; and counts the endpoint's failures in a row.</summary>
    private async Task RecordAsync(ForwardedEvent row, string url, DateTimeOffset attemptAt, int latency, Outcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = row.Attempts + 1;
        var delivered = outcome.StatusCode is >= 200 and < 300;
        var retryable = outcome.StatusCode is null or 408 or 429 or >= 500;
        ForwardingState state;
        DateTimeOffset next = row.NextAttemptAt;
        if (delivered)
        {
            state = ForwardingState.Delivered;
        }
        else if (retryable && now < row.RetryUntil)
        {
            state = ForwardingState.Pending;
            next = now + BackoffAfter(attempts, Options.BaseDelaySeconds, Options.MaxDelaySeconds, Random.Shared.NextDouble());
        }
        else
        {
            state = ForwardingState.Failed;
        }

        var response = outcome.ResponsePrefix ?? outcome.Error;
        if (!delivered && retryable && state == ForwardingState.Failed)
        {
            response = $"Gave up after {attempts} attempts over {Options.RetryHours} hours. {response}";
        }

        await _endpointLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Set<ForwardedEvent>().Where(e => e.Id == row.Id && e.State == ForwardingState.Pending).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, state)
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.NextAttemptAt, next)
                    .SetProperty(e => e.LastAttemptAt, attemptAt)
                    .SetProperty(e => e.LastStatusCode, outcome.StatusCode)
                    .SetProperty(e => e.LastLatencyMilliseconds, latency)
                    .SetProperty(e => e.LastResponse, response)
                    .SetProperty(e => e.DeliveredAt, delivered ? now : null),
                cancellationToken);

            var endpoint = await db.Set<ForwardingEndpoint>().FirstAsync(e => e.ChannelId == row.ChannelId, cancellationToken);
            if (delivered)
            {
                endpoint.ConsecutiveFailures = 0;
                await db.SaveChangesAsync(cancellationToken);
                LogDelivered(logger, row.EventId, row.Type, row.ChannelId, outcome.StatusCode!.Value, latency);
                return;
            }

            endpoint.ConsecutiveFailures++;
            var reason = Describe(outcome);
            LogAttemptFailed(logger, row.EventId, row.Type, row.ChannelId, attempts, reason, state == ForwardingState.Pending);
            if (endpoint.PausedAt is not null || endpoint.ConsecutiveFailures < Options.PauseAfterFailures)
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            endpoint.PausedAt = now;
            endpoint.PausedReason = reason.Length > 600 ? reason[..600] : reason;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                await db.Set<ForwardedEvent>().Where(e => e.ChannelId == row.ChannelId && e.State == ForwardingState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, ForwardingState.Paused), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            LogPaused(logger, row.ChannelId, endpoint.ConsecutiveFailures);
            events.Publish(new ChannelUpdated(row.ChannelId));
            events.Publish(new ForwardingPaused(row.ChannelId, url, endpoint.ConsecutiveFailures, endpoint.PausedReason, now));
        }
        finally
        {
            _endpointLock.Release();
        }
    }

    /// <summary>
    /// The channel's endpoint row with a new secret, made once: the sends of a channel's first events arrive together,
    /// so they take turns here (another instance's row wins a race through the unique key).
    /// </summary>
    private async Task<ForwardingEndpoint> CreateEndpointAsync(InboxDbContext db, string channelId, CancellationToken cancellationToken)
    {
        await _endpointLock.WaitAsync(cancellationToken);
        try
        {
            if (await db.Set<ForwardingEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.ChannelId == channelId, cancellationToken) is { } made)
            {
                return made;
            }

            var endpoint = new ForwardingEndpoint { ChannelId = channelId, SecretProtected = secrets.Protect(ForwardingSignature.NewSecret()), SecretCreatedAt = time.GetUtcNow() };
            db.Set<ForwardingEndpoint>().Add(endpoint);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return endpoint;
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                return await db.Set<ForwardingEndpoint>().AsNoTracking().FirstAsync(e => e.ChannelId == channelId, cancellationToken);
            }
        }
        finally
        {
            _endpointLock.Release();
        }
    }

    /// <summary>The channel's signing secret; the first time, a new one (an Admin sees it after Rotate).</summary>
    private async Task<string> SecretAsync(InboxDbContext db, string channelId, CancellationToken cancellationToken)
    {
        var endpoint = await db.Set<ForwardingEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.ChannelId == channelId, cancellationToken)
            ?? await CreateEndpointAsync(db, channelId, cancellationToken);

        try
        {
            return secrets.Unprotect(endpoint.SecretProtected);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException("The channel's forwarding secret cannot be read (the key ring changed). Rotate the secret on the channel's Forwarding section.");
        }
    }

    /// <summary>
    /// The wait before the next try after <paramref name="attempts"/> failures: base·2^(attempts−1), at most
    /// <paramref name="maxSeconds"/>, of which a random part (<paramref name="jitter"/>, 0 to 1) spreads retries out: between half and all of it.
    /// </summary>
    public static TimeSpan BackoffAfter(int attempts, int baseSeconds, int maxSeconds, double jitter)
    {
        var seconds = Math.Min(maxSeconds, baseSeconds * Math.Pow(2, Math.Min(30, Math.Max(0, attempts - 1))));
        return TimeSpan.FromSeconds(seconds * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1))));
    }

    /// <summary>An attempt's failure in plain words.</summary>
    private static string Describe(Outcome outcome) => outcome.StatusCode switch
    {
        null => outcome.Error ?? "No answer.",
        408 or 429 => $"The receiver answered {outcome.StatusCode} ({ReasonOf(outcome.StatusCode.Value)}); retried later.",
        >= 500 => $"The receiver answered {outcome.StatusCode} ({ReasonOf(outcome.StatusCode.Value)}): an error on its side; retried later.",
        _ => $"The receiver answered {outcome.StatusCode} ({ReasonOf(outcome.StatusCode.Value)}): it refused the event, which is not sent again. Fix the receiver, then Replay.",
    };

    private static string ReasonOf(int statusCode) =>
        Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? ((HttpStatusCode)statusCode).ToString() : "unknown status";

    private sealed record Head(long Id, string ChannelId, string Lane, DateTimeOffset NextAttemptAt);

    private sealed record Outcome(int? StatusCode, string? ResponsePrefix, string? Error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarded event {EventId} ({Type}) of channel {ChannelId}: {StatusCode} in {Latency} ms")]
    private static partial void LogDelivered(ILogger logger, string eventId, string type, string channelId, int statusCode, int latency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarding event {EventId} ({Type}) of channel {ChannelId} failed on attempt {Attempts}: {Reason} Retried: {Retried}")]
    private static partial void LogAttemptFailed(ILogger logger, string eventId, string type, string channelId, int attempts, string reason, bool retried);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding for channel {ChannelId} paused after {Failures} failed attempts in a row")]
    private static partial void LogPaused(ILogger logger, string channelId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding event {Id} could not be sent; it stays queued")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "A forwarding pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
