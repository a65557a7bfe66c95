using System.ComponentModel;
using System.Text.Json;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c>: one of <c>text</c>, <c>mediaLink</c>, <c>interactiveMessageId</c>
/// (a saved interactive message of the conversation's channel, placeholders filled for the contact) or
/// <c>interactive</c> (Meta's interactive object, snake_case as Meta documents it), optionally a reply to a WhatsApp
/// message id.
/// </summary>
public sealed record SendMessageBody(
    string? ClientMessageId = null,
    string? Text = null,
    MediaLinkBody? MediaLink = null,
    string? ReplyTo = null,
    [property: Description("The id of a saved interactive message of the conversation's channel (GET /api/v1/channels/{id}/interactive-messages). Its placeholders are filled for the contact; {{agent.name}} becomes the business's name.")]
    long? InteractiveMessageId = null,
    [property: Description(SendMessageBody.InteractiveDescription)]
    JsonElement? Interactive = null)
{
    public const string InteractiveDescription =
        "Meta's interactive object as its Cloud API documents it (snake_case): type button, list, cta_url, location_request_message, product or "
        + "product_list, with header, body, footer and action. Checked against Meta's limits before it is queued.";
}
