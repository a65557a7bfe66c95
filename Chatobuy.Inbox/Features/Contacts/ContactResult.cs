namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>A contact saved, or why not.</summary>
public sealed record ContactResult(ContactRow? Contact, string? Error)
{
    public bool Succeeded => Contact is not null;
}
