namespace Chatobuy.Inbox.Features.Mail;

/// <summary>The Mail settings page's form: where to send a test e-mail.</summary>
public sealed class TestMailModel
{
    public string Address { get; set; } = "";
}
