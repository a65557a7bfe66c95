using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// A template message: Meta's <c>template</c> object (reference §3.5), its readable text (the body with the values
/// filled in), what the chat bubble shows (<see cref="Display"/>) and, for a media header sent by id, the file to
/// upload first.
/// </summary>
public sealed record OutboundTemplate(TemplateObject Message, string Text, TemplateDisplay Display, OutboundMedia? HeaderFile = null)
{
    public const int MaxTextLength = 1024;
}
