namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// A channel as integrators see it. Deliberately without the access token, App Secret or verify token.
/// <c>WebhookUrl</c> is where Meta calls the inbox; <c>ForwardingWebhookUrl</c> is where the inbox forwards the
/// channel's events. <c>AssignmentMode</c> is <c>none</c>, <c>round_robin</c> or <c>first_replier</c>;
/// <c>AssignmentLimit</c> the most open conversations round robin gives an agent (null: no limit).
/// </summary>
public sealed record ChannelDto(
    string Id,
    string Title,
    string PhoneNumberId,
    string DisplayPhoneNumber,
    string VerifiedName,
    string WabaId,
    string WabaName,
    string BusinessId,
    string Status,
    bool IsDefault,
    string? QualityRating,
    DateTimeOffset CreatedAt,
    string WebhookUrl,
    int? MessagesPerSecond,
    bool SendingPaused,
    string? ForwardingWebhookUrl,
    string AssignmentMode,
    int? AssignmentLimit)
{
    public static ChannelDto From(ChannelView channel, string publicBaseUrl) => new(
        channel.Id,
        channel.Title,
        channel.PhoneNumberId,
        channel.DisplayPhoneNumber,
        channel.VerifiedName,
        channel.WabaId,
        channel.WabaName,
        channel.BusinessId,
        channel.Status == ChannelStatus.Connected ? "connected" : "disconnected",
        channel.IsDefault,
        channel.QualityRating,
        channel.CreatedAt,
        ChannelSetupService.WebhookUrl(publicBaseUrl, channel.Id),
        channel.MessagesPerSecond,
        channel.SendingPaused,
        channel.ForwardingWebhookUrl,
        AssignmentModes.ToApi(channel.AssignmentMode),
        channel.AssignmentLimit);
}
