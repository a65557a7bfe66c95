using Chatobuy.Inbox.Features.Outbound;
using FluentValidation;

namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>
/// Meta's rules for template values (reference §3.5), checked before anything is sent: every variable filled, no new
/// lines, tabs or more than four spaces in a row (132007), the header text at most 60 characters and the body at most
/// 1024 once filled in (132005), a header file or https link for a media header (132012), a URL suffix for each URL
/// button that has a variable. Messages carry the field's <see cref="TemplateField.Key"/> as the property name.
/// </summary>
public sealed class TemplateSendValidator : AbstractValidator<TemplateSendModel>
{
    public const int MaxBody = 1024;
    public const int MaxHeader = 60;
    public const int MaxParameter = 1024;
    public const string HeaderMediaKey = "header-media";
    public const string BodyKey = "body";
    public const string HeaderKey = "header";

    public TemplateSendValidator()
    {
        RuleFor(m => m).Custom((model, context) =>
        {
            foreach (var field in model.Fields)
            {
                if (Check(field) is { } problem)
                {
                    context.AddFailure(field.Key, problem);
                }
            }

            var content = model.Template.Content;
            if (content.Header is { Format: "TEXT", Text: { } header }
                && TemplateContent.Render(header, model.ValuesOf(TemplateFieldPart.Header)).Length is var headerLength and > MaxHeader)
            {
                context.AddFailure(HeaderKey, $"The header can be at most {MaxHeader} characters once filled in; it has {headerLength}.");
            }

            var bodyLength = TemplateContent.Render(content.Body, model.ValuesOf(TemplateFieldPart.Body)).Length;
            if (bodyLength > MaxBody)
            {
                context.AddFailure(BodyKey, $"The message can be at most {MaxBody} characters once filled in; it has {bodyLength}. Shorten the values.");
            }

            if (model.HeaderMediaKind is { } kind && CheckHeaderMedia(model, kind) is { } mediaProblem)
            {
                context.AddFailure(HeaderMediaKey, mediaProblem);
            }
        });
    }

    /// <summary>The messages by field key (<see cref="TemplateField.Key"/>, header-media, header, body).</summary>
    public IReadOnlyDictionary<string, string> Problems(TemplateSendModel model) =>
        Validate(model).Errors
            .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage, StringComparer.Ordinal);

    private static string? Check(TemplateField field)
    {
        var value = field.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return field.Part == TemplateFieldPart.UrlButton ? "Fill in the end of the link." : $"Fill in {{{{{field.Variable}}}}}.";
        }

        if (value.Length > MaxParameter)
        {
            return $"At most {MaxParameter} characters.";
        }

        if (value.Contains('\n') || value.Contains('\r') || value.Contains('\t'))
        {
            return "WhatsApp does not allow new lines or tabs in a template value.";
        }

        if (value.Contains("     ", StringComparison.Ordinal))
        {
            return "WhatsApp does not allow more than four spaces in a row in a template value.";
        }

        if (field.Part == TemplateFieldPart.UrlButton && value.Any(char.IsWhiteSpace))
        {
            return "The end of a link cannot contain spaces.";
        }

        return null;
    }

    private static string? CheckHeaderMedia(TemplateSendModel model, string kind)
    {
        var link = model.HeaderMediaLink?.Trim();
        if (model.HeaderFile is { } file)
        {
            if (!string.IsNullOrEmpty(link))
            {
                return "Upload a file or give a link, not both.";
            }

            return file.Kind != kind ? $"This template's header needs {Article(kind)} {kind}." : OutboundMediaRules.Check(file);
        }

        if (string.IsNullOrEmpty(link))
        {
            return $"This template's header needs {Article(kind)} {kind}: upload one or give an https link.";
        }

        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? null
            : "Give an https link, e.g. https://example.com/picture.jpg.";
    }

    private static string Article(string kind) => kind is "image" ? "an" : "a";
}
