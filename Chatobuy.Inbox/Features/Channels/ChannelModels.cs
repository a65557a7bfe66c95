using FluentValidation;

namespace Chatobuy.Inbox.Features.Channels;

public enum GraphTarget
{
    Meta,
    Sandbox,
}

/// <summary>Step 1 of the channel wizard.</summary>
public sealed class ConnectChannelModel
{
    public string Title { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string BusinessId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    public GraphTarget Target { get; set; } = GraphTarget.Meta;

    public string GraphVersion { get; set; } = "v23.0";
}

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

/// <summary>The editable settings of a channel.</summary>
public sealed class EditChannelModel
{
    public string Title { get; set; } = "";

    public string? ForwardingWebhookUrl { get; set; }

    public ReadReceiptPolicy ReadReceipts { get; set; } = ReadReceiptPolicy.WhenOpened;

    /// <summary>Meta's throughput for this number; null for the inbox's default.</summary>
    public int? MessagesPerSecond { get; set; }

    /// <summary>Hold every outgoing message of this channel in its queue until sending resumes.</summary>
    public bool SendingPaused { get; set; }

    /// <summary>Disconnection alert emails, one per line or separated by commas.</summary>
    public string AlertEmailsText { get; set; } = "";

    public IReadOnlyList<string> AlertEmails =>
        AlertEmailsText.Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

public sealed partial class EditChannelValidator : AbstractValidator<EditChannelModel>
{
    public const int MinMessagesPerSecond = 20;
    public const int MaxMessagesPerSecond = 1000;

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
