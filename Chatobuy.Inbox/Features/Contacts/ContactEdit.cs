namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>The contact panel's form: what an agent may change about a contact.</summary>
public sealed class ContactEdit
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Notes { get; set; }

    public List<ContactAttributeEntry> Attributes { get; set; } = [];

    /// <summary>The form filled with the contact as it is now.</summary>
    public static ContactEdit From(ContactProfile profile) => new()
    {
        Name = profile.Name,
        Email = profile.Email,
        Notes = profile.Notes,
        Attributes = profile.Attributes.Select(a => new ContactAttributeEntry
        {
            AttributeId = a.Id,
            Name = a.Name,
            Type = a.Type,
            Options = a.Options,
            Value = a.Value,
        }).ToList(),
    };
}
