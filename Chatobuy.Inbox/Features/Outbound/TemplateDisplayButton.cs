namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>A template button as shown: its type (URL, PHONE_NUMBER, QUICK_REPLY, …), label, and the filled-in link or number.</summary>
public sealed record TemplateDisplayButton(string Type, string Text, string? Url = null, string? PhoneNumber = null);
