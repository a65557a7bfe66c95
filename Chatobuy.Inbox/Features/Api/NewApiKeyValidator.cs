using FluentValidation;

namespace Chatobuy.Inbox.Features.Api;

public sealed class NewApiKeyValidator : AbstractValidator<NewApiKeyModel>
{
    public NewApiKeyValidator()
    {
        RuleFor(m => m.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Name the key after what will use it, e.g. \"CRM sync\".")
            .MaximumLength(ApiKeyService.NameMaxLength).WithMessage($"Keep the name under {ApiKeyService.NameMaxLength} characters.");
    }

    /// <summary>For <c>MudForm.Validation</c>: the messages for one field, shown next to it.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<NewApiKeyModel>.CreateWithOptions(
            (NewApiKeyModel)model,
            options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
