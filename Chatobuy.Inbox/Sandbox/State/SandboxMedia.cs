namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>An uploaded media file of the emulator (the business's, or the customer's).</summary>
public sealed record SandboxMedia(
    string Id,
    string MimeType,
    string Sha256,
    long FileSize,
    string? FileName,
    string? PhoneNumberId,
    DateTimeOffset UploadedAt);
