using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// The channel wizard's work: check the token, fetch the business's WhatsApp accounts and numbers, then
/// subscribe the app, store the channel and point the number's webhooks at it. Nothing is stored on failure.
/// </summary>
public sealed class ChannelSetupService(
    GraphClient graph,
    GraphTargets targets,
    ChannelSecrets secrets,
    ChannelDirectory directory,
    InboxEvents events,
    IDbContextFactory<InboxDbContext> dbFactory,
    TimeProvider time,
    ILogger<ChannelSetupService> logger)
{
    public GraphConnection ConnectionFor(ConnectChannelModel model) => new(
        model.Target == GraphTarget.Sandbox ? targets.SandboxBaseUrl : targets.MetaBaseUrl,
        model.GraphVersion.Trim(),
        model.AccessToken.Trim());

    public async Task<FetchNumbersResult> FetchNumbersAsync(ConnectChannelModel model, CancellationToken cancellationToken)
    {
        var connection = ConnectionFor(model);
        var token = await graph.CheckTokenAsync(connection, cancellationToken);
        if (!token.Succeeded)
        {
            return FetchNumbersResult.Fail(token.Error!.ForUser);
        }

        if (!token.Value!.IsValid)
        {
            return FetchNumbersResult.Fail("Meta says this access token is not valid (expired or revoked). Generate a new System User token and paste it here.");
        }

        var wabas = await graph.ListWabasAsync(connection, model.BusinessId.Trim(), cancellationToken);
        if (!wabas.Succeeded)
        {
            return FetchNumbersResult.Fail(wabas.Error!.ForUser);
        }

        if (wabas.Value!.Count == 0)
        {
            return FetchNumbersResult.Fail("This business has no WhatsApp Business Accounts that the token can see. Add a phone number in Meta's WhatsApp set-up, or give the system user the WhatsApp account as an asset.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connected = await db.Channels.AsNoTracking()
            .Select(c => new { c.PhoneNumberId, c.Title })
            .ToDictionaryAsync(c => c.PhoneNumberId, c => c.Title, cancellationToken);

        var accounts = new List<AccountOption>();
        foreach (var waba in wabas.Value)
        {
            var numbers = await graph.ListPhoneNumbersAsync(connection, waba.Id, cancellationToken);
            if (!numbers.Succeeded)
            {
                return FetchNumbersResult.Fail(numbers.Error!.ForUser);
            }

            accounts.Add(new AccountOption(
                waba.Id,
                waba.Name ?? waba.Id,
                numbers.Value!.Select(n => new NumberOption(
                    n.Id,
                    n.DisplayPhoneNumber ?? n.Id,
                    n.VerifiedName ?? "",
                    n.QualityRating,
                    n.CodeVerificationStatus,
                    n.Status,
                    connected.GetValueOrDefault(n.Id))).ToList()));
        }

        return new FetchNumbersResult(accounts, null);
    }

    /// <param name="publicBaseUrl">Where Meta reaches this inbox; the webhook URL is built on it.</param>
    public async Task<FinishResult> FinishAsync(
        ConnectChannelModel model,
        AccountOption account,
        NumberOption number,
        string publicBaseUrl,
        CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.PhoneNumberId == number.PhoneNumberId, cancellationToken);
            if (existing is not null)
            {
                return FinishResult.Fail($"{number.DisplayPhoneNumber} is already connected to the channel \"{existing.Title}\". Pick another number, or delete that channel first.");
            }
        }

        var connection = ConnectionFor(model);
        var subscribed = await graph.SubscribeAppAsync(connection, account.WabaId, cancellationToken);
        if (!subscribed.Succeeded)
        {
            return FinishResult.Fail($"Could not subscribe the app to the WhatsApp Business Account: {subscribed.Error!.ForUser}");
        }

        var now = time.GetUtcNow();
        var channel = new Channel
        {
            Title = model.Title.Trim(),
            GraphBaseUrl = connection.BaseUrl,
            GraphVersion = connection.Version,
            BusinessId = model.BusinessId.Trim(),
            WabaId = account.WabaId,
            WabaName = account.Name,
            PhoneNumberId = number.PhoneNumberId,
            DisplayPhoneNumber = number.DisplayPhoneNumber,
            VerifiedName = number.VerifiedName,
            QualityRating = number.QualityRating,
            CodeVerificationStatus = number.CodeVerificationStatus,
            AccessTokenProtected = secrets.Protect(connection.AccessToken),
            AppSecretProtected = secrets.Protect(model.AppSecret.Trim()),
            VerifyToken = NewVerifyToken(),
            Status = ChannelStatus.Connected,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel.IsDefault = !await db.Channels.AnyAsync(c => c.IsDefault, cancellationToken);
            db.Channels.Add(channel);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return FinishResult.Fail($"{number.DisplayPhoneNumber} was connected to another channel a moment ago. Reload the Channels page.");
            }
        }

        logger.LogInformation("Channel {ChannelId} connected for phone number id {PhoneNumberId}", channel.Id, channel.PhoneNumberId);

        // Point this number's webhooks at the channel. Meta verifies the URL first, which needs the stored channel.
        var callbackUrl = WebhookUrl(publicBaseUrl, channel.Id);
        var webhook = await graph.SetWebhookOverrideAsync(connection, channel.PhoneNumberId, callbackUrl, channel.VerifyToken, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.Channels.SingleAsync(c => c.Id == channel.Id, cancellationToken);
            stored.WebhookOverrideUrl = webhook.Succeeded ? callbackUrl : null;
            stored.WebhookOverrideError = webhook.Succeeded ? null : webhook.Error!.ForUser;
            stored.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            channel = stored;
        }

        directory.Invalidate(channel.Id);
        events.Publish(new ChannelUpdated(channel.Id, ConfigurationChanged: true));
        return new FinishResult(channel, null, channel.WebhookOverrideError);
    }

    public static string WebhookUrl(string publicBaseUrl, string channelId) =>
        $"{publicBaseUrl.TrimEnd('/')}/webhooks/whatsapp/{channelId}";

    private static string NewVerifyToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
