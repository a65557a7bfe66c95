namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Store Settings → Payment as the form edits it. Credentials are only ever entered, never shown: an empty field keeps
/// what is stored, whose last four characters <see cref="Saved"/> holds for display.
/// </summary>
public sealed class PaymentSettingsModel
{
    public PaymentPartnerKind Partner { get; set; }

    public string Currency { get; set; } = "USD";

    public bool LiveMode { get; set; }

    /// <summary>What was typed into the credential fields, by <see cref="FieldId"/>; empty keeps the stored value.</summary>
    public Dictionary<string, string?> Entered { get; set; } = [];

    /// <summary>The stored credentials, masked, by <see cref="FieldId"/>.</summary>
    public Dictionary<string, string> Saved { get; set; } = [];

    public string? CustomLinkTemplate { get; set; }

    public string LinkMessage { get; set; } = PaymentSettings.DefaultLinkMessage;

    public string SuccessMessage { get; set; } = PaymentSettings.DefaultSuccessMessage;

    public string FailedMessage { get; set; } = PaymentSettings.DefaultFailedMessage;

    public string ReminderMessage { get; set; } = PaymentSettings.DefaultReminderMessage;

    public int ReminderDelayMinutes { get; set; } = 60;

    /// <summary>"test:secretKey", "live:signKey", …</summary>
    public static string FieldId(bool live, string key) => $"{(live ? "live" : "test")}:{key}";

    public string? EnteredValue(bool live, string key) =>
        Entered.TryGetValue(FieldId(live, key), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool IsSaved(bool live, string key) => Saved.ContainsKey(FieldId(live, key));

    /// <summary>The entered fields of one mode, by the partner's own names.</summary>
    public Dictionary<string, string> EnteredFor(bool live) =>
        PaymentCredentialField.All
            .Select(f => (f.Key, Value: EnteredValue(live, f.Key)))
            .Where(f => f.Value is not null)
            .ToDictionary(f => f.Key, f => f.Value!);
}
