using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>The words of every alert: what happened, in plain language, and the fix to apply.</summary>
public static class AlertTexts
{
    private const string Queued = "Messages agents send meanwhile wait in the queue; none is lost, and they go out once the channel is reconnected.";

    public static AlertText TokenRefused(Channel channel, GraphError? error) => new(
        $"Channel {channel.Title} disconnected: Meta refused the access token",
        $"Meta refused the access token of the channel {channel.Title} ({channel.DisplayPhoneNumber}): it expired or was revoked (Meta error 190{(error?.Subcode is { } subcode ? $"/{subcode}" : "")}). {Queued}",
        $"Replace the token: Channels → {channel.Title} → Replace token. Generate a new System User token in Meta Business Settings → Users → System users (pick the system user, Generate new token, choose the app) with the whatsapp_business_messaging and whatsapp_business_management permissions and no expiry, and paste it there. The inbox checks it with Meta before saving it.");

    public static AlertText TokenUnreadable(Channel channel) => new(
        $"Channel {channel.Title} disconnected: its access token cannot be read",
        $"The access token saved for the channel {channel.Title} can no longer be decrypted (the Data Protection key ring changed). {Queued}",
        $"Replace the token: Channels → {channel.Title} → Replace token, with a System User token from Meta Business Settings → Users → System users (permissions whatsapp_business_messaging and whatsapp_business_management).");

    public static AlertText Banned(Channel channel, string? state) => new(
        $"Channel {channel.Title} disconnected: Meta disabled the WhatsApp Business Account",
        $"Meta reports that the WhatsApp Business Account {channel.WabaName} ({channel.WabaId}) is banned{(state is null ? "" : $" ({state})")}: its numbers, including {channel.DisplayPhoneNumber}, cannot send. {Queued}",
        "Read the reason in WhatsApp Manager → Account tools → Account quality (Meta Business Suite) and request a review there if it is a mistake. The channel reconnects by itself once Meta reinstates the account (Meta's webhook, or the next scheduled check).");

    public static AlertText Restricted(Channel channel, string? details) => new(
        $"Channel {channel.Title} disconnected: Meta restricted the WhatsApp Business Account",
        $"Meta restricted the WhatsApp Business Account {channel.WabaName} ({channel.WabaId}){(details is null ? "" : $": {details}")}. Messages to customers would be refused. {Queued}",
        "See the restriction and its end date in WhatsApp Manager → Account tools → Account quality, fix the policy problem it names, and request a review if it is a mistake. The channel reconnects by itself once the restriction ends and the number is CONNECTED again (next scheduled check).");

    public static AlertText Deregistered(Channel channel, string accountEvent) => new(
        $"Channel {channel.Title} disconnected: the account left the Cloud API",
        $"Meta reports {accountEvent} for the WhatsApp Business Account {channel.WabaName} ({channel.WabaId}): the number {channel.DisplayPhoneNumber} is no longer served by the Cloud API. {Queued}",
        "Register the number again in WhatsApp Manager → Phone numbers (or with the partner that offboarded it). The channel reconnects by itself once Meta reports the number CONNECTED again (next scheduled check).");

    public static AlertText NumberStatus(Channel channel, string status) => new(
        $"Channel {channel.Title} disconnected: the number is {status}",
        $"Meta reports the status of {channel.DisplayPhoneNumber} as {status} instead of CONNECTED: it cannot send or receive. {Queued}",
        $"Open WhatsApp Manager → Phone numbers, select {channel.DisplayPhoneNumber} and do what Meta asks there (register it again, verify it, or wait for a review to end). The channel reconnects by itself at the next scheduled check once the number is CONNECTED.");

    public static AlertText SubscriptionGone(Channel channel) => new(
        $"Channel {channel.Title} disconnected: the app's webhook subscription is gone",
        $"The Meta app is no longer subscribed to the WhatsApp Business Account {channel.WabaName} ({channel.WabaId}), so Meta sends no webhooks: no customer messages and no delivery statuses reach the inbox. {Queued}",
        $"Re-subscribe: Channels → {channel.Title} → Re-subscribe (the inbox calls POST /{channel.WabaId}/subscribed_apps), then check the webhook checklist on the same page.");

    public static AlertText Silence(Channel channel, int minutes) => new(
        $"Channel {channel.Title} disconnected: no webhook from Meta for {minutes} minutes",
        $"Messages were sent on the channel {channel.Title}, but for {minutes} minutes no signed webhook from Meta has arrived, not even their delivery statuses: Meta's webhooks no longer reach the inbox. {Queued}",
        $"Check the webhook checklist on Channels → {channel.Title}: the callback URL must be reachable from the internet over HTTPS, Meta must sign with the App Secret saved on the channel, and the app must be subscribed to the account (Re-subscribe). The channel reconnects by itself as soon as a signed webhook arrives.");

    public static AlertText CheckFailed(Channel channel, GraphError error) => new(
        $"Channel {channel.Title} disconnected: Meta refused the health check",
        $"The scheduled check of the channel {channel.Title} with Meta failed: {error.Explanation} (Meta error {error.Code}{(error.Subcode is { } s ? $"/{s}" : "")}). {Queued}",
        error.NextStep);

    public static AlertText Reconnected(Channel channel, string how) => new(
        $"Channel {channel.Title} reconnected",
        $"The channel {channel.Title} ({channel.DisplayPhoneNumber}) works again: {how}. Messages that waited in the queue are going out now.",
        "Nothing. If it was disconnected for a reason you did not expect, look at the notices on Channels → " + channel.Title + ".");

    public static AlertText QualityChanged(Channel channel, string from, string to, bool down) => down
        ? new(
            $"Quality rating of {channel.Title} dropped from {from} to {to}",
            $"Meta lowered the quality rating of {channel.DisplayPhoneNumber} ({channel.Title}) from {from} to {to}: customers blocked or reported its messages recently.{(to == "RED" ? " A low rating can lower the number's messaging limit." : "")}",
            "See what customers report in WhatsApp Manager → Insights. Send marketing templates only to customers who asked for them, fewer of them, with an easy way to opt out; a rating recovers over about seven days of good messages.")
        : new(
            $"Quality rating of {channel.Title} rose from {from} to {to}",
            $"Meta raised the quality rating of {channel.DisplayPhoneNumber} ({channel.Title}) from {from} to {to}.",
            "Nothing.");

    public static AlertText MessagingLimitChanged(Channel channel, string from, string to) => new(
        $"Messaging limit of {channel.Title} changed from {Tier(from)} to {Tier(to)}",
        $"Meta changed the messaging limit of {channel.DisplayPhoneNumber} ({channel.Title}) from {Tier(from)} to {Tier(to)}: the number of customers it may start conversations with (templates) in 24 hours.",
        "If it went down, send fewer marketing templates and watch the quality rating; it goes up again by itself with good quality and volume. Replies inside the 24-hour window are not limited.");

    public static AlertText ThroughputChanged(Channel channel, string from, string to) => new(
        $"Throughput of {channel.Title} changed from {from} to {to}",
        $"Meta changed the throughput level of {channel.DisplayPhoneNumber} ({channel.Title}) from {from} to {to} (STANDARD is 80 messages per second, HIGH up to 1,000).",
        "If you set Messages per second on the channel (Channels → Edit), match it to the new level; otherwise nothing.");

    public static AlertText TemplateStopped(Channel channel, string name, string language, string status, string? reason) => new(
        $"Template {name} ({language}) {status.ToLowerInvariant()} by Meta",
        $"Meta {(status == "PAUSED" ? "paused" : "disabled")} the template {name} ({language}) of the account {channel.WabaName}{(string.IsNullOrWhiteSpace(reason) || reason == "NONE" ? "" : $" ({reason})")}: sending it is refused (Meta error {(status == "PAUSED" ? "132015" : "132016")}).",
        status == "PAUSED"
            ? "Customers gave it poor feedback. Edit it in Templates (clearer content, fewer sends), or wait: Meta lifts a pause after a few hours, the second pause after a day or more."
            : "Meta disabled it for repeated poor quality. Create a new template with different content in Templates and use that instead.");

    public static AlertText UsageAllowance(Channel channel, int percent, int messages, int allowance, string month) => percent >= 100
        ? new(
            $"{channel.Title} has used its free messages for {month}",
            $"The channel {channel.Title} ({channel.DisplayPhoneNumber}) has sent and received {messages:N0} messages in {month}: its allowance of {allowance:N0} is used up. Messages keep going out; Meta bills the billable ones to the WhatsApp Business Account.",
            "Check that the WhatsApp Business Account has a valid payment method (WhatsApp Manager → Payment settings). The Usage page shows what each channel used; raise Usage:MonthlyAllowance if your plan includes more.")
        : new(
            $"{channel.Title} has used {percent} % of its free messages for {month}",
            $"The channel {channel.Title} ({channel.DisplayPhoneNumber}) has sent and received {messages:N0} of its {allowance:N0} messages for {month}.",
            "Nothing is needed yet. Before the allowance runs out, check that the WhatsApp Business Account has a payment method (WhatsApp Manager → Payment settings).");

    public static AlertText ForwardingPaused(Channel channel, string url, int failures, string reason) => new(
        $"Forwarding of {channel.Title} paused: {url} is failing",
        $"The last {failures} deliveries of the channel {channel.Title} to its Webhook URL {url} failed ({reason}), so forwarding is paused. Events keep being stored and wait in the queue, in order; none is lost.",
        $"Fix the receiver at {url} (or the URL: Channels → {channel.Title} → Edit), then press Resume in Channels → {channel.Title} → Forwarding: what waited is sent in order. Send test event checks the receiver first.");

    /// <summary>TIER_1K → "1,000 customers a day"; anything else as Meta wrote it.</summary>
    public static string Tier(string tier) => tier switch
    {
        "TIER_50" => "50 customers a day",
        "TIER_250" => "250 customers a day",
        "TIER_1K" => "1,000 customers a day",
        "TIER_2K" => "2,000 customers a day",
        "TIER_10K" => "10,000 customers a day",
        "TIER_100K" => "100,000 customers a day",
        "TIER_UNLIMITED" => "unlimited",
        _ => tier,
    };
}
