using FluentValidation;

namespace Chatobuy.Inbox.Components.Shared;

public static class FluentValidationExtensions
{
    /// <summary>Adapts a FluentValidation validator to MudForm's per-field <c>Validation</c> function.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var context = ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName));
            var result = await validator.ValidateAsync(context);
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
