using System.Net;
using Stripe;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>Stripe's refusals (commerce reference §5.10) in plain words, with what to do next.</summary>
public static class StripeErrors
{
    public const string KeyRefused =
        "Stripe refused the secret key: check it is a secret key (sk_test_… in test mode, sk_live_… in live mode) from Stripe's Dashboard → Developers → API keys, copied whole.";

    public static string Explain(StripeException exception)
    {
        var message = exception.StripeError?.Message ?? exception.Message;
        return exception.HttpStatusCode switch
        {
            HttpStatusCode.Unauthorized => KeyRefused,
            HttpStatusCode.Forbidden =>
                $"Stripe says this key may not do that ({message}). Use a secret key, or give the restricted key write access to Checkout Sessions in Developers → API keys.",
            HttpStatusCode.TooManyRequests => "Stripe is limiting requests right now. Try again in a minute.",
            HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.PaymentRequired =>
                $"Stripe refused the request: {message}",
            >= HttpStatusCode.InternalServerError => $"Stripe had a problem ({message}). Try again in a moment; if it persists, check status.stripe.com.",
            _ when exception.StripeError is null => $"Stripe could not be reached: {message}. Check the server's internet connection and try again.",
            _ => $"Stripe answered {(int)exception.HttpStatusCode}: {message}",
        };
    }

    /// <summary>Why a key cannot be used in <paramref name="liveMode"/>, judged by its prefix; null when it fits.</summary>
    public static string? WrongKindOfKey(string key, bool liveMode)
    {
        var test = key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal);
        var live = key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal);
        if (key.StartsWith("pk_", StringComparison.Ordinal))
        {
            return "This is a publishable key (pk_…): Stripe needs the secret key (sk_test_… or sk_live_…) from Developers → API keys.";
        }

        if (key.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return "This is a webhook signing secret (whsec_…): paste it under Webhook signing secret, and the secret key (sk_…) here.";
        }

        if (liveMode && test)
        {
            return "This is a test key (sk_test_…) but these are the live credentials: use the live secret key (sk_live_…).";
        }

        if (!liveMode && live)
        {
            return "This is a live key (sk_live_…) but these are the test credentials: use the test secret key (sk_test_…).";
        }

        return test || live ? null : "A Stripe secret key starts with sk_test_ or sk_live_ (or rk_ for a restricted key): copy it from Developers → API keys.";
    }
}
