using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// The App Secrets of all channels, decrypted once and kept in memory so that checking a signature costs no database
/// call and no decryption. Rebuilt whenever <see cref="ChannelDirectory"/> reloads (a channel connected, edited or
/// deleted here, or its periodic refresh).
/// </summary>
public sealed class WebhookSigners(ChannelDirectory directory, ChannelSecrets secrets)
{
    private volatile Cache? _cache;

    public async Task<WebhookSignerSet> CurrentAsync(CancellationToken cancellationToken)
    {
        var channels = await directory.AllAsync(cancellationToken);
        var cache = _cache;
        if (cache is not null && ReferenceEquals(cache.Source, channels))
        {
            return cache.Set;
        }

        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            known.TryAdd(channel.AppSecretProtected, SecretOf(channel, cache));
        }

        var signers = channels
            .GroupBy(c => known[c.AppSecretProtected], StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g => new WebhookSigner(g.ToList()) { Key = Encoding.UTF8.GetBytes(g.Key) })
            .ToList();
        var rebuilt = new Cache(channels, new WebhookSignerSet(channels, signers), known);
        _cache = rebuilt;
        return rebuilt.Set;
    }

    /// <summary>The channel's App Secret; empty (never matching) when the key ring can no longer read it.</summary>
    private string SecretOf(Channel channel, Cache? previous)
    {
        if (previous is not null && previous.Secrets.TryGetValue(channel.AppSecretProtected, out var known))
        {
            return known;
        }

        try
        {
            return secrets.Unprotect(channel.AppSecretProtected);
        }
        catch (CryptographicException)
        {
            return "";
        }
    }

    private sealed record Cache(IReadOnlyList<Channel> Source, WebhookSignerSet Set, Dictionary<string, string> Secrets);
}
