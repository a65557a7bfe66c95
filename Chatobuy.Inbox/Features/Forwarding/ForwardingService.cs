using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// What Admins and the API do with a channel's forwarding: its status, the delivery log, Replay, Resume, the signing
/// secret (shown once after Rotate) and the test event.
/// </summary>
public sealed partial class ForwardingService(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    InboxEvents events,
    WakeSignal<ForwardingSender> sender,
    ForwardingQueue queue,
    IOptions<ForwardingOptions> options,
    TimeProvider time,
    ILogger<ForwardingService> logger)
{
    public const string NoChannel = "Channel not found";
    public const string NoUrl = "This channel has no forwarding URL. Set one with Edit (Webhook URL) first.";

    /// <summary>The channel's forwarding status; null when the channel does not exist.</summary>
    public async Task<ForwardingStatus?> StatusAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => new { c.ForwardingWebhookUrl }).FirstOrDefaultAsync(cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var endpoint = await db.Set<ForwardingEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.ChannelId == channelId, cancellationToken);
        var counts = await db.Set<ForwardedEvent>().Where(e => e.ChannelId == channelId && e.State != ForwardingState.Delivered)
            .GroupBy(e => e.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new ForwardingStatus(
            channelId,
            channel.ForwardingWebhookUrl,
            endpoint is not null,
            endpoint?.SecretCreatedAt,
            endpoint?.PausedAt,
            endpoint?.PausedReason,
            endpoint?.ConsecutiveFailures ?? 0,
            counts.Where(c => c.State is ForwardingState.Pending or ForwardingState.Paused).Sum(c => c.Count),
            counts.Where(c => c.State is ForwardingState.Failed).Sum(c => c.Count));
    }

    /// <summary>The delivery log, newest first; only failed events when <paramref name="failedOnly"/>. Null when the channel does not exist.</summary>
    public async Task<PagedDto<ForwardingDeliveryDto>?> LogAsync(string channelId, bool failedOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            return null;
        }

        var query = db.Set<ForwardedEvent>().AsNoTracking().Where(e => e.ChannelId == channelId);
        if (failedOnly)
        {
            query = query.Where(e => e.State == ForwardingState.Failed);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedDto<ForwardingDeliveryDto>(rows.Select(ForwardingDeliveryDto.From).ToList(), page, pageSize, total);
    }

    /// <summary>Queues a copy of a logged event, with the same event id (receivers that already have it can skip it), at the end of its conversation's lane.</summary>
    public async Task<ForwardingResult> ReplayAsync(string channelId, long deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            return new ForwardingResult(NoChannel);
        }

        var original = await db.Set<ForwardedEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == deliveryId && e.ChannelId == channelId, cancellationToken);
        if (original is null)
        {
            return new ForwardingResult("Delivery not found on this channel");
        }

        var now = time.GetUtcNow();
        var copy = new ForwardedEvent
        {
            EventId = original.EventId,
            ChannelId = original.ChannelId,
            ConversationId = original.ConversationId,
            ContactId = original.ContactId,
            MessageId = original.MessageId,
            Type = original.Type,
            Lane = original.Lane,
            EnvelopeJson = original.EnvelopeJson,
            State = ForwardingState.Pending,
            OccurredAt = original.OccurredAt,
            CreatedAt = now,
            NextAttemptAt = now,
            RetryUntil = now.AddHours(options.Value.RetryHours),
            ReplayOf = original.Id,
        };
        db.Set<ForwardedEvent>().Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        LogReplayed(logger, original.EventId, channelId);
        sender.Notify();
        return new ForwardingResult(null, ForwardingDeliveryDto.From(copy));
    }

    /// <summary>Lifts a pause: the failure count starts again and what waited is sent, oldest first.</summary>
    public async Task<ForwardingResult> ResumeAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.Set<ForwardingEndpoint>().FirstOrDefaultAsync(e => e.ChannelId == channelId, cancellationToken);
        if (endpoint?.PausedAt is null)
        {
            return new ForwardingResult(null);
        }

        var now = time.GetUtcNow();
        var retryUntil = now.AddHours(options.Value.RetryHours);
        endpoint.PausedAt = null;
        endpoint.PausedReason = null;
        endpoint.ConsecutiveFailures = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<ForwardedEvent>().Where(e => e.ChannelId == channelId && (e.State == ForwardingState.Paused || e.State == ForwardingState.Pending))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, ForwardingState.Pending).SetProperty(e => e.NextAttemptAt, now).SetProperty(e => e.RetryUntil, retryUntil), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogResumed(logger, channelId);
        events.Publish(new ChannelUpdated(channelId));
        sender.Notify();
        return new ForwardingResult(null);
    }

    /// <summary>A new signing secret for the channel, returned once in plain text (only its encrypted form is kept). The next attempt signs with it.</summary>
    public async Task<string?> RotateSecretAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            return null;
        }

        var secret = ForwardingSignature.NewSecret();
        var endpoint = await db.Set<ForwardingEndpoint>().FirstOrDefaultAsync(e => e.ChannelId == channelId, cancellationToken);
        if (endpoint is null)
        {
            endpoint = new ForwardingEndpoint { ChannelId = channelId };
            db.Set<ForwardingEndpoint>().Add(endpoint);
        }

        endpoint.SecretProtected = secrets.Protect(secret);
        endpoint.SecretCreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        LogRotated(logger, channelId);
        return secret;
    }

    /// <summary>Queues a <c>test</c> event for the channel's URL, signed like every other.</summary>
    public async Task<ForwardingResult> SendTestAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var url = await db.Channels.Where(c => c.Id == channelId).Select(c => new { c.ForwardingWebhookUrl }).FirstOrDefaultAsync(cancellationToken);
            if (url is null)
            {
                return new ForwardingResult(NoChannel);
            }

            if (string.IsNullOrWhiteSpace(url.ForwardingWebhookUrl))
            {
                return new ForwardingResult(NoUrl);
            }
        }

        var row = await queue.AddOwnAsync(channelId, ForwardingEventTypes.Test, null, w => w.WriteString("message", "A test event from Chatobuy Inbox: your endpoint receives and verifies our webhooks."), cancellationToken);
        return row is null ? new ForwardingResult(NoUrl) : new ForwardingResult(null, ForwardingDeliveryDto.From(row));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded event {EventId} of channel {ChannelId} queued again (replay)")]
    private static partial void LogReplayed(ILogger logger, string eventId, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarding for channel {ChannelId} resumed")]
    private static partial void LogResumed(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarding signing secret of channel {ChannelId} rotated")]
    private static partial void LogRotated(ILogger logger, string channelId);
}
