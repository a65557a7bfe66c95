using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>
/// Turns a filled-in <see cref="TemplateSendModel"/> into the template message to send (reference §3.5), with the
/// readable text and what the chat bubble shows (header, body, footer and buttons, variables filled in).
/// </summary>
public static class TemplatePayload
{
    /// <summary>The message to queue. Call only with a model the <see cref="TemplateSendValidator"/> accepted.</summary>
    public static OutboundTemplate Build(TemplateSendModel model)
    {
        var template = model.Template;
        var content = template.Content;
        var named = content.ParameterFormat == TemplateContent.Named;
        var components = new List<TemplateComponent>();
        if (model.HeaderMediaKind is { } kind)
        {
            // An uploaded file has no link: the sender puts its media id in once the file is uploaded.
            components.Add(TemplateComponent.Header([model.HeaderFile is { } file
                ? TemplateParameter.ForMedia(kind, null, file.FileName)
                : TemplateParameter.ForMedia(kind, (model.HeaderMediaLink ?? "").Trim(), null)]));
        }
        else if (model.Fields.Any(f => f.Part == TemplateFieldPart.Header))
        {
            components.Add(TemplateComponent.Header(TextParameters(model, TemplateFieldPart.Header, named)));
        }

        if (model.Fields.Any(f => f.Part == TemplateFieldPart.Body))
        {
            components.Add(TemplateComponent.Body(TextParameters(model, TemplateFieldPart.Body, named)));
        }

        components.AddRange(model.Fields
            .Where(f => f.Part == TemplateFieldPart.UrlButton)
            .Select(f => TemplateComponent.UrlButton(f.ButtonIndex, f.Value.Trim())));

        var message = new TemplateObject(template.Name, new TemplateLanguage(template.Language), components.Count > 0 ? components : null);
        var body = TemplateContent.Render(content.Body, model.ValuesOf(TemplateFieldPart.Body));
        return new OutboundTemplate(message, body, Display(model, body), model.HeaderFile);
    }

    private static TemplateDisplay Display(TemplateSendModel model, string body)
    {
        var content = model.Template.Content;
        var buttons = content.Buttons.Select((button, i) =>
        {
            var suffix = model.Fields.FirstOrDefault(f => f.Part == TemplateFieldPart.UrlButton && f.ButtonIndex == i);
            var url = button.Url is { } link && suffix is not null
                ? TemplateContent.Render(link, new Dictionary<string, string> { [suffix.Variable] = suffix.Value.Trim() })
                : button.Url;
            return new TemplateDisplayButton(button.Type, button.Text, url, button.PhoneNumber);
        }).ToList();
        var header = content.Header;
        var headerText = header is { Format: "TEXT", Text: { } text } ? TemplateContent.Render(text, model.ValuesOf(TemplateFieldPart.Header)) : null;
        var headerLink = header is not null && headerText is null && model.HeaderFile is null ? model.HeaderMediaLink?.Trim() : null;
        return new TemplateDisplay(body, header?.Format, headerText, headerLink, content.Footer, buttons.Count > 0 ? buttons : null);
    }

    private static List<TemplateParameter> TextParameters(TemplateSendModel model, TemplateFieldPart part, bool named) =>
        [.. model.Fields.Where(f => f.Part == part).Select(f => TemplateParameter.ForText(f.Value, named ? f.Variable : null))];
}
