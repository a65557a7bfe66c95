namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// <c>PATCH /api/v1/channels/{id}</c>: only the fields given change. <c>messagesPerSecond</c> is 20 to 1,000, or
/// <c>null</c> for the inbox default; <c>forwardingWebhookUrl</c> is an http(s) address, or <c>null</c> to stop
/// forwarding.
/// </summary>
public sealed record ChannelPatchBody(string? Title = null, int? MessagesPerSecond = null, bool? SendingPaused = null, string? ForwardingWebhookUrl = null);
