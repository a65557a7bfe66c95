namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>One custom attribute in the contact panel's form.</summary>
public sealed class ContactAttributeEntry
{
    public long AttributeId { get; set; }

    public string Name { get; set; } = "";

    public ContactAttributeType Type { get; set; }

    public IReadOnlyList<string> Options { get; set; } = [];

    public string? Value { get; set; }
}
