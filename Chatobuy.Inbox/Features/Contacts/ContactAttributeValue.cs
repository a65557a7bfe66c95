namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// A contact's value of a custom attribute, stored as text in an invariant form (a number as "12.5", a date as
/// "2026-12-03", a list value as its choice).
/// </summary>
public sealed class ContactAttributeValue
{
    public long ContactId { get; set; }

    public long AttributeId { get; set; }

    public string Value { get; set; } = "";
}
