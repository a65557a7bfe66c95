namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>How a WhatsApp Business Account relates to the Sandbox business.</summary>
public enum SandboxOwnership
{
    /// <summary>Listed under <c>owned_whatsapp_business_accounts</c>.</summary>
    Owned,

    /// <summary>Shared with the business; listed under <c>client_whatsapp_business_accounts</c>.</summary>
    Client,
}

/// <summary>A seeded WhatsApp Business Account.</summary>
public sealed record SandboxWaba(
    string Id,
    string Name,
    string Currency,
    string TimezoneId,
    string MessageTemplateNamespace,
    SandboxOwnership Ownership);

/// <summary>A seeded business phone number.</summary>
public sealed record SandboxPhoneNumber(
    string Id,
    string WabaId,
    string DisplayPhoneNumber,
    string VerifiedName,
    string QualityRating,
    string CodeVerificationStatus,
    string NameStatus,
    string Status,
    string PlatformType,
    string ThroughputLevel);

/// <summary>Where webhooks go instead of the app's callback, and the token the handshake used.</summary>
public sealed record SandboxWebhookOverride(string CallbackUri, string VerifyToken);

/// <summary>The Sandbox app subscribed to a WABA, optionally with an alternate callback.</summary>
public sealed record SandboxSubscription(DateTimeOffset SubscribedAt, SandboxWebhookOverride? Override);

/// <summary>Which setup call the emulator recorded.</summary>
public enum SandboxCallKind
{
    Subscribe,
    Unsubscribe,
    PhoneWebhookSet,
    PhoneWebhookCleared,
}

/// <summary>One recorded setup call, for tests and the Sandbox page. Never holds a token.</summary>
public sealed record SandboxCallRecord(DateTimeOffset At, SandboxCallKind Kind, string ObjectId, string? OverrideCallbackUri);

/// <summary>The app-level webhook callback (null for none) and the delivery switches of the Sandbox page.</summary>
public sealed record SandboxDeliverySettings(string? AppCallbackUrl, int BatchSize, bool DuplicateDelivery, bool OutOfOrder);
