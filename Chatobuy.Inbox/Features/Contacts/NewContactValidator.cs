using FluentValidation;

namespace Chatobuy.Inbox.Features.Contacts;

public sealed class NewContactValidator : AbstractValidator<NewContactModel>
{
    public const int NameMaxLength = 256;

    public NewContactValidator()
    {
        RuleFor(m => m.Number)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the customer's WhatsApp number.")
            .Must(n => ContactNumbers.Normalize(n) is not null)
            .WithMessage("Use the international format: country code and number, 8 to 15 digits, e.g. +5511987654321.");
        RuleFor(m => m.Name)
            .MaximumLength(NameMaxLength).WithMessage($"Keep the name under {NameMaxLength} characters.");
    }

    /// <summary>For <c>MudForm.Validation</c>: the messages for one field, shown next to it.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<NewContactModel>.CreateWithOptions(
            (NewContactModel)model,
            options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
