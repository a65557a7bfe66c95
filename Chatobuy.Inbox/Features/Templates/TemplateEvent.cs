using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// A message template of a WhatsApp Business Account changed: its status (with the reason), quality, category or
/// content, or it was deleted. Published to <see cref="InboxEvents"/>; the hub sends it to the <c>channel:{id}</c> groups of every channel on that account.
/// </summary>
public sealed record TemplateEvent(
    string WabaId,
    string TemplateId,
    string Name,
    string Language,
    string Status,
    string? Reason,
    string? QualityScore,
    string? Category,
    bool Deleted = false) : IInboxEvent
{
    public static TemplateEvent Of(MessageTemplate template, bool deleted = false) => new(
        template.WabaId,
        template.MetaId,
        template.Name,
        template.Language,
        deleted ? "DELETED" : template.Status,
        template.RejectedReason,
        template.QualityScore,
        template.Category,
        deleted);
}
