using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.HasIndex(k => k.Hash).IsUnique();
    }
}
