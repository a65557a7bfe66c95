namespace Chatobuy.Inbox.Features.Payments;

/// <summary>A link the customer pays on, with the partner's reference for it; or why none was made.</summary>
public sealed record PaymentLinkResult(string? Url, string? Reference, string? Error)
{
    public bool Succeeded => Error is null;

    public static PaymentLinkResult Made(string url, string? reference) => new(url, reference, null);

    public static PaymentLinkResult Refused(string error) => new(null, null, error);
}
