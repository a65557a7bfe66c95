namespace Chatobuy.Inbox.CloudApi;

/// <summary>Reference §5.2: the new template's id, its status (PENDING) and the category Meta gave it.</summary>
public sealed record CreateTemplateResponse(string Id, string? Status, string? Category);
