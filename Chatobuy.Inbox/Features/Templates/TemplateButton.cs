namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// A template button: <see cref="Type"/> is QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, … ;
/// <see cref="Url"/> may end in one variable (the suffix given when sending).
/// </summary>
public sealed record TemplateButton(string Type, string Text, string? Url, string? PhoneNumber)
{
    public bool HasUrlVariable => Type == "URL" && TemplateContent.VariablesOf(Url).Count > 0;
}
