namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// One button of a BUTTONS component (reference §5.2). <see cref="Type"/> is QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE,
/// OTP, or one the inbox doesn't write (FLOW, MPM, CATALOG, …), read with what fields it shares.
/// </summary>
public sealed record TemplateComponentButton(
    string Type,
    string? Text = null,
    string? OtpType = null,
    string? Url = null,
    string? PhoneNumber = null,
    TemplateButtonExample? Example = null)
{
    public static TemplateComponentButton QuickReply(string text) => new("QUICK_REPLY", text);

    /// <summary>A URL button; a url ending in <c>{{1}}</c> needs an <paramref name="example"/> for it.</summary>
    public static TemplateComponentButton Link(string text, string url, string? example = null) =>
        new("URL", text, Url: url, Example: example is null ? null : TemplateButtonExample.ListOf(example));

    /// <summary>A call button; <paramref name="phoneNumber"/> with its country code.</summary>
    public static TemplateComponentButton Call(string text, string phoneNumber) => new("PHONE_NUMBER", text, PhoneNumber: phoneNumber);

    public static TemplateComponentButton CopyCode(string text, string example) =>
        new("COPY_CODE", text, Example: TemplateButtonExample.SingleOf(example));

    /// <summary>An authentication template's one-time password button; <paramref name="otpType"/> is COPY_CODE, ONE_TAP or ZERO_TAP.</summary>
    public static TemplateComponentButton Otp(string otpType, string text) => new("OTP", text, OtpType: otpType);
}
