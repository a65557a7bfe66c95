using FluentValidation;

namespace Chatobuy.Inbox.Features.Mail;

public sealed class TestMailValidator : AbstractValidator<TestMailModel>
{
    public TestMailValidator()
    {
        RuleFor(m => m.Address)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the e-mail address to send the test to.")
            .MaximumLength(254).WithMessage("An e-mail address has at most 254 characters.")
            .EmailAddress().WithMessage("This is not an e-mail address, e.g. ops@example.com.");
    }
}
