namespace Chatobuy.Inbox.Features.Templates;

/// <summary>The button choices of the create form (authentication templates get their one OTP button by themselves).</summary>
public enum TemplateButtonKind
{
    QuickReply,
    Url,
    PhoneNumber,
    CopyCode,
}
