namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// <c>PATCH /api/v1/channels/{id}</c>: only the fields given change. <c>messagesPerSecond</c> is 20 to 1,000, or
/// <c>null</c> for the inbox default; <c>forwardingWebhookUrl</c> is an http(s) address, or <c>null</c> to stop
/// forwarding; <c>assignmentMode</c> is <c>none</c>, <c>round_robin</c> or <c>first_replier</c>; <c>assignmentLimit</c>
/// is 1 to 1,000 open conversations per agent, or <c>null</c> for no limit.
/// </summary>
public sealed record ChannelPatchBody(
    string? Title = null,
    int? MessagesPerSecond = null,
    bool? SendingPaused = null,
    string? ForwardingWebhookUrl = null,
    string? AssignmentMode = null,
    int? AssignmentLimit = null);
