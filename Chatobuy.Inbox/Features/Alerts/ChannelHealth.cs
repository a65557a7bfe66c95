using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>
/// Owns a channel's state: Connected or Disconnected with a reason, and its health (quality rating, messaging limit,
/// throughput). Every change of state is one transaction that also writes a <see cref="ChannelNotice"/>; after it,
/// <see cref="ChannelUpdated"/> goes out and one e-mail to the channel's alert list and the Admins. A disconnected
/// channel's outbox waits (the sender skips it); a reconnection wakes the sender.
/// Causes: Meta refusing the token on any Graph call (<see cref="IGraphRefusalObserver"/>), the scheduled check
/// (<see cref="CheckAsync"/>), <c>account_update</c> webhooks and silence while customers are being written to.
/// </summary>
public sealed partial class ChannelHealth(
    IDbContextFactory<InboxDbContext> dbFactory,
    IServiceScopeFactory scopes,
    ChannelSecrets secrets,
    InboxEvents events,
    AlertMailer mailer,
    WakeSignal<OutboundSender> outbound,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<ChannelHealth> logger) : IGraphRefusalObserver
{
    /// <summary>The number statuses that still send and receive (reference §1.3); anything else disconnects.</summary>
    public static readonly IReadOnlySet<string> WorkingNumberStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CONNECTED", "FLAGGED", "RATE_LIMITED",
    };

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Channels of this instance disconnected for silence: the only ones an arriving webhook reconnects.</summary>
    private readonly ConcurrentDictionary<string, bool> _silenced = new(StringComparer.Ordinal);

    /// <summary>Quick, for event filters: is this channel waiting for a signed webhook to reconnect it?</summary>
    public bool IsSilenced(string channelId) => _silenced.ContainsKey(channelId);

    /// <summary>Loads the channels disconnected for silence (start-up).</summary>
    public async Task LoadSilencedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Channels.AsNoTracking()
            .Where(c => c.Status == ChannelStatus.Disconnected && c.DisconnectCause == DisconnectCause.Silence)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            _silenced[id] = true;
        }
    }

    /// <summary>Meta refused a saved channel's token: the channel is disconnected at once.</summary>
    public async Task TokenRefusedAsync(GraphConnection connection, GraphError error, CancellationToken cancellationToken)
    {
        if (connection.OwnerKey is { } channelId)
        {
            await DisconnectAsync(channelId, DisconnectCause.Token, c => AlertTexts.TokenRefused(c, error), cancellationToken);
        }
    }

    /// <summary>
    /// Connected → Disconnected with the reason <paramref name="text"/> gives. False when it was already disconnected
    /// (no second notice or e-mail) or does not exist.
    /// </summary>
    public async Task<bool> DisconnectAsync(string channelId, DisconnectCause cause, Func<Channel, AlertText> text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        AlertText alert;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
            if (channel is null)
            {
                return false;
            }

            alert = text(channel);
            var reason = $"{alert.Subject[(alert.Subject.IndexOf(':') + 1)..].Trim()}. {alert.Fix}";
            reason = reason.Length > 1000 ? reason[..1000] : reason;

            // Only the change from Connected counts: concurrent causes make one notice and one e-mail.
            var changed = await db.Channels
                .Where(c => c.Id == channelId && c.Status == ChannelStatus.Connected)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Status, ChannelStatus.Disconnected)
                        .SetProperty(c => c.StatusReason, reason)
                        .SetProperty(c => c.DisconnectCause, cause)
                        .SetProperty(c => c.StatusChangedAt, now)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken);
            if (changed == 0)
            {
                return false;
            }

            db.ChannelNotices.Add(Notice(channelId, ChannelNoticeKind.Disconnected, alert, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (cause == DisconnectCause.Silence)
        {
            _silenced[channelId] = true;
        }

        LogDisconnected(channelId, cause);
        events.Publish(new ChannelUpdated(channelId));
        events.Publish(new ChannelStatusChanged(channelId, Connected: false));
        mailer.Enqueue(channelId, alert);
        return true;
    }

    /// <summary>Disconnected → Connected; <paramref name="how"/> says what fixed it. False when it was not disconnected.</summary>
    public async Task<bool> ReconnectAsync(string channelId, string how, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        AlertText alert;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var changed = await db.Channels
                .Where(c => c.Id == channelId && c.Status == ChannelStatus.Disconnected)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Status, ChannelStatus.Connected)
                        .SetProperty(c => c.StatusReason, (string?)null)
                        .SetProperty(c => c.DisconnectCause, (DisconnectCause?)null)
                        .SetProperty(c => c.StatusChangedAt, now)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken);
            if (changed == 0)
            {
                return false;
            }

            var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == channelId, cancellationToken);
            alert = AlertTexts.Reconnected(channel, how);
            db.ChannelNotices.Add(Notice(channelId, ChannelNoticeKind.Reconnected, alert, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        _silenced.TryRemove(channelId, out _);
        LogReconnected(channelId);
        events.Publish(new ChannelUpdated(channelId));
        events.Publish(new ChannelStatusChanged(channelId, Connected: true));
        mailer.Enqueue(channelId, alert);
        outbound.Notify();
        return true;
    }

    /// <summary>Every channel's check, one after the other.</summary>
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        List<string> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Channels.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            try
            {
                await CheckAsync(id, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCheckCrashed(exception, id);
            }
        }
    }

    /// <summary>
    /// Checks the channel with Meta: the token (<c>debug_token</c>), the number (status, quality, limit, throughput),
    /// the app's subscription, and whether webhooks still come. A failure disconnects it; a full pass reconnects it.
    /// When Meta cannot be reached at all nothing changes (that says nothing about the channel).
    /// </summary>
    public async Task<ChannelCheckOutcome> CheckAsync(string channelId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await CheckLockedAsync(channelId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ChannelCheckOutcome> CheckLockedAsync(string channelId, CancellationToken cancellationToken)
    {
        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        if (channel is null)
        {
            return ChannelCheckOutcome.Gone;
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            await DisconnectAsync(channelId, DisconnectCause.Token, AlertTexts.TokenUnreadable, cancellationToken);
            return ChannelCheckOutcome.Failed;
        }

        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var outcome = await CheckWithMetaAsync(graph, connection, channel, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Channels.Where(c => c.Id == channelId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastHealthCheckAt, time.GetUtcNow()), cancellationToken);
        }

        if (outcome == ChannelCheckOutcome.Passed && channel.Status == ChannelStatus.Disconnected)
        {
            await ReconnectAsync(channelId, channel.DisconnectCause switch
            {
                DisconnectCause.Silence => "signed webhooks from Meta arrive again",
                DisconnectCause.Subscription => "the app is subscribed to the account again",
                DisconnectCause.Token => "Meta accepts its access token again",
                _ => "Meta's check of the token, the number and the subscription passes again",
            }, cancellationToken);
        }

        return outcome;
    }

    private async Task<ChannelCheckOutcome> CheckWithMetaAsync(GraphClient graph, GraphConnection connection, Channel channel, CancellationToken cancellationToken)
    {
        var token = await graph.CheckTokenAsync(connection, cancellationToken);
        if (!token.Succeeded)
        {
            return await RefusedAsync(channel, token.Error!, cancellationToken);
        }

        if (!token.Value!.IsValid)
        {
            await DisconnectAsync(channel.Id, DisconnectCause.Token, c => AlertTexts.TokenRefused(c, null), cancellationToken);
            return ChannelCheckOutcome.Failed;
        }

        var number = await graph.GetPhoneNumberAsync(connection, channel.PhoneNumberId, cancellationToken);
        if (!number.Succeeded)
        {
            return await RefusedAsync(channel, number.Error!, cancellationToken);
        }

        await ApplyNumberHealthAsync(channel.Id, number.Value!, cancellationToken);
        if (number.Value!.Status is { } status && !WorkingNumberStatuses.Contains(status))
        {
            await DisconnectAsync(channel.Id, DisconnectCause.Number, c => AlertTexts.NumberStatus(c, status.ToUpperInvariant()), cancellationToken);
            return ChannelCheckOutcome.Failed;
        }

        var apps = await graph.GetSubscribedAppsAsync(connection, channel.WabaId, cancellationToken);
        if (!apps.Succeeded)
        {
            return await RefusedAsync(channel, apps.Error!, cancellationToken);
        }

        if (apps.Value!.Count == 0)
        {
            await DisconnectAsync(channel.Id, DisconnectCause.Subscription, AlertTexts.SubscriptionGone, cancellationToken);
            return ChannelCheckOutcome.Failed;
        }

        if (await IsSilentAsync(channel.Id, cancellationToken))
        {
            var minutes = options.Value.SilenceMinutes;
            await DisconnectAsync(channel.Id, DisconnectCause.Silence, c => AlertTexts.Silence(c, minutes), cancellationToken);
            return ChannelCheckOutcome.Failed;
        }

        return ChannelCheckOutcome.Passed;
    }

    /// <summary>A refused check call: 190 has disconnected the channel already; Meta out of reach changes nothing.</summary>
    private async Task<ChannelCheckOutcome> RefusedAsync(Channel channel, GraphError error, CancellationToken cancellationToken)
    {
        if (error.Code == GraphClient.TokenRefusedCode)
        {
            return ChannelCheckOutcome.Failed;
        }

        if (error.IsRetryable || error.IsUnconfirmed || error.Code < 0)
        {
            LogInconclusive(channel.Id, error.Code);
            return ChannelCheckOutcome.Inconclusive;
        }

        await DisconnectAsync(channel.Id, DisconnectCause.Check, c => AlertTexts.CheckFailed(c, error), cancellationToken);
        return ChannelCheckOutcome.Failed;
    }

    /// <summary>
    /// A message left more than <see cref="AlertOptions.SilenceMinutes"/> ago, after the last signed webhook, and no
    /// signed webhook has come since: Meta would have sent at least its status.
    /// </summary>
    public async Task<bool> IsSilentAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == channelId)
            .Select(c => new { c.LastSignedEventAt, c.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (channel is null)
        {
            return false;
        }

        var since = channel.LastSignedEventAt ?? channel.CreatedAt;
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.SilenceMinutes);
        if (since > cutoff)
        {
            return false;
        }

        return await db.OutboxItems.AsNoTracking()
            .AnyAsync(o => o.ChannelId == channelId && o.SentAt != null && o.SentAt > since && o.SentAt <= cutoff, cancellationToken);
    }

    /// <summary>
    /// Something of the channel was stored: when it was a signed webhook newer than the disconnection, a channel
    /// disconnected for silence is connected again.
    /// </summary>
    public async Task SignedEventArrivedAsync(string channelId, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var silenced = await db.Channels.AsNoTracking()
                .AnyAsync(
                    c => c.Id == channelId && c.Status == ChannelStatus.Disconnected && c.DisconnectCause == DisconnectCause.Silence
                        && c.LastSignedEventAt != null && c.LastSignedEventAt > c.StatusChangedAt,
                    cancellationToken);
            if (!silenced)
            {
                return;
            }
        }

        await ReconnectAsync(channelId, "signed webhooks from Meta arrive again", cancellationToken);
    }

    /// <summary>
    /// Meta's non-message webhooks that concern health (reference §7.5): <c>account_update</c> (ban, restriction,
    /// deregistration, reinstatement), <c>phone_number_quality_update</c> (re-read the number: quality, limit,
    /// throughput) and <c>message_template_status_update</c> (PAUSED, DISABLED).
    /// </summary>
    public async Task HandleEventAsync(StoredChannelEvent stored, CancellationToken cancellationToken)
    {
        var channelIds = await ChannelsOfAsync(stored, cancellationToken);
        if (channelIds.Count == 0)
        {
            return;
        }

        using var document = JsonDocument.Parse(stored.ValueJson);
        var value = document.RootElement;
        var kind = Text(value, "event");
        switch (stored.Field)
        {
            case "account_update":
                await AccountUpdateAsync(channelIds, kind, value, cancellationToken);
                break;
            case "phone_number_quality_update":
                foreach (var id in channelIds)
                {
                    await CheckAsync(id, cancellationToken);
                }

                break;
            case "message_template_status_update" when kind is "PAUSED" or "DISABLED":
                var name = Text(value, "message_template_name") ?? Text(value, "message_template_id") ?? "?";
                var language = Text(value, "message_template_language") ?? "";
                var reason = Text(value, "reason");
                foreach (var id in channelIds)
                {
                    await NoticeAsync(
                        id,
                        kind == "PAUSED" ? ChannelNoticeKind.TemplatePaused : ChannelNoticeKind.TemplateDisabled,
                        c => AlertTexts.TemplateStopped(c, name, language, kind, reason),
                        cancellationToken);
                }

                break;
        }
    }

    private async Task AccountUpdateAsync(IReadOnlyList<string> channelIds, string? kind, JsonElement value, CancellationToken cancellationToken)
    {
        Func<Channel, AlertText>? text = null;
        var banState = value.TryGetProperty("ban_info", out var ban) ? BanState(ban) : null;
        switch (kind)
        {
            case "DISABLED_UPDATE" when banState is "REINSTATE":
            case "ACCOUNT_RECONNECTED":
                // Meta lifted it: the check decides (and reconnects when the number is CONNECTED again).
                foreach (var id in channelIds)
                {
                    await CheckAsync(id, cancellationToken);
                }

                return;
            case "DISABLED_UPDATE" when banState is "DISABLE":
                text = c => AlertTexts.Banned(c, banState);
                break;
            case "ACCOUNT_RESTRICTION":
                text = c => AlertTexts.Restricted(c, Restrictions(value));
                break;
            case "ACCOUNT_DELETED" or "ACCOUNT_OFFBOARDED":
                text = c => AlertTexts.Deregistered(c, kind);
                break;
        }

        if (text is null)
        {
            return;
        }

        foreach (var id in channelIds)
        {
            await DisconnectAsync(id, DisconnectCause.Account, text, cancellationToken);
        }
    }

    /// <summary>
    /// Stores what Meta says of the number now and tells of each change against what was stored: quality down (or
    /// up), messaging limit and throughput changes. The first reading only stores.
    /// </summary>
    private async Task ApplyNumberHealthAsync(string channelId, PhoneNumberData number, CancellationToken cancellationToken)
    {
        var alerts = new List<(ChannelNoticeKind Kind, AlertText Text, bool Mail)>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
            if (channel is null)
            {
                return;
            }

            var quality = number.QualityRating?.ToUpperInvariant();
            if (Rank(quality) > 0 && Rank(channel.QualityRating) > 0 && quality != channel.QualityRating?.ToUpperInvariant())
            {
                var down = Rank(quality) < Rank(channel.QualityRating);
                alerts.Add((down ? ChannelNoticeKind.QualityDown : ChannelNoticeKind.QualityUp, AlertTexts.QualityChanged(channel, channel.QualityRating!.ToUpperInvariant(), quality!, down), down));
            }

            var tier = number.MessagingLimitTier;
            if (tier is not null && channel.MessagingLimitTier is not null && tier != channel.MessagingLimitTier)
            {
                alerts.Add((ChannelNoticeKind.MessagingLimitChanged, AlertTexts.MessagingLimitChanged(channel, channel.MessagingLimitTier, tier), true));
            }

            var level = number.Throughput?.Level;
            if (level is not null && channel.ThroughputLevel is not null && level != channel.ThroughputLevel)
            {
                alerts.Add((ChannelNoticeKind.ThroughputChanged, AlertTexts.ThroughputChanged(channel, channel.ThroughputLevel, level), true));
            }

            var now = time.GetUtcNow();
            channel.QualityRating = quality ?? channel.QualityRating;
            channel.MessagingLimitTier = tier ?? channel.MessagingLimitTier;
            channel.ThroughputLevel = level ?? channel.ThroughputLevel;
            foreach (var (kind, text, _) in alerts)
            {
                db.ChannelNotices.Add(Notice(channelId, kind, text, now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        events.Publish(new ChannelUpdated(channelId));
        foreach (var (kind, text, mail) in alerts)
        {
            LogHealthNotice(channelId, kind);
            if (mail)
            {
                mailer.Enqueue(channelId, text);
            }
        }
    }

    /// <summary>A notice on its own (no change of state): stored, shown on the channel's page, e-mailed.</summary>
    public async Task NoticeAsync(string channelId, ChannelNoticeKind kind, Func<Channel, AlertText> text, CancellationToken cancellationToken)
    {
        AlertText alert;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
            if (channel is null)
            {
                return;
            }

            alert = text(channel);
            db.ChannelNotices.Add(Notice(channelId, kind, alert, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        LogHealthNotice(channelId, kind);
        events.Publish(new ChannelUpdated(channelId));
        mailer.Enqueue(channelId, alert);
    }

    /// <summary>The event's own channel, or every channel of its account (account-level changes concern them all).</summary>
    private async Task<IReadOnlyList<string>> ChannelsOfAsync(StoredChannelEvent stored, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofAccount = await db.Channels.AsNoTracking()
            .Where(c => c.WabaId == stored.WabaId)
            .Select(c => new { c.Id, c.DisplayPhoneNumber })
            .ToListAsync(cancellationToken);
        if (stored.Field == "phone_number_quality_update")
        {
            // It names the number by its display digits only.
            using var document = JsonDocument.Parse(stored.ValueJson);
            var digits = Digits(Text(document.RootElement, "display_phone_number") ?? "");
            var matching = ofAccount.Where(c => digits.Length > 0 && Digits(c.DisplayPhoneNumber) == digits).Select(c => c.Id).ToList();
            if (matching.Count > 0)
            {
                return matching;
            }
        }

        return ofAccount.Count > 0 ? ofAccount.Select(c => c.Id).ToList() : stored.ChannelId is { } channelId ? [channelId] : [];
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static ChannelNotice Notice(string channelId, ChannelNoticeKind kind, AlertText text, DateTimeOffset now) => new()
    {
        ChannelId = channelId,
        Kind = kind,
        Title = text.Subject.Length > 300 ? text.Subject[..300] : text.Subject,
        Body = text.Body.Length > 4000 ? text.Body[..4000] : text.Body,
        CreatedAt = now,
    };

    /// <summary>GREEN 3, YELLOW 2, RED 1; unknown ratings 0 (never compared).</summary>
    private static int Rank(string? rating) => rating?.ToUpperInvariant() switch
    {
        "GREEN" or "HIGH" => 3,
        "YELLOW" or "MEDIUM" => 2,
        "RED" or "LOW" => 1,
        _ => 0,
    };

    /// <summary><c>waba_ban_state</c> as a string, or the first of an array.</summary>
    private static string? BanState(JsonElement ban) =>
        ban.ValueKind == JsonValueKind.Object && ban.TryGetProperty("waba_ban_state", out var state)
            ? state.ValueKind switch
            {
                JsonValueKind.String => state.GetString(),
                JsonValueKind.Array => state.EnumerateArray().Select(e => e.GetString()).FirstOrDefault(),
                _ => null,
            }
            : null;

    private static string? Restrictions(JsonElement value)
    {
        if (!value.TryGetProperty("restriction_info", out var info) || info.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = info.EnumerateArray()
            .Select(r => (Type: Text(r, "restriction_type"), Until: Text(r, "expiration")))
            .Where(r => r.Type is not null)
            .Select(r => r.Until is null ? r.Type! : $"{r.Type} until {r.Until}")
            .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property)
            ? property.ValueKind switch
            {
                JsonValueKind.String => property.GetString(),
                JsonValueKind.Number => property.GetRawText().ToString(CultureInfo.InvariantCulture),
                _ => null,
            }
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} disconnected ({Cause})")]
    private partial void LogDisconnected(string channelId, DisconnectCause cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} reconnected")]
    private partial void LogReconnected(string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: health notice {Kind}")]
    private partial void LogHealthNotice(string channelId, ChannelNoticeKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: the check could not reach Meta (code {Code}); nothing changed")]
    private partial void LogInconclusive(string channelId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId}: the health check failed unexpectedly")]
    private partial void LogCheckCrashed(Exception exception, string channelId);
}
