using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Where a channel's payment calls go: the partners themselves, or, for a channel connected to the built-in Sandbox,
/// the Sandbox's payment emulator, which this app serves itself and reaches over HTTP like the real partner. Also
/// the addresses the partners notify.
/// </summary>
public sealed class PaymentTargets(IDbContextFactory<InboxDbContext> dbFactory, GraphTargets graph, IOptions<PaymentsOptions> options)
{
    /// <summary>The Sandbox's Stripe-shaped API root (Stripe.net adds <c>/v1/…</c>).</summary>
    public const string SandboxStripePath = "/sandbox/stripe";

    /// <summary>The Sandbox's Yedpay-shaped API root.</summary>
    public const string SandboxYedpayPath = "/sandbox/yedpay";

    public const string StripeWebhookPath = "/webhooks/stripe";

    public const string YedpayWebhookPath = "/webhooks/yedpay";

    /// <summary>Whether the channel is connected to the built-in Sandbox (its payments then go to the Sandbox's emulator).</summary>
    public async Task<bool> IsSandboxAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var graphBase = await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.GraphBaseUrl).FirstOrDefaultAsync(cancellationToken);
        return graphBase is not null && graph.SandboxAvailable && graph.IsSandbox(graphBase);
    }

    public async Task<string> StripeApiBaseAsync(string channelId, CancellationToken cancellationToken) =>
        await IsSandboxAsync(channelId, cancellationToken)
            ? graph.LocalBaseUrl + SandboxStripePath
            : options.Value.StripeApiBase.TrimEnd('/');

    public async Task<string> YedpayApiBaseAsync(string channelId, bool liveMode, CancellationToken cancellationToken) =>
        await IsSandboxAsync(channelId, cancellationToken)
            ? graph.LocalBaseUrl + SandboxYedpayPath
            : (liveMode ? options.Value.YedpayLiveApiBase : options.Value.YedpayTestApiBase).TrimEnd('/');

    /// <summary>The URL to paste into the partner's dashboard (Stripe) or that the inbox sends with each link (Yedpay).</summary>
    public static string WebhookUrl(string publicBaseUrl, PaymentPartnerKind partner, string channelId) => partner switch
    {
        PaymentPartnerKind.Stripe => $"{publicBaseUrl.TrimEnd('/')}{StripeWebhookPath}/{channelId}",
        PaymentPartnerKind.Yedpay => $"{publicBaseUrl.TrimEnd('/')}{YedpayWebhookPath}/{channelId}",
        _ => "",
    };

    /// <summary>The page a customer comes back to after paying or cancelling.</summary>
    public static string ReturnUrl(string publicBaseUrl, string orderNumber, string result) =>
        $"{publicBaseUrl.TrimEnd('/')}{PaymentReturnPage.Path}?order={Uri.EscapeDataString(orderNumber)}&result={result}";

    /// <summary>The public address this inbox is reached on: the configured one, else <paramref name="currentBaseUri"/>.</summary>
    public string PublicBaseUrl(string currentBaseUri) => graph.PublicBaseUrl(currentBaseUri);
}
