using Stripe;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Checks a <c>Stripe-Signature</c> header (<c>t=…,v1=…</c>) with Stripe.net's <see cref="EventUtility"/>: the HMAC-SHA256
/// of <c>"{t}.{raw body}"</c> keyed with the whole <c>whsec_…</c> string, any <c>v1</c> value matching in constant time,
/// and <c>t</c> at most 300 seconds from now (commerce reference §5.8). The event's <c>api_version</c> is not checked
/// here: Stripe sends the version the endpoint was created with, and the fields the inbox reads are the same on every
/// release train.
/// </summary>
public static class StripeWebhookSignature
{
    public const string Header = "Stripe-Signature";

    public const long ToleranceSeconds = 300;

    /// <summary>Null when the signature is good for one of <paramref name="secrets"/>; otherwise why not.</summary>
    public static string? Check(string payload, string? header, IEnumerable<string> secrets, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "The Stripe-Signature header is missing.";
        }

        string? why = "No webhook signing secret is saved for this channel.";
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            try
            {
                EventUtility.ValidateSignature(payload, header, secret, ToleranceSeconds, now.ToUnixTimeSeconds());
                return null;
            }
            catch (StripeException e)
            {
                why = e.Message;
            }
        }

        return why;
    }

    /// <summary>A header for <paramref name="payload"/> signed at <paramref name="at"/>, as Stripe sends it.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at) =>
        EventUtility.GenerateSignatureHeader(payload, secret, at.ToUnixTimeSeconds());
}
