using Chatobuy.Inbox.Features.Outbound;
using FluentValidation;

namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>
/// A quick reply's form: a shortcut without spaces, unique among the shared ones or among the agent's own; a title; a
/// text (the caption with an attachment, which WhatsApp limits); an attachment WhatsApp accepts (image, video or document,
/// within its sizes).
/// </summary>
public sealed class QuickReplyDraftValidator : AbstractValidator<QuickReplyDraft>
{
    public const int MaxShortcutLength = 32;
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 4096;

    public static readonly IReadOnlyList<string> AttachmentKinds = ["image", "video", "document"];

    public QuickReplyDraftValidator()
    {
        RuleFor(d => d.Shortcut)
            .Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Choose a shortcut, for example where (the agent types /where).")
            .Must(s => !s.Trim().Any(char.IsWhiteSpace)).WithMessage("A shortcut cannot have spaces: use one word, or join words with - or _.")
            .Must(s => !s.TrimStart().StartsWith('/')).WithMessage("Leave out the /: type where, and agents use it as /where.")
            .Must(s => s.Trim().Length <= MaxShortcutLength).WithMessage($"Keep the shortcut under {MaxShortcutLength} characters.")
            .Must((d, s) => !(d.Shared ? d.TakenShared : d.TakenPersonal).Contains(Normalize(s)))
            .WithMessage(d => d.Shared
                ? $"There is already a shared quick reply /{Normalize(d.Shortcut)}. Choose another shortcut."
                : $"You already have a quick reply /{Normalize(d.Shortcut)}. Choose another shortcut.");

        RuleFor(d => d.Title)
            .Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give it a title, so agents recognise it in the list.")
            .Must(t => t.Trim().Length <= MaxTitleLength).WithMessage($"Keep the title under {MaxTitleLength} characters.");

        RuleFor(d => d.Text)
            .Cascade(CascadeMode.Stop)
            .Must((d, t) => !string.IsNullOrWhiteSpace(t) || d.HasAttachment).WithMessage("Write the text to insert (or attach a file).")
            .Must(t => t.Trim().Length <= MaxTextLength).WithMessage($"A message can be at most {MaxTextLength} characters.")
            .Must((d, t) => !d.HasAttachment || t.Trim().Length <= OutboundMediaRules.MaxCaptionLength)
            .WithMessage($"With an attachment the text is its caption, which WhatsApp limits to {OutboundMediaRules.MaxCaptionLength} characters.");

        RuleFor(d => d.NewAttachment)
            .Cascade(CascadeMode.Stop)
            .Must(m => m is null || AttachmentKinds.Contains(m.Kind)).WithMessage("Attach an image, a video or a document.")
            .Must(m => m is null || OutboundMediaRules.Check(m with { Caption = null }) is null)
            .WithMessage(d => OutboundMediaRules.Check(d.NewAttachment! with { Caption = null }) ?? "");
    }

    /// <summary>A shortcut as stored and compared: trimmed, lower case.</summary>
    public static string Normalize(string shortcut) => shortcut.Trim().ToLowerInvariant();

    /// <summary>For <c>MudForm.Validation</c>: the messages for one field, shown next to it.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<QuickReplyDraft>.CreateWithOptions(
            (QuickReplyDraft)model,
            options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
