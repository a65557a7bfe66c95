namespace Chatobuy.Inbox.Features.Api;

/// <summary>A key just created: <see cref="Plaintext"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyRow Key, string Plaintext);
