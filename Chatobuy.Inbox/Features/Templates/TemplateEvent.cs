namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// A message template of a WhatsApp Business Account changed: its status (with the reason), quality, category or
/// content, or it was deleted. Pushed to the <c>channel:{id}</c> hub groups of every channel on that account.
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
    bool Deleted = false)
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
