using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// A Stripe-shaped subset at <c>/sandbox/stripe</c> (the Stripe.net <c>ApiBase</c> of a Sandbox channel; commerce
/// reference §8.1): <c>POST /v1/checkout/sessions</c> (validated like Stripe, replayed by <c>Idempotency-Key</c>),
/// <c>GET /v1/checkout/sessions/{id}</c>, <c>POST /v1/checkout/sessions/{id}/expire</c>, and <c>GET /v1/balance</c> /
/// <c>GET /v1/account</c> for Test connection. Only the Sandbox's test secret key is accepted; anything else gets
/// Stripe's 401. Each session's events go to the Stripe webhook URL of the channel named in its metadata, on the inbox
/// that made it, as if that URL were the endpoint registered in Stripe's dashboard.
/// </summary>
public static partial class SandboxStripeEndpoints
{
    public const string Prefix = "/sandbox/stripe";

    /// <summary>Where a channel's Stripe events go on the inbox (the inbox's own route, named here by its path only).</summary>
    public const string WebhookPath = "/webhooks/stripe/";

    public static void Map(IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Prefix + "/v1")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription()
            .AddEndpointFilter(AuthorizeAsync);
        v1.MapPost("/checkout/sessions", CreateAsync);
        v1.MapGet("/checkout/sessions/{id}", (string id, SandboxPayments payments) =>
            payments.Get(id) is { Partner: SandboxCheckoutPartner.Stripe } checkout ? Answer(200, SandboxStripeJson.Session(checkout)) : NoSuchSession(id));
        v1.MapPost("/checkout/sessions/{id}/expire", ExpireAsync);
        v1.MapGet("/balance", () => Answer(200, Balance()));
        v1.MapGet("/account", () => Answer(200, new JsonObject
        {
            ["id"] = "acct_sandbox0chatobuy",
            ["object"] = "account",
            ["country"] = "HK",
            ["default_currency"] = "hkd",
            ["charges_enabled"] = true,
            ["payouts_enabled"] = true,
            ["business_profile"] = new JsonObject { ["name"] = "Chatobuy Sandbox Shop" },
        }));

        app.MapMethods(Prefix + "/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete], (string? rest) =>
                Answer(404, SandboxStripeJson.Error("invalid_request_error", $"Unrecognized request URL (/{rest}). The Sandbox emulates Checkout Sessions, the balance and the account only.")))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    /// <summary>Bearer auth as Stripe does it: 401 <c>invalid_request_error</c> for a missing or unknown key.</summary>
    private static async ValueTask<object?> AuthorizeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : "";
        var expected = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.Payments.StripeSecretKey;
        if (key.Length == 0)
        {
            return Answer(401, SandboxStripeJson.Error("invalid_request_error",
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected)))
        {
            var shown = key.Length > 8 ? $"{key[..8]}{new string('*', Math.Min(key.Length - 12, 20))}{key[^4..]}" : "****";
            return Answer(401, SandboxStripeJson.Error("invalid_request_error", $"Invalid API Key provided: {shown}", code: "api_key_invalid"));
        }

        return await next(context);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SandboxPayments payments, IOptions<SandboxOptions> options, TimeProvider time)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var bodyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")))));
        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 0 && payments.Replay(idempotencyKey) is { } stored)
        {
            return stored.BodyHash == bodyHash
                ? Results.Content(stored.Json, "application/json", Encoding.UTF8, stored.Status)
                : Answer(400, SandboxStripeJson.Error("idempotency_error",
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{idempotencyKey}' if you meant to execute a different request."));
        }

        var (status, json) = Create(form, request, payments, time.GetUtcNow());
        if (idempotencyKey.Length > 0)
        {
            payments.Remember(idempotencyKey, bodyHash, status, json.ToJsonString());
        }

        return Answer(status, json);
    }

    private static (int Status, JsonObject Json) Create(IFormCollection form, HttpRequest request, SandboxPayments payments, DateTimeOffset now)
    {
        static (int, JsonObject) Missing(string param) =>
            (400, SandboxStripeJson.Error("invalid_request_error", $"Missing required param: {param}.", "parameter_missing", param));
        static (int, JsonObject) Invalid(string param, string message) =>
            (400, SandboxStripeJson.Error("invalid_request_error", message, "parameter_invalid", param));

        var mode = form["mode"].ToString();
        if (mode.Length == 0)
        {
            return Missing("mode");
        }

        if (mode != "payment")
        {
            return Invalid("mode", $"Invalid mode: the Sandbox emulates payment mode only, not {mode}.");
        }

        var items = new SortedDictionary<int, Dictionary<string, string>>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var intentMetadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (LineItemKey().Match(key) is { Success: true } line)
            {
                var index = int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!items.TryGetValue(index, out var fields))
                {
                    items[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                fields[line.Groups[2].Value] = value.ToString();
            }
            else if (MetadataKey().Match(key) is { Success: true } meta)
            {
                metadata[meta.Groups[1].Value] = value.ToString();
            }
            else if (IntentMetadataKey().Match(key) is { Success: true } intentMeta)
            {
                intentMetadata[intentMeta.Groups[1].Value] = value.ToString();
            }
        }

        if (items.Count == 0)
        {
            return Missing("line_items");
        }

        if (items.Count > 100)
        {
            return Invalid("line_items", "You may only specify up to 100 line items in payment mode.");
        }

        string? currency = null;
        var lines = new List<SandboxCheckoutLine>();
        foreach (var (index, fields) in items)
        {
            var prefix = $"line_items[{index}]";
            if (fields.ContainsKey("price"))
            {
                return Invalid($"{prefix}[price]", "The Sandbox has no Prices: send price_data instead.");
            }

            var lineCurrency = fields.GetValueOrDefault("price_data][currency");
            if (string.IsNullOrEmpty(lineCurrency))
            {
                return Missing($"{prefix}[price_data][currency]");
            }

            if (!CurrencyPattern().IsMatch(lineCurrency))
            {
                return Invalid($"{prefix}[price_data][currency]", $"Invalid currency: {lineCurrency}. Stripe takes a three-letter ISO code in lower case.");
            }

            if (currency is not null && currency != lineCurrency)
            {
                return Invalid($"{prefix}[price_data][currency]", "All line items must have the same currency.");
            }

            currency = lineCurrency;
            if (!fields.TryGetValue("price_data][unit_amount", out var amountText))
            {
                return Missing($"{prefix}[price_data][unit_amount]");
            }

            if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var unitAmount))
            {
                return Invalid($"{prefix}[price_data][unit_amount]", $"Invalid non-negative integer: {amountText}");
            }

            if (!long.TryParse(fields.GetValueOrDefault("quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity < 1)
            {
                return Invalid($"{prefix}[quantity]", "Quantity must be a whole number of at least 1.");
            }

            var name = fields.GetValueOrDefault("price_data][product_data][name");
            if (string.IsNullOrWhiteSpace(name))
            {
                return Missing($"{prefix}[price_data][product_data][name]");
            }

            lines.Add(new SandboxCheckoutLine(name, quantity, unitAmount));
        }

        var successUrl = form["success_url"].ToString();
        if (successUrl.Length == 0)
        {
            return Missing("success_url");
        }

        var expiresAt = now.AddHours(24);
        if (form["expires_at"].ToString() is { Length: > 0 } expiresText)
        {
            if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            {
                return Invalid("expires_at", $"Invalid integer: {expiresText}");
            }

            expiresAt = DateTimeOffset.FromUnixTimeSeconds(unix);
            var seconds = (expiresAt - now).TotalSeconds;
            if (seconds < 1800 - 60)
            {
                return Invalid("expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
            }

            if (seconds > 86400 + 60)
            {
                return Invalid("expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
            }
        }

        foreach (var (source, param) in new[] { (metadata, "metadata"), (intentMetadata, "payment_intent_data[metadata]") })
        {
            if (source.Count > 50)
            {
                return Invalid(param, "Metadata can have up to 50 keys.");
            }

            if (source.FirstOrDefault(m => m.Key.Length > 40 || m.Value.Length > 500) is { Key: not null } tooLong)
            {
                return Invalid($"{param}[{tooLong.Key}]", "Metadata keys can be up to 40 characters and values up to 500 characters long.");
            }
        }

        var origin = $"{request.Scheme}://{request.Host}";
        var id = "cs_test_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 58);
        var checkout = new SandboxCheckout
        {
            Id = id,
            Partner = SandboxCheckoutPartner.Stripe,
            Currency = currency!,
            MinorFactor = SandboxCurrencies.MinorFactor(currency!),
            Lines = lines,
            Metadata = metadata,
            PaymentIntentMetadata = intentMetadata,
            ClientReferenceId = form["client_reference_id"].ToString() is { Length: > 0 } reference ? reference : null,
            SuccessUrl = successUrl,
            CancelUrl = form["cancel_url"].ToString() is { Length: > 0 } cancel ? cancel : null,
            NotifyUrl = metadata.TryGetValue("channel_id", out var channelId) && channelId.Length > 0
                ? origin + WebhookPath + Uri.EscapeDataString(channelId)
                : null,
            Subject = metadata.TryGetValue("order_number", out var number) ? $"Order {number}" : null,
            PageUrl = $"{origin}{SandboxCheckoutEndpoints.PagePath}/{id}",
            Created = now,
            ExpiresAt = expiresAt,
        };
        payments.TryAdd(checkout);
        return (200, SandboxStripeJson.Session(checkout));
    }

    private static async Task<IResult> ExpireAsync(string id, SandboxPayments payments, SandboxPaymentNotifier notifier, HttpContext context)
    {
        if (payments.Get(id) is not { Partner: SandboxCheckoutPartner.Stripe } checkout)
        {
            return NoSuchSession(id);
        }

        if (checkout.Status != "open")
        {
            return Answer(400, SandboxStripeJson.Error("invalid_request_error",
                $"Only Checkout Sessions with a status of open can be expired; this one is {checkout.Status}.", "checkout_session_not_open"));
        }

        await SandboxCheckoutEndpoints.ExpireAsync(checkout, payments, notifier, context.RequestAborted);
        return Answer(200, SandboxStripeJson.Session(checkout));
    }

    private static JsonObject Balance() => new()
    {
        ["object"] = "balance",
        ["available"] = new JsonArray(new JsonObject { ["amount"] = 0, ["currency"] = "hkd", ["source_types"] = new JsonObject { ["card"] = 0 } }),
        ["pending"] = new JsonArray(new JsonObject { ["amount"] = 0, ["currency"] = "hkd", ["source_types"] = new JsonObject { ["card"] = 0 } }),
        ["livemode"] = false,
    };

    private static IResult NoSuchSession(string id) =>
        Answer(404, SandboxStripeJson.Error("invalid_request_error", $"No such checkout.session: '{id}'", "resource_missing", "session"));

    private static IResult Answer(int status, JsonObject json) =>
        Results.Content(json.ToJsonString(), "application/json", Encoding.UTF8, status);

    [GeneratedRegex(@"^line_items\[([0-9]{1,3})\]\[(.+)\]$")]
    private static partial Regex LineItemKey();

    [GeneratedRegex(@"^metadata\[(.+)\]$")]
    private static partial Regex MetadataKey();

    [GeneratedRegex(@"^payment_intent_data\[metadata\]\[(.+)\]$")]
    private static partial Regex IntentMetadataKey();

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyPattern();
}
