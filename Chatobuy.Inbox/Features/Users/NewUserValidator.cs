using FluentValidation;

namespace Chatobuy.Inbox.Features.Users;

public sealed class NewUserValidator : AbstractValidator<NewUserModel>
{
    public const int MinPasswordLength = 8;

    public NewUserValidator()
    {
        RuleFor(m => m.DisplayName)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the user's name.")
            .MaximumLength(100).WithMessage("Keep the name under 100 characters.");

        RuleFor(m => m.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the user's email.")
            .EmailAddress().WithMessage("Enter a valid email address.")
            .MaximumLength(256).WithMessage("Keep the email under 256 characters.");

        RuleFor(m => m.Role)
            .Must(role => Roles.All.Contains(role)).WithMessage("Choose Admin or Agent.");

        RuleFor(m => m.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose an initial password.")
            .MinimumLength(MinPasswordLength).WithMessage($"Use at least {MinPasswordLength} characters.");
    }

    /// <summary>For <c>MudForm.Validation</c>: the messages for one field, shown next to it.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<NewUserModel>.CreateWithOptions(
            (NewUserModel)model,
            options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
