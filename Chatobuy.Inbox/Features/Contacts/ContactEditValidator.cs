using FluentValidation;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>Checks the contact panel's form: lengths, the e-mail address, and each custom attribute by its type.</summary>
public sealed class ContactEditValidator : AbstractValidator<ContactEdit>
{
    public const int MaxNameLength = 256;
    public const int MaxNotesLength = 4000;

    public ContactEditValidator()
    {
        RuleFor(m => m.Name).MaximumLength(MaxNameLength).WithMessage($"A name has at most {MaxNameLength} characters.");
        RuleFor(m => m.Email)
            .MaximumLength(256).WithMessage("An e-mail address has at most 256 characters.")
            .EmailAddress().WithMessage("Enter an e-mail address, such as maria@example.com.")
            .When(m => !string.IsNullOrWhiteSpace(m.Email));
        RuleFor(m => m.Notes).MaximumLength(MaxNotesLength).WithMessage($"Notes have at most {MaxNotesLength} characters.");
        RuleForEach(m => m.Attributes).ChildRules(entry => entry.RuleFor(e => e.Value).Custom((value, context) =>
        {
            var attribute = context.InstanceToValidate;
            if (ContactAttributeValues.Check(attribute.Type, attribute.Options, value).Error is { } error)
            {
                context.AddFailure(error);
            }
        }));
    }
}
