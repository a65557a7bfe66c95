using System.Security.Cryptography;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Loads and saves a channel's payment settings for Store Settings → Payment: credentials are encrypted per mode,
/// never sent back to the browser (only their last four characters), and an empty field keeps the stored value.
/// </summary>
public sealed partial class PaymentSettingsService(
    IDbContextFactory<InboxDbContext> dbFactory,
    PaymentCredentials credentials,
    IEnumerable<IPaymentConnectionCheck> checks,
    IOptions<InboxOptions> inbox,
    TimeProvider time,
    ILogger<PaymentSettingsService> logger)
{
    private static readonly PaymentSettingsValidator Validator = new();

    /// <summary>The channel's settings for the form; the defaults when none are saved; null when there is no such channel.</summary>
    public async Task<PaymentSettingsModel?> LoadAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            return null;
        }

        var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        return settings is null ? new PaymentSettingsModel() : ToModel(settings);
    }

    /// <summary>Validates and saves; the stored credentials of each mode are kept where a field was left empty.</summary>
    public async Task<PaymentSettingsSaveResult> SaveAsync(string channelId, PaymentSettingsModel model, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            return new(null, new Dictionary<string, string> { [""] = "This channel no longer exists." });
        }

        var settings = await db.PaymentSettings.FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        var stored = settings is null ? new PaymentSettingsModel() : ToModel(settings);
        model.Saved = stored.Saved;
        var validation = await Validator.ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
        {
            return new(null, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }

        if (settings is null)
        {
            settings = new PaymentSettings { ChannelId = channelId };
            db.PaymentSettings.Add(settings);
        }

        settings.Partner = model.Partner;
        settings.Currency = model.Currency;
        settings.LiveMode = model.LiveMode;
        settings.TestCredentialsProtected = Merge(settings.TestCredentialsProtected, model.EnteredFor(live: false));
        settings.LiveCredentialsProtected = Merge(settings.LiveCredentialsProtected, model.EnteredFor(live: true));
        settings.CustomLinkTemplate = string.IsNullOrWhiteSpace(model.CustomLinkTemplate) ? null : model.CustomLinkTemplate.Trim();
        settings.LinkMessage = model.LinkMessage.Trim();
        settings.SuccessMessage = model.SuccessMessage.Trim();
        settings.FailedMessage = model.FailedMessage.Trim();
        settings.ReminderMessage = model.ReminderMessage.Trim();
        settings.ReminderDelayMinutes = model.ReminderDelayMinutes;
        settings.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        LogSaved(channelId, settings.Partner, settings.LiveMode);
        return new(ToModel(settings), new Dictionary<string, string>());
    }

    /// <summary>Checks the current mode's credentials (what is typed, else what is stored) against the chosen partner.</summary>
    public async Task<PaymentConnectionResult> TestConnectionAsync(string channelId, PaymentSettingsModel model, CancellationToken cancellationToken)
    {
        if (model.Partner == PaymentPartnerKind.CustomLink)
        {
            return CustomLinkPartner.IsValidTemplate(model.CustomLinkTemplate)
                ? PaymentConnectionResult.Good("A custom link calls no partner, so there is nothing to connect to: the template makes a valid address. Mark its orders paid from the order or through the API.")
                : PaymentConnectionResult.Bad("Enter a full http(s) address as the custom link's template first.");
        }

        if (checks.FirstOrDefault(c => c.Kind == model.Partner) is not { } check)
        {
            return PaymentConnectionResult.Bad("Choose a payment partner first.");
        }

        var fields = new Dictionary<string, string>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
            try
            {
                foreach (var (key, value) in credentials.Unprotect(model.LiveMode ? settings?.LiveCredentialsProtected : settings?.TestCredentialsProtected))
                {
                    fields[key] = value;
                }
            }
            catch (CryptographicException)
            {
                // Unreadable after a key-ring change: only what is typed now can be tested.
            }
        }

        foreach (var (key, value) in model.EnteredFor(model.LiveMode))
        {
            fields[key] = value;
        }

        return await check.TestAsync(channelId, model.LiveMode, fields, cancellationToken);
    }

    /// <summary>The URL to paste into the partner's dashboard for this channel.</summary>
    public string WebhookUrl(string channelId, PaymentPartnerKind partner, string currentBaseUri)
    {
        var configured = inbox.Value.PublicBaseUrl;
        return PaymentTargets.WebhookUrl(string.IsNullOrWhiteSpace(configured) ? currentBaseUri : configured, partner, channelId);
    }

    private PaymentSettingsModel ToModel(PaymentSettings settings)
    {
        var model = new PaymentSettingsModel
        {
            Partner = settings.Partner,
            Currency = settings.Currency,
            LiveMode = settings.LiveMode,
            CustomLinkTemplate = settings.CustomLinkTemplate,
            LinkMessage = settings.LinkMessage,
            SuccessMessage = settings.SuccessMessage,
            FailedMessage = settings.FailedMessage,
            ReminderMessage = settings.ReminderMessage,
            ReminderDelayMinutes = settings.ReminderDelayMinutes,
        };
        foreach (var (live, stored) in new[] { (false, settings.TestCredentialsProtected), (true, settings.LiveCredentialsProtected) })
        {
            try
            {
                foreach (var (key, value) in credentials.Unprotect(stored))
                {
                    model.Saved[PaymentSettingsModel.FieldId(live, key)] = ChannelSecrets.Mask(value);
                }
            }
            catch (CryptographicException)
            {
                LogUnreadable(settings.ChannelId);
            }
        }

        return model;
    }

    private string? Merge(string? stored, Dictionary<string, string> entered)
    {
        if (entered.Count == 0)
        {
            return stored;
        }

        Dictionary<string, string> fields;
        try
        {
            fields = new Dictionary<string, string>(credentials.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            fields = [];
        }

        foreach (var (key, value) in entered)
        {
            fields[key] = value;
        }

        return credentials.Protect(fields);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment settings of channel {ChannelId} saved: {Partner}, live mode {LiveMode}")]
    private partial void LogSaved(string channelId, PaymentPartnerKind partner, bool liveMode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment credentials of channel {ChannelId} can no longer be read (the encryption keys changed): they must be entered again")]
    private partial void LogUnreadable(string channelId);
}
