using FluentValidation;

namespace Chatobuy.Inbox.Features.Labels;

public sealed class LabelValidator : AbstractValidator<LabelModel>
{
    public const int MaxNameLength = 40;

    public LabelValidator()
    {
        RuleFor(m => m.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the label a name.")
            .Must(n => n.Trim().Length <= MaxNameLength).WithMessage($"A label's name has at most {MaxNameLength} characters.")
            .Must(n => !n.Contains(',', StringComparison.Ordinal)).WithMessage("A label's name cannot contain a comma.");
        RuleFor(m => m.Colour)
            .Must(LabelPalette.Contains).WithMessage("Pick one of the colours offered.");
    }
}
