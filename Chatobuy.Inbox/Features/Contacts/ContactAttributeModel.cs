namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>The settings page's form for a new custom contact attribute.</summary>
public sealed class ContactAttributeModel
{
    public string Name { get; set; } = "";

    public ContactAttributeType Type { get; set; } = ContactAttributeType.Text;

    /// <summary>For a list: the choices, one a line.</summary>
    public string Options { get; set; } = "";
}
