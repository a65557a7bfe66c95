using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Every channel, and the App Secrets they verify with, as of one reading of the channel list.</summary>
public sealed class WebhookSignerSet(IReadOnlyList<Channel> channels, IReadOnlyList<WebhookSigner> signers)
{
    public IReadOnlyList<Channel> Channels { get; } = channels;

    /// <summary>
    /// The signer whose App Secret produced <paramref name="header"/> over <paramref name="body"/>, or null. Every
    /// secret is compared in constant time; the one of <paramref name="preferredChannelId"/> is tried first.
    /// </summary>
    public WebhookSigner? Verify(ReadOnlySpan<byte> body, string? header, string? preferredChannelId)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (!WebhookSignature.TryReadClaim(header, claimed))
        {
            return null;
        }

        var preferred = signers.FirstOrDefault(s => s.Serves(preferredChannelId));
        if (preferred is not null && WebhookSignature.Matches(body, claimed, preferred.Key))
        {
            return preferred;
        }

        foreach (var signer in signers)
        {
            if (!ReferenceEquals(signer, preferred) && WebhookSignature.Matches(body, claimed, signer.Key))
            {
                return signer;
            }
        }

        return null;
    }
}
