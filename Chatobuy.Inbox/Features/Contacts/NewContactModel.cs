namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>A contact added by hand: the WhatsApp number in international format and an optional name.</summary>
public sealed class NewContactModel
{
    public string Number { get; set; } = "";

    public string? Name { get; set; }
}
