using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.Features.Forwarding;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>The documented scheme: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>.</summary>
public sealed class ForwardingSignatureTests
{
    private const string Secret = "whsec_test-secret";
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"1\",\"type\":\"message.received\",\"value\":{\"text\":{\"body\":\"Olá\"}}}");

    [Fact]
    public void Sign_FollowsTheDocumentedScheme()
    {
        var header = ForwardingSignature.Sign(Secret, At, Body);

        var t = At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + ".").Concat(Body).ToArray()));
        header.ShouldBe($"t={t},v1={expected}");
        ForwardingSignature.Verify(Secret, header, Body, At.AddSeconds(30)).ShouldBeTrue();
    }

    [Fact]
    public void Verify_TamperedBodyTimestampOrSecret_Fails()
    {
        var header = ForwardingSignature.Sign(Secret, At, Body);
        var tampered = Body.ToArray();
        tampered[^3] ^= 1;

        ForwardingSignature.Verify(Secret, header, tampered, At).ShouldBeFalse();
        ForwardingSignature.Verify("whsec_other", header, Body, At).ShouldBeFalse();
        ForwardingSignature.Verify(Secret, header.Replace($"t={At.ToUnixTimeSeconds()}", $"t={At.ToUnixTimeSeconds() + 1}"), Body, At).ShouldBeFalse();
        ForwardingSignature.Verify(Secret, null, Body, At).ShouldBeFalse();
        ForwardingSignature.Verify(Secret, "v1=abc", Body, At).ShouldBeFalse();
    }

    [Fact]
    public void Verify_OldSignature_IsRefusedAsAReplay()
    {
        var header = ForwardingSignature.Sign(Secret, At, Body);

        ForwardingSignature.Verify(Secret, header, Body, At.AddMinutes(6)).ShouldBeFalse();
        ForwardingSignature.Verify(Secret, header, Body, At.AddMinutes(6), tolerance: TimeSpan.FromMinutes(10)).ShouldBeTrue();
    }

    [Fact]
    public void NewSecret_IsLongRandomAndPrefixed()
    {
        var first = ForwardingSignature.NewSecret();

        first.ShouldStartWith("whsec_");
        first.Length.ShouldBeGreaterThan(40);
        ForwardingSignature.NewSecret().ShouldNotBe(first);
    }
}
