using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// What a template message shows, variables filled in: the header (text, or the media's format and link), body,
/// footer and buttons. A sent template keeps it as <c>rendered</c> beside Meta's template object in the message's
/// payload, so the chat shows the message as it was sent even after the template changes.
/// </summary>
public sealed record TemplateDisplay(
    string Body,
    string? HeaderFormat = null,
    string? Header = null,
    string? HeaderLink = null,
    string? Footer = null,
    IReadOnlyList<TemplateDisplayButton>? Buttons = null)
{
    /// <summary>The payload a template message keeps: <paramref name="template"/> with <c>rendered</c> beside it.</summary>
    public static string PayloadOf(TemplateObject template, TemplateDisplay display) =>
        JsonSerializer.Serialize(new Stored(template.Name, template.Language, template.Components, display), GraphJson.Options);

    /// <summary>What a stored template message shows; only its text when the payload has no <c>rendered</c> part.</summary>
    public static TemplateDisplay Of(string? payloadJson, string? text)
    {
        try
        {
            if (payloadJson is not null && JsonSerializer.Deserialize<Shown>(payloadJson, GraphJson.Options)?.Rendered is { } rendered)
            {
                return rendered;
            }
        }
        catch (JsonException)
        {
            // Shown from the text below.
        }

        return new TemplateDisplay(text ?? "");
    }

    private sealed record Stored(string Name, TemplateLanguage Language, IReadOnlyList<TemplateComponent>? Components, TemplateDisplay Rendered);

    /// <summary>Only <c>rendered</c> is read back; the rest is what Meta was sent.</summary>
    private sealed record Shown(TemplateDisplay? Rendered);
}
