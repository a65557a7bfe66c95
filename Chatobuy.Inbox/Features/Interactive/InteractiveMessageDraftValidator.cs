using Chatobuy.Inbox.Features.Outbound;
using FluentValidation;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// Everything checked before a library message is saved: its name (1–100 characters), a chosen header file against
/// WhatsApp's types and sizes, and Meta's limits on the message itself (<see cref="InteractiveObjectValidator"/>,
/// with its property names: <c>Body.Text</c>, <c>Action.Buttons[0].Reply.Title</c>, …).
/// </summary>
public sealed class InteractiveMessageDraftValidator : AbstractValidator<InteractiveMessageDraft>
{
    public const int MaxName = 100;

    public InteractiveMessageDraftValidator()
    {
        var objectValidator = new InteractiveObjectValidator();
        RuleFor(d => d.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the message a name agents will recognise.")
            .Must(n => n.Trim().Length <= MaxName).WithMessage(d => $"The name can be at most {MaxName} characters; it has {d.Name.Trim().Length}.");

        RuleFor(d => d.HeaderFile)
            .Must((d, file) => FileProblem(d, file!) is null).OverridePropertyName("Header.Media")
            .WithMessage((d, file) => FileProblem(d, file!) ?? "")
            .When(d => d.HeaderFile is not null && d.IsMediaHeader && d.HeaderKinds.Contains(d.HeaderKind));

        RuleFor(d => d.HeaderLink)
            .Must(l => l.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(l.Trim(), UriKind.Absolute, out _))
            .OverridePropertyName("Header.Media").WithMessage("Give the file's https:// link, or upload the file.")
            .When(d => d.IsMediaHeader && d.HeaderKinds.Contains(d.HeaderKind) && !d.HasHeaderFile && !string.IsNullOrWhiteSpace(d.HeaderLink));

        RuleFor(d => d).Custom((draft, context) =>
        {
            foreach (var failure in objectValidator.Validate(draft.ForValidation()).Errors)
            {
                context.AddFailure(failure);
            }
        });
    }

    /// <summary>Each field's first problem, keyed by its property name; empty when the draft can be saved.</summary>
    public IReadOnlyDictionary<string, string> ErrorsOf(InteractiveMessageDraft draft) =>
        Validate(draft).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    private static string? FileProblem(InteractiveMessageDraft draft, InteractiveHeaderFile file) =>
        OutboundMediaRules.Check(new OutboundMedia(draft.HeaderKind.ToString().ToLowerInvariant(), file.FileName, file.MimeType, file.Content, null));
}
