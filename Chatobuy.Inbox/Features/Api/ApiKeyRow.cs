namespace Chatobuy.Inbox.Features.Api;

/// <summary>What the API keys page lists: never the key or its hash.</summary>
public sealed record ApiKeyRow(
    Guid Id,
    string Name,
    string Prefix,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
