using FluentValidation;

namespace Chatobuy.Inbox.Features.Alerts;

public sealed class ReplaceTokenValidator : AbstractValidator<ReplaceTokenModel>
{
    public ReplaceTokenValidator()
    {
        RuleFor(m => m.AccessToken)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Paste the new System User Access Token.")
            .Must(t => !t.Trim().Any(char.IsWhiteSpace)).WithMessage("The token has spaces or line breaks in it: copy it again from Meta.")
            .MinimumLength(20).WithMessage("This is too short to be a System User Access Token.")
            .MaximumLength(1000).WithMessage("This is too long to be a System User Access Token.");
    }
}
