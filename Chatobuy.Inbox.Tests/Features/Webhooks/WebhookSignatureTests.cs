using System.Text;
using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");

    [Fact]
    public void IsValid_SignatureOfTheExactBytes_IsAccepted() =>
        WebhookSignature.IsValid(Body, WebhookSignature.Sign(Body, Secret), Secret).ShouldBeTrue();

    [Fact]
    public void IsValid_UppercaseHexAndPrefix_IsAccepted() =>
        WebhookSignature.IsValid(Body, WebhookSignature.Sign(Body, Secret).ToUpperInvariant(), Secret).ShouldBeTrue();

    [Fact]
    public void IsValid_MissingHeader_IsRefused() => WebhookSignature.IsValid(Body, null, Secret).ShouldBeFalse();

    [Fact]
    public void IsValid_OtherSecret_IsRefused() =>
        WebhookSignature.IsValid(Body, WebhookSignature.Sign(Body, "another0secret0000000000000000000"), Secret).ShouldBeFalse();

    [Fact]
    public void IsValid_TruncatedSignature_IsRefused() =>
        WebhookSignature.IsValid(Body, WebhookSignature.Sign(Body, Secret)[..40], Secret).ShouldBeFalse();

    [Fact]
    public void IsValid_BodyChangedByOneByte_IsRefused()
    {
        var signature = WebhookSignature.Sign(Body, Secret);
        var changed = (byte[])Body.Clone();
        changed[^2] = (byte)'x';
        WebhookSignature.IsValid(changed, signature, Secret).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_NonAsciiEscapedAsMetaSendsIt_IsAccepted()
    {
        // Meta escapes non-ASCII as \uXXXX; the signature is over those bytes, not the decoded text.
        var body = Encoding.UTF8.GetBytes("{\"text\":{\"body\":\"Ol\\u00e1 \\ud83d\\ude00\"}}");
        WebhookSignature.IsValid(body, WebhookSignature.Sign(body, Secret), Secret).ShouldBeTrue();
        WebhookSignature.IsValid(Encoding.UTF8.GetBytes("{\"text\":{\"body\":\"Olá 😀\"}}"), WebhookSignature.Sign(body, Secret), Secret).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_EmptySecret_NeverMatches() =>
        WebhookSignature.IsValid(Body, WebhookSignature.Sign(Body, ""), "").ShouldBeFalse();
}
