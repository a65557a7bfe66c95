using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>Everything the contact panel shows of the customer behind a conversation.</summary>
public sealed record ContactProfile(
    long ContactId,
    long ConversationId,
    string WaId,
    string? ProfileName,
    string? Name,
    string? Email,
    string? Notes,
    DateTimeOffset FirstSeen,
    IReadOnlyList<ContactAttributeField> Attributes,
    IReadOnlyList<ContactConversationLink> OtherConversations,
    IReadOnlyList<OrderRow> Orders)
{
    /// <summary>The name agents gave, else the WhatsApp profile name, else the number.</summary>
    public string DisplayName => !string.IsNullOrWhiteSpace(Name) ? Name : !string.IsNullOrWhiteSpace(ProfileName) ? ProfileName : "+" + WaId;
}
