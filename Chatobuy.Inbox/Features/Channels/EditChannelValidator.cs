using FluentValidation;

namespace Chatobuy.Inbox.Features.Channels;

public sealed partial class EditChannelValidator : AbstractValidator<EditChannelModel>
{
    public const int MinMessagesPerSecond = 20;
    public const int MaxMessagesPerSecond = 1000;
    public const int MaxAssignmentLimit = 1000;

    public EditChannelValidator()
    {
        RuleFor(m => m.Title)
            .NotEmpty().WithMessage("The channel needs a name.")
            .MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(m => m.ForwardingWebhookUrl)
            .Must(BeHttpUrl).WithMessage("Enter a full http:// or https:// address, or leave it empty.")
            .MaximumLength(2048).WithMessage("That address is too long (2,048 characters at most).");
        RuleFor(m => m.MessagesPerSecond)
            .InclusiveBetween(MinMessagesPerSecond, MaxMessagesPerSecond)
            .WithMessage("Meta's throughput is between 20 and 1,000 messages per second; leave it empty for the default.");
        RuleFor(m => m.AssignmentMode).IsInEnum().WithMessage("Choose how new conversations are assigned.");
        RuleFor(m => m.AssignmentLimit)
            .InclusiveBetween(1, MaxAssignmentLimit)
            .WithMessage("The limit is between 1 and 1,000 open conversations per agent; leave it empty for no limit.");
        RuleFor(m => m.AlertEmailsText).Custom((_, context) =>
        {
            var emails = context.InstanceToValidate.AlertEmails;
            var bad = emails.FirstOrDefault(e => e.Length > 254 || !EmailPattern().IsMatch(e));
            if (bad is not null)
            {
                context.AddFailure($"\"{bad}\" is not a valid email address.");
            }
            else if (emails.Count > 10)
            {
                context.AddFailure("Ten alert emails at most.");
            }
        });
    }

    internal static bool BeHttpUrl(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();
}
