using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Channels;

public sealed class ChannelService(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    ChannelDirectory directory,
    InboxEvents events,
    GraphClient graph,
    GraphTargets targets,
    SignatureRefusals refusals,
    TimeProvider time,
    ILogger<ChannelService> logger)
{
    /// <summary>All channels, the default first, then oldest first.</summary>
    public async Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .OrderByDescending(c => c.IsDefault)
            .ThenBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        return channels.Select(ToView).ToList();
    }

    public async Task<ChannelView?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return channel is null ? null : ToView(channel);
    }

    public async Task<ChannelCommandResult> UpdateAsync(string id, EditChannelModel model, CancellationToken cancellationToken = default)
    {
        var validation = await new EditChannelValidator().ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
        {
            return new ChannelCommandResult(false, validation.Errors[0].ErrorMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return ChannelCommandResult.NotFound;
        }

        channel.Title = model.Title.Trim();
        channel.ForwardingWebhookUrl = string.IsNullOrWhiteSpace(model.ForwardingWebhookUrl) ? null : model.ForwardingWebhookUrl.Trim();
        channel.AlertEmails = model.AlertEmails.ToList();
        channel.ReadReceipts = model.ReadReceipts;
        channel.MessagesPerSecond = model.MessagesPerSecond;
        channel.SendingPaused = model.SendingPaused;
        channel.AssignmentMode = model.AssignmentMode;
        channel.AssignmentLimit = model.AssignmentLimit;
        channel.PendingAfterReply = model.PendingAfterReply;
        channel.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        ConfigurationChanged(id);
        return ChannelCommandResult.Ok;
    }

    /// <summary>Makes this channel the one default; exactly one channel is default whenever any exist.</summary>
    public async Task<ChannelCommandResult> MarkDefaultAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return ChannelCommandResult.NotFound;
        }

        await db.Channels.Where(c => c.IsDefault && c.Id != id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDefault, false), cancellationToken);
        await db.Channels.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDefault, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ConfigurationChanged(id);
        return ChannelCommandResult.Ok;
    }

    /// <summary>
    /// Deletes the channel. When it is the last channel on its WhatsApp Business Account, the app is also
    /// unsubscribed from that account; if Meta refuses, the channel is still deleted and the refusal reported.
    /// </summary>
    public async Task<ChannelCommandResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return ChannelCommandResult.NotFound;
        }

        string? warning = null;
        var lastOnWaba = !await db.Channels.AnyAsync(
            c => c.Id != id && c.WabaId == channel.WabaId && c.GraphBaseUrl == channel.GraphBaseUrl,
            cancellationToken);
        if (lastOnWaba)
        {
            var unsubscribed = await graph.UnsubscribeAppAsync(secrets.ConnectionOf(channel), channel.WabaId, cancellationToken);
            if (!unsubscribed.Succeeded)
            {
                warning = $"The channel was deleted, but the app could not be unsubscribed from the WhatsApp Business Account: {unsubscribed.Error!.ForUser} You can remove it in Meta's app settings.";
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Channels.Remove(channel);
        await db.SaveChangesAsync(cancellationToken);
        if (channel.IsDefault)
        {
            var next = await db.Channels.OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (next is not null)
            {
                next.IsDefault = true;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Channel {ChannelId} deleted", id);
        ConfigurationChanged(id);
        return new ChannelCommandResult(true, null, warning);
    }

    /// <summary>Checks Meta's verification handshake for a channel and records it when it matches.</summary>
    public async Task<bool> VerifyWebhookAsync(string id, string? verifyToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(verifyToken))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null || !FixedTimeEquals(channel.VerifyToken, verifyToken))
        {
            return false;
        }

        channel.WebhookVerifiedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new ChannelUpdated(id));
        return true;
    }

    private ChannelView ToView(Channel c)
    {
        // Refused signatures are counted in memory and saved every few seconds: show both, so the count is current.
        var (refused, lastRefusedAt) = refusals.Pending(c.Id);
        return ToView(c, c.RefusedSignatureCount + refused, lastRefusedAt ?? c.LastRefusedSignatureAt);
    }

    private ChannelView ToView(Channel c, int refusedSignatureCount, DateTimeOffset? lastRefusedSignatureAt) => new(
        c.Id,
        c.Title,
        c.DisplayPhoneNumber,
        c.VerifiedName,
        c.PhoneNumberId,
        c.WabaId,
        c.WabaName,
        c.BusinessId,
        c.QualityRating,
        c.Status,
        c.StatusReason,
        c.IsDefault,
        c.CreatedAt,
        c.GraphRoot,
        targets.IsSandbox(c.GraphBaseUrl),
        MaskToken(c.AccessTokenProtected),
        c.VerifyToken,
        c.ForwardingWebhookUrl,
        c.AlertEmails,
        c.ReadReceipts,
        c.WebhookOverrideUrl,
        c.WebhookOverrideError,
        c.WebhookVerifiedAt,
        c.FirstSignedEventAt,
        c.LastSignedEventAt,
        refusedSignatureCount,
        lastRefusedSignatureAt,
        c.MessagesPerSecond,
        c.SendingPaused,
        c.DisconnectCause,
        c.StatusChangedAt,
        c.MessagingLimitTier,
        c.ThroughputLevel,
        c.AssignmentMode,
        c.AssignmentLimit,
        c.PendingAfterReply);

    private string MaskToken(string protectedToken)
    {
        try
        {
            return ChannelSecrets.Mask(secrets.Unprotect(protectedToken));
        }
        catch (CryptographicException)
        {
            return "(cannot be read: the key ring changed; reconnect the channel)";
        }
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>This instance's directory at once (the next webhook sees the change), then every page and instance.</summary>
    private void ConfigurationChanged(string channelId)
    {
        directory.Invalidate(channelId);
        events.Publish(new ChannelUpdated(channelId, ConfigurationChanged: true));
    }
}
