using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Api;

/// <summary>Creates, lists, revokes and checks integration API keys. Only a key's SHA-256 hash is stored.</summary>
public sealed class ApiKeyService(
    IDbContextFactory<InboxDbContext> dbFactory,
    TimeProvider time,
    ILogger<ApiKeyService> logger)
{
    public const string KeyPrefix = "cbk_";
    public const int NameMaxLength = 100;
    public const int PrefixLength = 12;

    /// <summary>"cbk_" + 43 base64url characters; anything much longer is not one of ours.</summary>
    private const int MaxKeyLength = 128;

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name, string createdBy, CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new ArgumentException($"A key name is required and at most {NameMaxLength} characters.", nameof(name));
        }

        var plaintext = KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = trimmed,
            Prefix = plaintext[..PrefixLength],
            Hash = HashOf(plaintext),
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API key {ApiKeyId} ({ApiKeyPrefix}…) created by {CreatedBy}", key.Id, key.Prefix, createdBy);
        return new CreatedApiKey(ToRow(key), plaintext);
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
        return keys.Select(ToRow).ToList();
    }

    /// <summary>Revokes the key; false when there is no such key. Revoking twice keeps the first date.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("API key {ApiKeyId} ({ApiKeyPrefix}…) revoked", key.Id, key.Prefix);
        }

        return true;
    }

    /// <summary>The active key matching <paramref name="plaintext"/>, or null. Records the use at most once a minute.</summary>
    public async Task<ApiKey?> ValidateAsync(string? plaintext, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(plaintext) || plaintext.Length > MaxKeyLength)
        {
            return null;
        }

        // Every candidate is hashed and looked up the same way, so the answer time says nothing about the key.
        var hash = HashOf(plaintext);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt.Value >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            key.LastUsedAt = now;
        }

        return key;
    }

    internal static string HashOf(string plaintext) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyRow ToRow(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.CreatedBy, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}
