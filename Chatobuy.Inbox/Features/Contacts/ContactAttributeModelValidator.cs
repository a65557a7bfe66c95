using FluentValidation;

namespace Chatobuy.Inbox.Features.Contacts;

public sealed class ContactAttributeModelValidator : AbstractValidator<ContactAttributeModel>
{
    public const int MaxNameLength = 60;

    public ContactAttributeModelValidator()
    {
        RuleFor(m => m.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the attribute a name.")
            .Must(n => n.Trim().Length <= MaxNameLength).WithMessage($"An attribute's name has at most {MaxNameLength} characters.");
        RuleFor(m => m.Type).IsInEnum().WithMessage("Pick a type.");
        RuleFor(m => m.Options)
            .Must(o => ContactAttributeValues.SplitOptions(o).Count >= 2).When(m => m.Type == ContactAttributeType.List)
            .WithMessage("A list needs at least two choices, one a line.");
    }
}
