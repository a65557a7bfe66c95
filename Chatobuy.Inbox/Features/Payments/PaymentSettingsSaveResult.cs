namespace Chatobuy.Inbox.Features.Payments;

/// <summary>The saved settings as the form shows them next (credentials masked), or the errors by field.</summary>
public sealed record PaymentSettingsSaveResult(PaymentSettingsModel? Saved, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Saved is not null;
}
