using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// What the checkout page's buttons do (and scripts and tests, over HTTP): <c>POST /sandbox/checkout/{id}/pay</c>,
/// <c>/fail</c>, <c>/expire</c> and <c>/send-again</c>. Each moves the checkout as the partner would, sends its signed
/// notification, and redirects: to the shop's success or return page after paying, else back to the page.
/// </summary>
public static class SandboxCheckoutEndpoints
{
    /// <summary>The hosted checkout page a link opens.</summary>
    public const string PagePath = "/sandbox/pay";

    public const string ActionsPath = "/sandbox/checkout";

    public static void Map(IEndpointRouteBuilder app)
    {
        var actions = app.MapGroup(ActionsPath + "/{id}")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        actions.MapPost("/pay", PayAsync);
        actions.MapPost("/fail", FailAsync);
        actions.MapPost("/expire", async (string id, SandboxPayments payments, SandboxPaymentNotifier notifier, HttpContext context) =>
        {
            if (payments.Get(id) is not { } checkout)
            {
                return Results.NotFound();
            }

            if (checkout.IsOpen)
            {
                await ExpireAsync(checkout, payments, notifier, context.RequestAborted);
            }

            return Results.Redirect($"{PagePath}/{id}", permanent: false, preserveMethod: false);
        });
        actions.MapPost("/send-again", async (string id, SandboxPayments payments, SandboxPaymentNotifier notifier, HttpContext context) =>
        {
            if (payments.Get(id) is not { } checkout)
            {
                return Results.NotFound();
            }

            await notifier.SendAgainAsync(checkout, context.RequestAborted);
            return SeeOther($"{PagePath}/{id}");
        });
    }

    /// <summary>Expires an open checkout: Stripe's <c>checkout.session.expired</c>, or Yedpay's <c>cancelled</c> notification.</summary>
    public static async Task ExpireAsync(SandboxCheckout checkout, SandboxPayments payments, SandboxPaymentNotifier notifier, CancellationToken cancellationToken)
    {
        if (checkout.Partner == SandboxCheckoutPartner.Stripe)
        {
            checkout.Status = "expired";
            payments.Touch();
            await notifier.StripeEventAsync(checkout, "checkout.session.expired", SandboxStripeJson.Session(checkout), cancellationToken);
        }
        else
        {
            checkout.Status = "cancelled";
            payments.Touch();
            await notifier.YedpayAsync(checkout, cancellationToken);
        }
    }

    private static async Task<IResult> PayAsync(string id, SandboxPayments payments, SandboxPaymentNotifier notifier, IOptions<SandboxOptions> options, TimeProvider time, HttpContext context)
    {
        if (payments.Get(id) is not { } checkout)
        {
            return Results.NotFound();
        }

        if (!checkout.IsOpen)
        {
            return SeeOther($"{PagePath}/{id}");
        }

        checkout.PaidAt = time.GetUtcNow();
        if (checkout.Partner == SandboxCheckoutPartner.Stripe)
        {
            checkout.Status = "complete";
            checkout.PaymentStatus = "paid";
            checkout.PaymentIntentId ??= "pi_" + Token(24);
            payments.Touch();
            await notifier.StripeEventAsync(checkout, "checkout.session.completed", SandboxStripeJson.Session(checkout), context.RequestAborted);
            return SeeOther(checkout.SuccessUrl?.Replace("{CHECKOUT_SESSION_ID}", checkout.Id, StringComparison.Ordinal) ?? $"{PagePath}/{id}");
        }

        checkout.Status = "paid";
        checkout.TransactionId ??= RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        payments.Touch();
        await notifier.YedpayAsync(checkout, context.RequestAborted);
        return SeeOther(checkout.SuccessUrl is { } back ? YedpayReturn(back, checkout, options.Value.Payments.YedpaySignKey) : $"{PagePath}/{id}");
    }

    private static async Task<IResult> FailAsync(string id, SandboxPayments payments, SandboxPaymentNotifier notifier, TimeProvider time, HttpContext context)
    {
        if (payments.Get(id) is not { } checkout)
        {
            return Results.NotFound();
        }

        if (checkout.IsOpen)
        {
            if (checkout.Partner == SandboxCheckoutPartner.Stripe)
            {
                // A declined card: the PaymentIntent fails and the session stays open for another try.
                checkout.PaymentIntentId ??= "pi_" + Token(24);
                payments.Touch();
                await notifier.StripeEventAsync(checkout, "payment_intent.payment_failed", SandboxStripeJson.DeclinedIntent(checkout), context.RequestAborted);
            }
            else
            {
                checkout.Status = "failed";
                payments.Touch();
                await notifier.YedpayAsync(checkout, context.RequestAborted);
            }
        }

        return SeeOther($"{PagePath}/{id}");
    }

    /// <summary>Yedpay's browser redirect: the return URL with signed <c>status</c>, <c>custom_id</c> and <c>id</c> (reference §6.7).</summary>
    private static string YedpayReturn(string returnUrl, SandboxCheckout checkout, string signKey)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("status", checkout.Status),
            new("custom_id", checkout.CustomId ?? ""),
            new("id", checkout.Id),
            new("sign_type", "HMAC_SHA256"),
        };
        fields.Add(new("sign", SandboxYedpaySigner.Sign(fields, signKey)));
        var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return returnUrl + (returnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static IResult SeeOther(string location) => Results.Redirect(location, permanent: false, preserveMethod: false);

    private static string Token(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
