using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Interactive;
using FluentValidation;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Whether a <see cref="SendRequest"/> is well-formed: the client message id, one kind of message at a time, and
/// Meta's limits for that kind (reference §3.3, §3.4, §3.5, §4.1). It stops at the first problem, which is what the caller hears.
/// </summary>
public sealed class SendRequestValidator : AbstractValidator<SendRequest>
{
    public const int MaxTextLength = 4096;

    private static readonly InteractiveObjectValidator InteractiveRules = new();

    public SendRequestValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r.ClientMessageId)
            .Must(id => !string.IsNullOrWhiteSpace(id) && id.Length <= 128).WithMessage("clientMessageId must be 1 to 128 characters.");
        RuleFor(r => r)
            .Must(r => Kinds(r) <= 1).WithMessage("Send a text, a reaction, a template, an interactive message, or one file at a time.");

        When(r => r.Interactive is not null, () =>
        {
            RuleFor(r => r.Interactive!)
                .Custom((interactive, context) => Report(InteractiveProblem(interactive), context));
            RuleFor(r => r.Interactive!.HeaderFile!)
                .Custom(MeetMetasMediaRules)
                .When(r => r.Interactive!.HeaderFile is not null);
        });

        When(r => r.Template is not null, () =>
        {
            RuleFor(r => r.Template!.Message)
                .Must(t => !string.IsNullOrEmpty(t.Name) && !string.IsNullOrEmpty(t.Language?.Code))
                .WithMessage("A template message needs the template's name and language.");
            RuleFor(r => r.Template!.Text)
                .MaximumLength(OutboundTemplate.MaxTextLength)
                .WithMessage(r => $"A template message can be at most {OutboundTemplate.MaxTextLength} characters once filled in; this one has {r.Template!.Text.Length}.");
            RuleFor(r => r.Template!.HeaderFile!)
                .Custom(MeetMetasMediaRules)
                .When(r => r.Template!.HeaderFile is not null);
        });

        When(r => r.ReactionTargetWaMessageId is not null, () =>
        {
            RuleFor(r => r)
                .Must(r => !string.IsNullOrWhiteSpace(r.ReactionTargetWaMessageId) && r.ReactionEmoji is not null)
                .WithMessage("A reaction needs the message it reacts to and an emoji (an empty emoji removes the reaction).");
            RuleFor(r => r.ReactionEmoji)
                .MaximumLength(16).WithMessage("A reaction is a single emoji.");
        });

        RuleFor(r => r.Media!)
            .Custom(MeetMetasMediaRules)
            .When(r => r.Media is not null);

        When(r => r.MediaLink is not null, () =>
        {
            RuleFor(r => r.MediaLink!.Kind)
                .Must(OutboundMediaRules.IsKind).WithMessage("mediaLink.type must be image, video, audio or document.");
            RuleFor(r => r.MediaLink!.Link)
                .Must(BeAWebAddress).WithMessage("mediaLink.link must be an absolute http(s) address.");
            RuleFor(r => r.MediaLink!)
                .Custom((link, context) => Report(OutboundMediaRules.CheckCaption(link.Kind, link.Caption), context));
        });

        When(r => Kinds(r) == 0, () =>
        {
            RuleFor(r => r.Text)
                .NotEmpty().WithMessage("Write a message first.")
                .MaximumLength(MaxTextLength).WithMessage(r => $"A WhatsApp message can be at most {MaxTextLength} characters; this one has {r.Text!.Length}.");
        });
    }

    private static int Kinds(SendRequest request) =>
        (request.ReactionTargetWaMessageId is null ? 0 : 1) + (request.Media is null ? 0 : 1) + (request.MediaLink is null ? 0 : 1)
        + (request.Template is null ? 0 : 1) + (request.Interactive is null ? 0 : 1);

    /// <summary>
    /// The first of Meta's limits the message breaks (<see cref="InteractiveObjectValidator"/>), after the parts without
    /// which it cannot even be checked (an object read from an integrator's JSON may lack any of them).
    /// </summary>
    private static string? InteractiveProblem(OutboundInteractive interactive)
    {
        if (interactive.Message is not { } message)
        {
            return "Give the interactive message.";
        }

        if (MissingPart(message) is { } missing)
        {
            return missing;
        }

        if (!interactive.HeaderFileFits)
        {
            return $"The header file is a{(interactive.HeaderFile!.Kind is "image" ? "n" : "")} {interactive.HeaderFile.Kind}, so the message needs a header of that kind.";
        }

        return InteractiveRules.Validate(interactive.ToValidate()).Errors is [var first, ..] ? first.ErrorMessage : null;
    }

    private static string? MissingPart(InteractiveObject message)
    {
        if (string.IsNullOrWhiteSpace(message.Type))
        {
            return $"Give the interactive message's type ({string.Join(", ", InteractiveTypes.All)}).";
        }

        if (message.Action is not { } action)
        {
            return "Give the interactive message's action (its buttons, list, link, location request or products).";
        }

        if (message.Body is { Text: null } || message.Footer is { Text: null } || message.Header is { Type: null })
        {
            return "A header needs its type, and a body or footer its text.";
        }

        if (action.Buttons?.Any(b => b?.Reply is not { Id: not null, Title: not null }) == true)
        {
            return "Each button needs its reply: an id and a title.";
        }

        if (action.Sections?.Any(s => s is null || s.Rows?.Any(r => r is null) == true || s.ProductItems?.Any(p => p is null) == true) == true)
        {
            return "A section cannot be empty, nor hold an empty row or product.";
        }

        return null;
    }

    private static void MeetMetasMediaRules(OutboundMedia media, ValidationContext<SendRequest> context) =>
        Report(OutboundMediaRules.Check(media), context);

    private static void Report(string? problem, ValidationContext<SendRequest> context)
    {
        if (problem is not null)
        {
            context.AddFailure(problem);
        }
    }

    private static bool BeAWebAddress(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
