namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>A custom attribute as the contact panel shows it: its definition and the contact's value (null when unset).</summary>
public sealed record ContactAttributeField(long Id, string Name, ContactAttributeType Type, IReadOnlyList<string> Options, string? Value);
