using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>
/// The fixes the channel details page offers: a new access token (checked with Meta's <c>debug_token</c> before it is
/// saved) and the app's subscription to the account (<c>POST /{waba-id}/subscribed_apps</c>). Each ends with a health
/// check, which reconnects the channel when everything passes.
/// </summary>
public sealed partial class ChannelRepair(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    GraphClient graph,
    ChannelHealth health,
    InboxEvents events,
    TimeProvider time,
    ILogger<ChannelRepair> logger)
{
    public async Task<ChannelCommandResult> ReplaceTokenAsync(string channelId, ReplaceTokenModel model, CancellationToken cancellationToken = default)
    {
        var validation = await new ReplaceTokenValidator().ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
        {
            return new ChannelCommandResult(false, validation.Errors[0].ErrorMessage);
        }

        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        if (channel is null)
        {
            return ChannelCommandResult.NotFound;
        }

        // Not yet the channel's token: a refusal here must not count against the channel.
        var token = model.AccessToken.Trim();
        var candidate = new GraphConnection(channel.GraphBaseUrl, channel.GraphVersion, token);
        var check = await graph.CheckTokenAsync(candidate, cancellationToken);
        if (!check.Succeeded)
        {
            return new ChannelCommandResult(false, check.Error!.Code == GraphClient.TokenRefusedCode
                ? "Meta does not accept this token (expired, revoked or mistyped). Generate a new one in Business Settings → Users → System users and paste it again."
                : check.Error.ForUser);
        }

        if (!check.Value!.IsValid)
        {
            return new ChannelCommandResult(false, "Meta says this token is not valid (expired or revoked). Generate a new one in Business Settings → Users → System users and paste it again.");
        }

        if (MissingAccess(check.Value, channel.WabaId) is { } missing)
        {
            return new ChannelCommandResult(false, missing);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Channels.Where(c => c.Id == channelId).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.AccessTokenProtected, secrets.Protect(token)).SetProperty(c => c.UpdatedAt, time.GetUtcNow()),
                cancellationToken);
        }

        LogTokenReplaced(channelId);
        events.Publish(new ChannelUpdated(channelId, ConfigurationChanged: true));
        var outcome = await health.CheckAsync(channelId, cancellationToken);
        return outcome == ChannelCheckOutcome.Passed
            ? ChannelCommandResult.Ok
            : new ChannelCommandResult(true, Warning: "The token is saved, but the channel is still not working: see the reason on this page.");
    }

    public async Task<ChannelCommandResult> ResubscribeAsync(string channelId, CancellationToken cancellationToken = default)
    {
        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        if (channel is null)
        {
            return ChannelCommandResult.NotFound;
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            return new ChannelCommandResult(false, "The channel's access token cannot be read (the key ring changed): replace the token first.");
        }

        var subscribed = await graph.SubscribeAppAsync(connection, channel.WabaId, cancellationToken);
        if (!subscribed.Succeeded)
        {
            return new ChannelCommandResult(false, subscribed.Error!.ForUser);
        }

        LogResubscribed(channelId);
        var outcome = await health.CheckAsync(channelId, cancellationToken);
        return outcome == ChannelCheckOutcome.Passed
            ? ChannelCommandResult.Ok
            : new ChannelCommandResult(true, Warning: "The app is subscribed again, but the channel is still not working: see the reason on this page.");
    }

    /// <summary>The token must reach this account for both WhatsApp permissions (reference §1.1, as Chatwoot checks it).</summary>
    private static string? MissingAccess(DebugTokenData token, string wabaId)
    {
        foreach (var scope in (string[])["whatsapp_business_management", "whatsapp_business_messaging"])
        {
            var granted = token.GranularScopes?.FirstOrDefault(g => g.Scope == scope);
            if (granted is null && token.Scopes?.Contains(scope) != true)
            {
                return $"This token lacks the {scope} permission. Generate it again with whatsapp_business_messaging and whatsapp_business_management ticked.";
            }

            if (granted?.TargetIds is { } targets && !targets.Contains(wabaId))
            {
                return $"This token has no access to the WhatsApp Business Account {wabaId} ({scope}). Assign the account to the system user in Business Settings → Users → System users → Assign assets, then generate the token again.";
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: access token replaced")]
    private partial void LogTokenReplaced(string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: app subscribed to the account again")]
    private partial void LogResubscribed(string channelId);
}
