using FluentValidation;

namespace Chatobuy.Inbox.Features.Channels;

public sealed class ConnectChannelValidator : AbstractValidator<ConnectChannelModel>
{
    public ConnectChannelValidator()
    {
        RuleFor(m => m.Title)
            .NotEmpty().WithMessage("Give the channel a title, e.g. \"Support line\".")
            .MaximumLength(100).WithMessage("Keep the title under 100 characters.");
        RuleFor(m => m.AccessToken)
            .NotEmpty().WithMessage("Paste the System User Access Token.")
            .Must(t => !t.Any(char.IsWhiteSpace)).WithMessage("The token has spaces or line breaks in it: copy it again from Meta.")
            .MinimumLength(20).WithMessage("This is too short to be a System User Access Token.");
        RuleFor(m => m.BusinessId)
            .NotEmpty().WithMessage("Enter the Business Manager ID.")
            .Matches("^[0-9]{5,25}$").WithMessage("The Business Manager ID is a number, e.g. 102289599326934 (business_id=… in Meta Business Settings' address).");
        RuleFor(m => m.AppSecret)
            .NotEmpty().WithMessage("Paste the App Secret: the inbox needs it to check that webhooks really come from Meta.")
            .Matches("^[0-9a-zA-Z]{16,64}$").WithMessage("The App Secret is 32 letters and digits (App settings → Basic → App secret).");
        RuleFor(m => m.GraphVersion)
            .Matches(@"^v[0-9]+\.[0-9]+$").WithMessage("The Graph API version looks like v23.0.");
    }
}
