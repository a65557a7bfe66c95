using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// A Yedpay-shaped subset at <c>/sandbox/yedpay</c> (commerce reference §8.2): <c>POST /v1/online-payment</c>
/// (form-encoded, <c>Authorization: API-KEY …</c>, validated like Yedpay, replying <c>data.checkout_url</c>) and
/// <c>GET /v1/online-payment/query?custom_id=</c>. Only the Sandbox's API key is accepted. Notifications go to the
/// request's <c>notify_url</c> (any port: Yedpay itself calls only 80 and 443).
/// </summary>
public static partial class SandboxYedpayEndpoints
{
    public const string Prefix = "/sandbox/yedpay";

    public static void Map(IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Prefix + "/v1")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription()
            .AddEndpointFilter(AuthorizeAsync);
        v1.MapPost("/online-payment", CreateAsync);
        v1.MapGet("/online-payment/query", (string? custom_id, SandboxPayments payments) =>
            custom_id is not null && payments.ByCustomId(custom_id) is { } checkout
                ? Answer(200, new JsonObject { ["success"] = true, ["data"] = Transaction(checkout) })
                : Answer(404, new JsonObject { ["success"] = false, ["message"] = "Transaction not found.", ["status"] = 404 }));
    }

    private static async ValueTask<object?> AuthorizeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("API-KEY ", StringComparison.Ordinal) ? header["API-KEY ".Length..].Trim() : "";
        var expected = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.Payments.YedpayApiKey;
        return key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected))
            ? await next(context)
            : Answer(401, new JsonObject { ["success"] = false, ["message"] = "Unauthenticated.", ["status"] = 401 });
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SandboxPayments payments, TimeProvider time)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string Field(string name) => form[name].ToString();
        var errors = new JsonObject();
        if (Field("currency") != "HKD")
        {
            errors["currency"] = new JsonArray("The selected currency is invalid.");
        }

        if (!decimal.TryParse(Field("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            errors["amount"] = new JsonArray("The amount must be a number greater than 0 with at most 2 decimal places.");
        }

        var customId = Field("custom_id");
        if (!CustomIdPattern().IsMatch(customId))
        {
            errors["custom_id"] = new JsonArray("The custom id may only contain letters, numbers, dashes and underscores, up to 36 characters.");
        }

        foreach (var url in new[] { "notify_url", "return_url" })
        {
            if (Field(url).Length > 255)
            {
                errors[url] = new JsonArray($"The {url.Replace('_', ' ')} may not be greater than 255 characters.");
            }
        }

        var expiry = 10_800;
        if (Field("expiry_time") is { Length: > 0 } expiryText
            && (!int.TryParse(expiryText, NumberStyles.None, CultureInfo.InvariantCulture, out expiry) || expiry is < 900 or > 10_800))
        {
            errors["expiry_time"] = new JsonArray("The expiry time must be between 900 and 10800.");
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var now = time.GetUtcNow();
        var origin = $"{request.Scheme}://{request.Host}";
        var id = "YP" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14);
        var checkout = new SandboxCheckout
        {
            Id = id,
            Partner = SandboxCheckoutPartner.Yedpay,
            Currency = "HKD",
            MinorFactor = 100,
            Lines = [new SandboxCheckoutLine(Field("subject") is { Length: > 0 } subject ? subject : $"Payment {customId}", 1, (long)(amount * 100))],
            Metadata = new Dictionary<string, string>(),
            CustomId = customId,
            Subject = Field("subject") is { Length: > 0 } s ? s : null,
            NotifyUrl = Field("notify_url") is { Length: > 0 } notify ? notify : null,
            SuccessUrl = Field("return_url") is { Length: > 0 } back ? back : null,
            PageUrl = $"{origin}{SandboxCheckoutEndpoints.PagePath}/{id}",
            Created = now,
            ExpiresAt = now.AddSeconds(expiry),
            Status = "pending",
        };
        if (!payments.TryAdd(checkout))
        {
            return Invalid(new JsonObject { ["custom_id"] = new JsonArray("The custom id has already been taken.") });
        }

        var data = Transaction(checkout);
        data["checkout_url"] = checkout.PageUrl;
        return Answer(200, new JsonObject { ["success"] = true, ["data"] = data });
    }

    private static JsonObject Transaction(SandboxCheckout checkout) => new()
    {
        ["id"] = checkout.Id,
        ["custom_id"] = checkout.CustomId,
        ["status"] = checkout.Status,
        ["amount"] = ((decimal)checkout.AmountTotal / 100).ToString("0.00", CultureInfo.InvariantCulture),
        ["currency"] = checkout.Currency,
        ["gateway_code"] = checkout.PaidAt is null ? null : "12_1",
        ["paid_at"] = checkout.PaidAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["expired_at"] = checkout.ExpiresAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    private static IResult Invalid(JsonObject errors) =>
        Answer(422, new JsonObject { ["success"] = false, ["message"] = "The given data was invalid.", ["status"] = 422, ["errors"] = errors });

    private static IResult Answer(int status, JsonObject json) =>
        Results.Content(json.ToJsonString(), "application/json", Encoding.UTF8, status);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,36}$")]
    private static partial Regex CustomIdPattern();
}
