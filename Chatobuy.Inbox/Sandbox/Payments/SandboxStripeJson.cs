using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>Stripe's shapes (commerce reference §5.3, §5.7, §5.10): the Checkout Session, the PaymentIntent, the event and the error.</summary>
public static class SandboxStripeJson
{
    /// <summary>The API version the emulated endpoint was created with: the one the inbox's Stripe.net is pinned to.</summary>
    public static string ApiVersion => global::Stripe.StripeConfiguration.ApiVersion;

    public static JsonObject Session(SandboxCheckout checkout) => new()
    {
        ["id"] = checkout.Id,
        ["object"] = "checkout.session",
        ["url"] = checkout.Status == "open" ? checkout.PageUrl : null,
        ["status"] = checkout.Status,
        ["payment_status"] = checkout.PaymentStatus,
        ["mode"] = "payment",
        ["currency"] = checkout.Currency,
        ["amount_subtotal"] = checkout.AmountTotal,
        ["amount_total"] = checkout.AmountTotal,
        ["expires_at"] = checkout.ExpiresAt.ToUnixTimeSeconds(),
        ["created"] = checkout.Created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["metadata"] = Map(checkout.Metadata),
        ["client_reference_id"] = checkout.ClientReferenceId,
        ["payment_intent"] = checkout.PaymentIntentId,
        ["payment_link"] = null,
        ["customer_details"] = null,
        ["success_url"] = checkout.SuccessUrl,
        ["cancel_url"] = checkout.CancelUrl,
    };

    /// <summary>The PaymentIntent of a declined attempt: its own metadata (from <c>payment_intent_data[metadata]</c>) and the card error.</summary>
    public static JsonObject DeclinedIntent(SandboxCheckout checkout) => new()
    {
        ["id"] = checkout.PaymentIntentId,
        ["object"] = "payment_intent",
        ["amount"] = checkout.AmountTotal,
        ["currency"] = checkout.Currency,
        ["status"] = "requires_payment_method",
        ["livemode"] = false,
        ["metadata"] = Map(checkout.PaymentIntentMetadata),
        ["last_payment_error"] = new JsonObject
        {
            ["type"] = "card_error",
            ["code"] = "card_declined",
            ["decline_code"] = "generic_decline",
            ["message"] = "Your card was declined.",
        },
    };

    public static JsonObject Event(string id, string type, JsonObject dataObject, DateTimeOffset created) => new()
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["data"] = new JsonObject { ["object"] = dataObject },
    };

    public static JsonObject Error(string type, string message, string? code = null, string? param = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{code.Replace('_', '-')}";
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        return new JsonObject { ["error"] = error };
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }
}
