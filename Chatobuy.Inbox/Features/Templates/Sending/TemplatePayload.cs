using System.Globalization;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>
/// Builds Meta's <c>template</c> object (reference §3.5) from a filled-in <see cref="TemplateSendModel"/>, with the
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
        var components = new JsonArray();

        var headerValues = model.ValuesOf(TemplateFieldPart.Header);
        var bodyValues = model.ValuesOf(TemplateFieldPart.Body);
        if (model.HeaderMediaKind is { } kind)
        {
            var media = new JsonObject();
            if (model.HeaderFile is { } file)
            {
                // The media id is set by the sender once the file is uploaded.
                if (kind == "document")
                {
                    media["filename"] = file.FileName;
                }
            }
            else
            {
                media["link"] = (model.HeaderMediaLink ?? "").Trim();
            }

            components.Add(Component("header", new JsonArray(new JsonObject { ["type"] = kind, [kind] = media })));
        }
        else if (model.Fields.Any(f => f.Part == TemplateFieldPart.Header))
        {
            components.Add(Component("header", TextParameters(model, TemplateFieldPart.Header, named)));
        }

        if (model.Fields.Any(f => f.Part == TemplateFieldPart.Body))
        {
            components.Add(Component("body", TextParameters(model, TemplateFieldPart.Body, named)));
        }

        foreach (var field in model.Fields.Where(f => f.Part == TemplateFieldPart.UrlButton))
        {
            components.Add(new JsonObject
            {
                ["type"] = "button",
                ["sub_type"] = "url",
                ["index"] = field.ButtonIndex.ToString(CultureInfo.InvariantCulture),
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = field.Value.Trim() }),
            });
        }

        var meta = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language, ["policy"] = "deterministic" },
        };
        if (components.Count > 0)
        {
            meta["components"] = components;
        }

        var body = TemplateContent.Render(content.Body, bodyValues);
        var display = new JsonObject { ["body"] = body };
        if (content.Header is { } header)
        {
            display["header_format"] = header.Format;
            if (header.Format == "TEXT" && header.Text is { } headerText)
            {
                display["header"] = TemplateContent.Render(headerText, headerValues);
            }
            else if (model.HeaderFile is null && model.HeaderMediaLink is { } link)
            {
                display["header_link"] = link.Trim();
            }
        }

        if (content.Footer is { } footer)
        {
            display["footer"] = footer;
        }

        var buttons = new JsonArray();
        for (var i = 0; i < content.Buttons.Count; i++)
        {
            var button = content.Buttons[i];
            var entry = new JsonObject { ["type"] = button.Type, ["text"] = button.Text };
            if (button.Url is { } url)
            {
                var suffix = model.Fields.FirstOrDefault(f => f.Part == TemplateFieldPart.UrlButton && f.ButtonIndex == i);
                entry["url"] = suffix is null ? url : TemplateContent.Render(url, new Dictionary<string, string> { [suffix.Variable] = suffix.Value.Trim() });
            }

            if (button.PhoneNumber is { } phone)
            {
                entry["phone_number"] = phone;
            }

            buttons.Add(entry);
        }

        if (buttons.Count > 0)
        {
            display["buttons"] = buttons;
        }

        return new OutboundTemplate(meta, body, display, model.HeaderFile);
    }

    private static JsonObject Component(string type, JsonArray parameters) => new() { ["type"] = type, ["parameters"] = parameters };

    private static JsonArray TextParameters(TemplateSendModel model, TemplateFieldPart part, bool named)
    {
        var parameters = new JsonArray();
        foreach (var field in model.Fields.Where(f => f.Part == part))
        {
            var parameter = new JsonObject { ["type"] = "text" };
            if (named)
            {
                parameter["parameter_name"] = field.Variable;
            }

            parameter["text"] = field.Value;
            parameters.Add(parameter);
        }

        return parameters;
    }
}
