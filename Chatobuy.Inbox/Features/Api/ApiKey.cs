namespace Chatobuy.Inbox.Features.Api;

/// <summary>An integration API key. Only its SHA-256 hash is kept; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, to recognise it in the list.</summary>
    public string Prefix { get; set; } = "";

    public string Hash { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
