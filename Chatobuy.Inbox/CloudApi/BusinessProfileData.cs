namespace Chatobuy.Inbox.CloudApi;

/// <summary>Reference §6.1. <c>vertical</c> may be <c>UNDEFINED</c> or <c>NOT_A_BIZ</c> on a number that never set one.</summary>
public sealed record BusinessProfileData(
    string? About,
    string? Address,
    string? Description,
    string? Email,
    string? ProfilePictureUrl,
    IReadOnlyList<string>? Websites,
    string? Vertical,
    string? MessagingProduct);
