namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>A contact as the Contacts page lists it.</summary>
public sealed record ContactRow(long Id, string WaId, string? Name, int Conversations, DateTimeOffset CreatedAt)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? "+" + WaId : Name;
}
