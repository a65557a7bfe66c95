namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.2: <see cref="Input"/> echoes what was sent; <see cref="UserId"/> replaces <see cref="WaId"/> for a BSUID.</summary>
public sealed record SentContact(string? Input, string? WaId, string? UserId);
