using Chatobuy.Inbox.CloudApi;
using Microsoft.AspNetCore.DataProtection;

namespace Chatobuy.Inbox.Features.Channels;

/// <summary>Encrypts channel secrets (access token, App Secret) at rest with ASP.NET Core Data Protection.</summary>
public sealed class ChannelSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Chatobuy.Inbox.Channels.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>Where and as whom to call the Graph API for this channel (throws CryptographicException when the key ring can no longer read the token).</summary>
    public GraphConnection ConnectionOf(Channel channel) =>
        new(channel.GraphBaseUrl, channel.GraphVersion, Unprotect(channel.AccessTokenProtected)) { OwnerKey = channel.Id };

    /// <summary>What the browser may see of a secret: its last four characters.</summary>
    public static string Mask(string secret) =>
        secret.Length <= 4 ? "••••" : $"••••••••{secret[^4..]}";
}
