namespace Chatobuy.Inbox.Features.Inbox;

public sealed record ContactDto(string WaId, string? Name);
